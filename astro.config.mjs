// @ts-check
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import preact from '@astrojs/preact';
import { unified } from '@astrojs/markdown-remark';
import { publisher } from './src/config/publisher';
import { readAudiencePages, readFicheFiles, readGlossary } from './src/lib/content-files';
import { buildSidebar } from './src/lib/sidebar';
import { redactionsSidebarGroup } from './src/lib/redactions/loaders/sidebar';
import { rehypeRecueil } from './src/lib/rehype-recueil';
import { frenchSearchIndex } from './src/integrations/search-index';
import { islandStylesInHead } from './src/integrations/island-styles';
import { feedUrl } from './src/lib/changes';
import { contentSecurityPolicy } from './src/integrations/csp';
import { offlineCopy } from './src/integrations/offline';

// Déploiement sous un sous-chemin : BASE_PATH=/recueil/ npm run build
const base = process.env.BASE_PATH || '/';

export default defineConfig({
  site: publisher.siteUrl,
  base,
  trailingSlash: 'always',
  // Pas de préchargement des liens : la plupart des lecteurs lisent une fiche et repartent.
  prefetch: false,
  // Politique de sécurité du contenu, en <meta> dans chaque page : rien d'autre que le site lui-même, aucun
  // script en ligne sans son empreinte. Les empreintes sont recalculées sur le HTML final (src/integrations/csp.ts).
  security: {
    csp: {
      directives: [
        "default-src 'self'",
        // data: : icônes SVG en data: des feuilles de Pagefind et de Starlight (loupe de la recherche…), jamais exécutées.
        "img-src 'self' data:",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
      ],
      // 'wasm-unsafe-eval' (WebAssembly seulement, pas eval) : Pagefind compile son moteur dans la page (le site
      // n'utilise pas son web worker, src/lib/pagefind-client.ts ; vérifié par tests/e2e/csp.test.ts).
      scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"] },
    },
  },
  vite: {
    build: {
      // Astro écrit en ligne les petits scripts sans import ; ceux de la copie hors ligne et de la recherche de
      // l'en-tête restent des fichiers (ils sont sur chaque page, donc mis en cache par le navigateur, et une
      // politique CSP stricte les accepte).
      assetsInlineLimit: (file) => (/OfflineUpdate|Search\.astro_astro_type_script/.test(file) ? false : undefined),
    },
  },
  markdown: { processor: unified({ rehypePlugins: [[rehypeRecueil, { base, glossary: readGlossary() }]] }) },
  integrations: [
    starlight({
      title: publisher.siteName,
      description: publisher.workTitle,
      locales: { root: { label: 'Français', lang: 'fr' } },
      credits: false,
      // Un seul passage de Pagefind : l'index est construit par frenchSearchIndex (plus bas), pas par Starlight.
      // Starlight garde data-pagefind-body sur le contenu des pages et notre composant Search.
      pagefind: false,
      disable404Route: true,
      lastUpdated: false,
      // Flux Atom des nouveautés annoncé par chaque page (adresse absolue, base comprise).
      head: [
        {
          tag: 'link',
          attrs: { rel: 'alternate', type: 'application/atom+xml', title: 'Nouveautés du recueil', href: feedUrl(publisher.siteUrl, base) },
        },
      ],
      pagination: true,
      tableOfContents: { minHeadingLevel: 2, maxHeadingLevel: 3 },
      customCss: ['./src/styles/site.css', './src/styles/print.css'],
      components: {
        Footer: './src/components/Footer.astro',
        Search: './src/components/Search.astro',
        MarkdownContent: './src/components/MarkdownContent.astro',
        Sidebar: './src/components/Sidebar.astro',
      },
      routeMiddleware: './src/route-middleware.ts',
      sidebar: buildSidebar(readFicheFiles(), {
        before: [
          { label: 'Accueil', link: '/' },
          { label: 'Assistant de rédaction', link: '/assistant/' },
          { label: 'Parcours par public', collapsed: true, items: readAudiencePages().map(({ title, link }) => ({ label: title, link })) },
        ],
        after: [
          redactionsSidebarGroup(),
          {
            label: 'Ressources',
            collapsed: false,
            items: [
              { label: 'Nouveautés', link: '/nouveautes/' },
              { label: 'Glossaire', link: '/glossaire/' },
              { label: 'Références juridiques', link: '/references/' },
              { label: 'Rechercher', link: '/recherche/' },
              { label: 'Recueil complet', link: '/recueil-complet/' },
              { label: 'Plan du site', link: '/plan-du-site/' },
            ],
          },
        ],
      }),
    }),
    preact({ include: ['src/islands/**'] }),
    // L'index Pagefind du site, préparé pour le français (Starlight n'en construit pas : pagefind: false).
    frenchSearchIndex(),
    // Le <style> qu'Astro écrit devant le premier îlot, déplacé dans <head> (HTML valide, voir le fichier).
    islandStylesInHead(),
    // Avant la copie hors ligne : empreintes de la politique de sécurité calculées sur le HTML définitif.
    contentSecurityPolicy(),
    // En dernier : le service worker met en cache les fichiers tels qu'ils seront servis.
    offlineCopy(),
  ],
});
