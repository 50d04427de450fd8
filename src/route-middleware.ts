import { defineRouteMiddleware } from '@astrojs/starlight/route-data';
import { FURTHER_READING, LEGAL_BASIS, PAGE_HISTORY } from './lib/fiche-sections';

/** Ajoute au sommaire des fiches les sections générées depuis le frontmatter. */
export const onRequest = defineRouteMiddleware((context) => {
  const route = context.locals.starlightRoute;
  const data = route.entry.data;
  if (typeof data.code !== 'string' || !route.toc) return;
  if ((data.references ?? []).length > 0) route.toc.items.push({ depth: 2, ...LEGAL_BASIS, children: [] });
  route.toc.items.push({ depth: 2, ...FURTHER_READING, children: [] });
  route.toc.items.push({ depth: 2, ...PAGE_HISTORY, children: [] });
});
