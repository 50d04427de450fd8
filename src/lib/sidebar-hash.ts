/**
 * Empreinte de la barre latérale, identique à celle de Starlight 0.42 (`getSidebarHash`, non exportée) :
 * l'état enregistré (branches ouvertes, défilement) n'est restauré que sur une barre identique.
 */
import type { StarlightRouteData } from '@astrojs/starlight/route-data';

type SidebarEntry = StarlightRouteData['sidebar'][number];

const identity = (entries: SidebarEntry[]): string =>
  entries.map((e) => (e.type === 'group' ? e.label + identity(e.entries) : e.label + e.href)).join('');

export function sidebarHash(sidebar: SidebarEntry[]): string {
  const text = identity(sidebar);
  let hash = 0;
  for (let i = 0; i < text.length; i++) hash = (hash << 5) - hash + text.charCodeAt(i);
  return (hash >>> 0).toString(36).padStart(7, '0');
}
