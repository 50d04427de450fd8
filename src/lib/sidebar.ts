/** Construit la navigation latérale à partir du frontmatter des fiches : un groupe par thème, dans l'ordre A–E. */
import { THEMES, ficheHref, themeHref } from './themes';
import type { FicheFile } from './content-files';
import { frenchTypography } from './typography';

export interface SidebarLink { label: string; link: string; attrs?: Record<string, string> }
export interface SidebarGroup { label: string; collapsed?: boolean; items: SidebarLink[] }
export type SidebarItem = SidebarLink | SidebarGroup;

export function buildSidebar(fiches: FicheFile[], extra: { before?: SidebarItem[]; after?: SidebarItem[] } = {}): SidebarItem[] {
  const themeGroups: SidebarGroup[] = THEMES.map((theme) => ({
    label: `${theme.code} — ${theme.title}`,
    collapsed: true,
    items: [
      { label: `Présentation du thème ${theme.code}`, link: themeHref(theme.code) },
      ...fiches
        .filter((f) => f.code.startsWith(theme.code))
        .map((f) => ({ label: frenchTypography(`${f.code} · ${f.title}`), link: ficheHref(f.code) })),
    ],
  }));
  return [...(extra.before ?? []), ...themeGroups, ...(extra.after ?? [])];
}
