// @ts-check
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import preact from '@astrojs/preact';
import { unified } from '@astrojs/markdown-remark';
import { publisher } from './src/config/publisher';
import { readFicheFiles, readGlossary } from './src/lib/content-files';
import { buildSidebar } from './src/lib/sidebar';
import { redactionsSidebarGroup } from './src/lib/redactions/sidebar';
import { rehypeRecueil } from './src/lib/typography';
import { frenchSearchIndex } from './src/integrations/search-index';
import { islandStylesInHead } from './src/integrations/island-styles';

// Déploiement sous un sous-chemin : BASE_PATH=/recueil/ npm run build
const base = process.env.BASE_PATH || '/';

export default defineConfig({
  site: publisher.siteUrl,
  base,
  trailingSlash: 'always',
  // Pas de préchargement des liens : la plupart des lecteurs lisent une fiche et repartent.
  prefetch: false,
  // Le script de la recherche de l'en-tête reste un fichier (pas de <script> en ligne, pour la politique de sécurité
  // du contenu) : Astro mettrait en ligne un script de moins de 4 Ko sans import.
  vite: { build: { assetsInlineLimit: (file) => (file.includes('Search.astro_astro_type_script') ? false : undefined) } },
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
          {
            label: 'Parcours par public',
            collapsed: true,
            items: [
              { label: 'Vous êtes acheteur', link: '/publics/acheteur/' },
              { label: 'Vous êtes facilitateur', link: '/publics/facilitateur/' },
              { label: 'Vous êtes une entreprise', link: '/publics/entreprise/' },
              { label: 'Vous êtes une structure inclusive', link: '/publics/structure-inclusive/' },
              { label: 'Vous êtes élu ou décideur', link: '/publics/elu-decideur/' },
            ],
          },
        ],
        after: [
          redactionsSidebarGroup(),
          {
            label: 'Ressources',
            collapsed: false,
            items: [
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
  ],
});
