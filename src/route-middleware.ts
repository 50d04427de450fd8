import { defineRouteMiddleware } from '@astrojs/starlight/route-data';

/** Ajoute au sommaire des fiches les sections générées depuis le frontmatter. */
export const onRequest = defineRouteMiddleware((context) => {
  const route = context.locals.starlightRoute;
  const data = route.entry.data;
  if (typeof data.code !== 'string' || !route.toc) return;
  if ((data.references ?? []).length > 0) {
    route.toc.items.push({ depth: 2, slug: 'base-juridique', text: 'Base juridique', children: [] });
  }
  route.toc.items.push({ depth: 2, slug: 'pour-aller-plus-loin', text: 'Pour aller plus loin', children: [] });
  route.toc.items.push({ depth: 2, slug: 'historique', text: 'Mises à jour', children: [] });
});
