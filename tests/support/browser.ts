/**
 * Chromium de Debian piloté par playwright-core (jamais un navigateur téléchargé).
 * Chaque page ouverte par `openPage` enregistre les requêtes vers un autre hôte que 127.0.0.1
 * (et les bloque) ainsi que les erreurs de console, pour que les tests puissent les refuser.
 */
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const MISSING_CHROMIUM = `Chromium est introuvable (${CHROMIUM_PATH}). Installez-le avec : sudo apt-get install -y chromium`;

const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic'];

export async function launchBrowser(): Promise<{ browser: BrowserContext; close: () => Promise<void> }> {
  if (!existsSync(CHROMIUM_PATH)) throw new Error(MISSING_CHROMIUM);
  const userDataDir = mkdtempSync(join(tmpdir(), 'recueil-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    args: FLAGS,
    headless: true,
    locale: 'fr-FR',
    viewport: { width: 1280, height: 900 },
    acceptDownloads: true,
  });
  return { browser: context, close: () => context.close() };
}

export interface PageWatch {
  page: Page;
  /** Requêtes refusées parce qu'elles visaient un autre hôte que 127.0.0.1. */
  foreignRequests: string[];
  consoleErrors: string[];
}

export async function openPage(context: BrowserContext): Promise<PageWatch> {
  const page = await context.newPage();
  const watch: PageWatch = { page, foreignRequests: [], consoleErrors: [] };
  await page.route('**/*', (route) => {
    const url = new URL(route.request().url());
    const local = url.hostname === '127.0.0.1' || ['data:', 'blob:'].includes(url.protocol);
    if (local) return route.continue();
    watch.foreignRequests.push(url.href);
    return route.abort();
  });
  page.on('console', (msg) => { if (msg.type() === 'error') watch.consoleErrors.push(msg.text()); });
  page.on('pageerror', (err) => watch.consoleErrors.push(String(err)));
  return watch;
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation { id: string; help: string; nodes: string[] }

/** Lance axe-core (règles WCAG 2.0/2.1 A et AA) sur la page courante. */
export async function runAxe(page: Page): Promise<AxeViolation[]> {
  // Évalué par le protocole de débogage : un <script> ajouté à la page serait refusé par sa politique de sécurité.
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    // @ts-expect-error axe est injecté ci-dessus
    const result = await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return result.violations.map((v: { id: string; help: string; nodes: { target: string[] }[] }) => ({
      id: v.id, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')),
    }));
  });
}

/** Les URL du plan de site (sitemap-0.xml), réécrites vers le serveur local. */
export function sitemapUrls(distDir: string, localSite: string, siteUrl: string): string[] {
  const xml = readFileSync(join(distDir, 'sitemap-0.xml'), 'utf8');
  const origin = new URL(localSite).origin;
  return [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!.replace(siteUrl.replace(/\/$/, ''), origin));
}
