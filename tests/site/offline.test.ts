/**
 * Le service worker de la copie hors ligne, tel que construit dans dist/ : tout le site y est, rien n'est demandé à
 * un autre site, et son enregistrement est un script du site (pas un script en ligne, qu'une CSP stricte refuserait).
 */
import { describe, expect, test } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { OFFLINE_COPY_MAX_MB, SERVICE_WORKER_FILE, UPDATE_PROMPT_FILE } from '../../src/lib/offline';

const DIST = 'dist';
const sw = readFileSync(join(DIST, SERVICE_WORKER_FILE), 'utf8');
const manifest = [...sw.matchAll(/\{url:"([^"]+)"/g)].map((m) => m[1]!);
const files = readdirSync(DIST, { recursive: true, encoding: 'utf8' })
  .filter((f) => statSync(join(DIST, f)).isFile())
  .map((f) => relative(DIST, join(DIST, f)).split(sep).join('/'));
const pages = files.filter((f) => f.endsWith('.html'));

describe('the offline copy', () => {
  test('every page, every script and style, the search index and the annex Word files are precached', () => {
    expect(pages.length).toBeGreaterThan(50);
    const missing = files.filter((f) => /\.(?:html|js|css|docx|pf_\w+)$/.test(f) && f !== SERVICE_WORKER_FILE && !/pagefind-(?:ui|component-ui|modular-ui|highlight|worker)\./.test(f) && !manifest.includes(f));
    expect(missing).toEqual([]);
    expect(manifest).toEqual(expect.arrayContaining([UPDATE_PROMPT_FILE, 'pagefind/pagefind.js', 'pagefind/pagefind-entry.json', 'pagefind/wasm.fr.pagefind']));
  });

  test('the service worker requests nothing from another site: Workbox is inside it, addresses are relative to it', () => {
    expect(sw).not.toMatch(/importScripts/);
    expect(files.filter((f) => /^workbox-/.test(f))).toEqual([]);
    for (const url of manifest) expect(url).not.toMatch(/^(?:\/|[a-z]+:)/);
  });

  test(`the precached files weigh less than the ${OFFLINE_COPY_MAX_MB} MB announced on the privacy page`, () => {
    const bytes = manifest.reduce((sum, url) => sum + statSync(join(DIST, url)).size, 0);
    expect(bytes).toBeLessThan(OFFLINE_COPY_MAX_MB * 1e6);
    expect(readFileSync(join(DIST, 'donnees-personnelles/index.html'), 'utf8')).toContain(`moins de ${OFFLINE_COPY_MAX_MB}\u00a0Mo`);
  });

  test('every page registers the worker with a module script file of the site, never an inline script', () => {
    for (const page of pages) {
      const html = readFileSync(join(DIST, page), 'utf8');
      expect(html, page).toMatch(/<script type="module" src="[^"]*\/_astro\/OfflineUpdate[^"]*\.js">/);
      expect(html, page).not.toMatch(/<script[^>]*>[^<]*serviceWorker/);
    }
  });
});
