/**
 * La politique de sécurité du contenu de chaque page construite, lue avec parse5 (l'analyseur HTML du standard,
 * indépendant des expressions régulières de src/integrations/csp.ts) : une seule balise, en tête de <head> ;
 * rien d'autre que le site lui-même ; aucun script en ligne autorisé en bloc ; et chaque script, style et attribut
 * style en ligne de la page a son empreinte dans la politique (sinon le navigateur le refuserait).
 */
import { describe, expect, test } from 'vitest';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, type DefaultTreeAdapterMap } from 'parse5';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

const DIST = 'dist';
const pages = readdirSync(DIST, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html')).sort();

function* elements(node: Node): Generator<Element> {
  if ('tagName' in node) yield node;
  const children = 'content' in node && node.content ? node.content.childNodes : 'childNodes' in node ? node.childNodes : [];
  for (const child of children) yield* elements(child);
}
const attr = (el: Element, name: string) => el.attrs.find((a) => a.name === name)?.value;
const text = (el: Element) => el.childNodes.map((n) => ('value' in n ? n.value : '')).join('');
const hash = (s: string) => `'sha256-${createHash('sha256').update(s, 'utf8').digest('base64')}'`;

/** La politique d'une page, directive par directive. */
function policyOf(all: Element[]): Map<string, string[]> {
  const metas = all.filter((el) => el.tagName === 'meta' && attr(el, 'http-equiv')?.toLowerCase() === 'content-security-policy');
  expect(metas, 'une seule balise content-security-policy').toHaveLength(1);
  const directives = attr(metas[0]!, 'content')!.split(';').map((d) => d.trim().split(/\s+/)).filter((d) => d[0]);
  return new Map(directives.map(([name, ...sources]) => [name!, sources]));
}

describe('Content-Security-Policy of every built page', () => {
  test('the site has pages to check, including the 404 page and the wizard', () => {
    expect(pages.length).toBeGreaterThan(40);
    expect(pages).toContain('404.html');
    expect(pages).toContain(join('assistant', 'index.html'));
  });

  test.each(pages)('%s', (file) => {
    const all = [...elements(parse(readFileSync(join(DIST, file), 'utf8')))];
    const policy = policyOf(all);

    // En tête de <head>, juste après <meta charset> : une politique en <meta> ne vaut que pour ce qui la suit.
    const head = all.find((el) => el.tagName === 'head')!;
    const first = head.childNodes.filter((n): n is Element => 'tagName' in n).slice(0, 2);
    expect(first.map((el) => attr(el, 'charset') ?? attr(el, 'http-equiv'))).toEqual(['utf-8', 'content-security-policy']);

    expect(policy.get('default-src')).toEqual(["'self'"]);
    const scriptSrc = policy.get('script-src') ?? [];
    expect(scriptSrc).toContain("'self'");
    for (const loose of ["'unsafe-inline'", "'unsafe-eval'", "'unsafe-hashes'", '*', 'data:', 'blob:']) expect(scriptSrc).not.toContain(loose);
    expect(policy.get('style-src') ?? []).not.toContain("'unsafe-inline'");
    expect(policy.get('style-src-attr') ?? []).not.toContain("'unsafe-inline'");
    // Aucune autre origine : seulement 'self', des mots-clés, des empreintes, et data: pour les images.
    for (const [name, sources] of policy) {
      const others = sources.filter((s) => !/^'[a-z-]+'$/.test(s) && !/^'sha256-[A-Za-z0-9+/]+=*'$/.test(s) && !(name === 'img-src' && s === 'data:'));
      expect(others, name).toEqual([]);
    }

    // Chaque code en ligne a son empreinte (le navigateur calcule la même sur le texte de l'élément).
    const scripts = all.filter((el) => el.tagName === 'script' && !attr(el, 'src') && /^(|module|text\/javascript)$/i.test(attr(el, 'type') ?? ''));
    for (const script of scripts) expect(scriptSrc, `script en ligne « ${text(script).trim().slice(0, 60)} »`).toContain(hash(text(script)));
    for (const style of all.filter((el) => el.tagName === 'style')) {
      expect(policy.get('style-src') ?? [], `style en ligne « ${text(style).slice(0, 60)} »`).toContain(hash(text(style)));
    }
    for (const value of all.map((el) => attr(el, 'style')).filter((v) => v !== undefined)) {
      expect(policy.get('style-src-attr') ?? [], `attribut style="${value}"`).toContain(hash(value));
    }
    // Ni gestionnaire d'événement en attribut, ni lien javascript: (aucune empreinte ne les autoriserait).
    const handlers = all.flatMap((el) => el.attrs.filter((a) => /^on/i.test(a.name)).map((a) => `<${el.tagName} ${a.name}>`));
    expect(handlers).toEqual([]);
    expect(all.filter((el) => /^\s*javascript:/i.test(attr(el, 'href') ?? '')).length).toBe(0);
  });
});
