import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import { launchBrowser, openPage } from '../support/browser';

const site = inject('siteUrl');
let context: BrowserContext;
let close: (() => Promise<void>) | undefined;
beforeAll(async () => ({ browser: context, close } = await launchBrowser()));
afterAll(() => close?.());

describe('glossary in context', () => {
  test('a term on first use is a keyboard-reachable link whose definition shows on focus, is read as its description, and closes with Escape', async () => {
    const { page } = await openPage(context);
    await page.goto(`${site}fiches/c6/`);
    const term = page.locator('.sl-markdown-content .glossary-term > a').first();
    const tipId = (await term.getAttribute('aria-describedby')) ?? '';
    const tip = page.locator(`#${tipId}`);
    await expect(tip.isVisible()).resolves.toBe(false);
    // Atteindre le terme au clavier seul.
    await page.locator('main h1').click();
    let reached = false;
    for (let i = 0; i < 80 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await term.evaluate((el) => el === document.activeElement);
    }
    expect(reached).toBe(true);
    await expect(tip.isVisible()).resolves.toBe(true);
    await expect(tip.innerText()).resolves.toMatch(/\w+\s: .{20,}/);
    // Le lecteur d'écran lit la définition comme description du lien.
    const description = await page.evaluate((id) => document.getElementById(id)?.textContent, tipId);
    expect(description).toMatch(/.{20,}/);
    await page.keyboard.press('Escape');
    await expect(tip.isVisible()).resolves.toBe(false);
    // Le lien mène à la définition dans le glossaire.
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/glossaire\/#/);
    const anchor = decodeURIComponent(new URL(page.url()).hash.slice(1));
    await expect(page.locator(`[id="${anchor}"] dfn`).count()).resolves.toBe(1);
    await page.close();
  });

  test('each term is linked once per fiche, and never inside headings', async () => {
    const { page } = await openPage(context);
    await page.goto(`${site}fiches/d2/`);
    const hrefs = await page.locator('.sl-markdown-content .glossary-term > a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(hrefs.length).toBeGreaterThan(3);
    expect(new Set(hrefs).size).toBe(hrefs.length);
    await expect(page.locator('.sl-markdown-content :is(h1,h2,h3,h4) .glossary-term').count()).resolves.toBe(0);
    await page.close();
  });
});
