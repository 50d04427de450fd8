/**
 * Groupe « Rédactions types » de la navigation latérale, lu sur le disque pour astro.config.mjs (qui ne passe
 * pas par Vite : pas d'import.meta.glob ici). Seuls l'id et le titre court sont lus ; les pages valident le reste.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { REDACTIONS_DIR } from '../content-files';
import { draftRank } from './order';
import { frenchTypography } from '../typography';
import type { SidebarGroup } from '../sidebar';

export function redactionsSidebarGroup(root = '.'): SidebarGroup {
  const dir = join(root, REDACTIONS_DIR);
  const entries = existsSync(dir)
    ? readdirSync(dir)
        .filter((name) => /\.ya?ml$/.test(name) && !name.startsWith('_'))
        .map((name) => {
          const data = (parseYaml(readFileSync(join(dir, name), 'utf8')) ?? {}) as { id?: string; title?: string; shortTitle?: string };
          const id = name.replace(/\.ya?ml$/, '');
          return { id, label: frenchTypography(data.shortTitle ?? data.title ?? id) };
        })
        .sort((a, b) => draftRank(a.id) - draftRank(b.id) || a.id.localeCompare(b.id))
    : [];
  return {
    label: 'Rédactions types',
    collapsed: true,
    items: [{ label: 'Présentation de l’annexe', link: '/redactions/' }, ...entries.map((e) => ({ label: e.label, link: `/redactions/${e.id}/` }))],
  };
}
