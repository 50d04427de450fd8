/**
 * Vérifie les liens internes d'un site construit : chaque lien et chaque ancre (#…) d'une page HTML
 * doit mener à un fichier et à un id existants. Les liens externes ne sont pas suivis (pas de réseau).
 */
import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import { join, relative, posix } from 'node:path';

export interface BrokenLink { page: string; href: string; reason: string }

function htmlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'pagefind' || name === '_astro' ? [] : htmlFiles(path);
    return name.endsWith('.html') ? [path] : [];
  });
}

const decodeEntities = (s: string) => s.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'");

export function idsOf(html: string): Set<string> {
  const ids = new Set<string>();
  for (const m of html.matchAll(/\s(?:id|name)="([^"]*)"/g)) ids.add(decodeEntities(m[1] ?? ''));
  return ids;
}

export function linksOf(html: string): string[] {
  const withoutScripts = html.replace(/<script[\s\S]*?<\/script>/g, '');
  return [...withoutScripts.matchAll(/<(?:a|link|img|script|source|iframe)\b[^>]*?\s(?:href|src)="([^"]*)"/g)].map((m) => decodeEntities(m[1] ?? ''));
}

/** Renvoie la liste des liens cassés de `distDir`, servi sous `base` (« / » ou « /recueil/ »). */
export function findBrokenLinks(distDir: string, base = '/'): BrokenLink[] {
  const prefix = base.endsWith('/') ? base : `${base}/`;
  const pages = htmlFiles(distDir);
  const idCache = new Map<string, Set<string>>();
  const ids = (file: string) => {
    if (!idCache.has(file)) idCache.set(file, idsOf(readFileSync(file, 'utf8')));
    return idCache.get(file)!;
  };
  const resolveFile = (pathname: string): string | undefined => {
    const local = join(distDir, pathname);
    const candidates = pathname.endsWith('/') ? [join(local, 'index.html')] : [local, join(local, 'index.html'), `${local}.html`];
    return candidates.find((c) => existsSync(c) && statSync(c).isFile());
  };

  const broken: BrokenLink[] = [];
  for (const file of pages) {
    const rel = relative(distDir, file).split('\\').join('/');
    const pageUrl = prefix + (rel.endsWith('index.html') ? rel.slice(0, -'index.html'.length) : rel);
    const page = pageUrl;
    for (const href of linksOf(readFileSync(file, 'utf8'))) {
      if (/^(?:[a-z][a-z0-9+.-]*:|\/\/)/i.test(href)) continue; // externe, mailto:, data:…
      if (href === '' ) continue;
      const url = new URL(href, `http://site${pageUrl}`);
      const pathname = decodeURIComponent(url.pathname);
      let target = file;
      if (!(href.startsWith('#'))) {
        if (!pathname.startsWith(prefix)) { broken.push({ page, href, reason: `hors de la base ${prefix}` }); continue; }
        const found = resolveFile(posix.normalize(pathname.slice(prefix.length - 1)));
        if (!found) { broken.push({ page, href, reason: 'page ou fichier introuvable' }); continue; }
        target = found;
      }
      const anchor = decodeURIComponent(url.hash.slice(1));
      if (anchor && target.endsWith('.html') && !ids(target).has(anchor)) {
        broken.push({ page, href, reason: `ancre « ${anchor} » introuvable` });
      }
    }
  }
  return broken;
}
