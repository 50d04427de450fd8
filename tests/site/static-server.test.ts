/**
 * Le serveur de `npm start` face à des requêtes hostiles : échappements invalides, « .. » et « / » encodés,
 * caractère nul, UTF-8 trop long, dossier voisin dont le nom commence comme celui servi. Chacune reçoit un 4xx,
 * rien hors du dossier servi n'est lu, et le serveur répond encore ensuite.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serveDist } from '../../scripts/static-server.mjs';

const SECRET = 'secret-hors-du-site';
let origin = '';
let close: (() => Promise<void>) | undefined;

beforeAll(async () => {
  const top = mkdtempSync(join(tmpdir(), 'recueil-serveur-'));
  mkdirSync(join(top, 'dist'));
  mkdirSync(join(top, 'dist-secret'));
  writeFileSync(join(top, 'dist', 'index.html'), '<!doctype html><title>Accueil</title>');
  writeFileSync(join(top, 'dist', '404.html'), '<!doctype html><title>Page introuvable</title>');
  writeFileSync(join(top, 'dist-secret', 'x.txt'), SECRET);
  writeFileSync(join(top, 'secret.txt'), SECRET);
  const server = await serveDist({ root: join(top, 'dist') });
  origin = new URL(server.url).origin;
  close = server.close;
});
afterAll(() => close?.());

/** Une requête brute : le chemin part tel quel, sans la normalisation que ferait `fetch`. */
function raw(path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(`${origin}/`, { path, method: 'GET' }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('the static server behind npm start', () => {
  test.each([
    '/%c0%ae',
    '/%',
    '/%E0%A4%A',
    '/..%2fdist-secret%2fx.txt',
    '/%2e%2e/dist-secret/x.txt',
    '/%2e%2e%2fsecret.txt',
    '/..%5csecret.txt',
    '/%00',
    '/index.html%00.txt',
    '/%c0%af..%c0%afsecret.txt',
  ])('%s gets a 4xx, never a file outside the site, and the server keeps answering', async (path) => {
    const r = await raw(path);
    expect(r.status).toBeGreaterThanOrEqual(400);
    expect(r.status).toBeLessThan(500);
    expect(r.body).not.toContain(SECRET);
    const home = await raw('/');
    expect(home.status).toBe(200);
    expect(home.body).toContain('Accueil');
  });
});
