/** Groupe « Rédactions types » de la navigation latérale (astro.config.mjs), dans l'ordre de l'annexe, titres courts. */
import { drafts } from './catalog';
import type { SidebarGroup } from '../../sidebar';

export function redactionsSidebarGroup(): SidebarGroup {
  return {
    label: 'Rédactions types',
    collapsed: true,
    items: [{ label: 'Présentation de l’annexe', link: '/redactions/' }, ...drafts.map((d) => ({ label: d.shortTitle, link: `/redactions/${d.id}/` }))],
  };
}
