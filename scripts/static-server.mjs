/**
 * Petit serveur statique pour dist/ : c'est ce que fait n'importe quel hébergeur (fichiers, index.html,
 * page 404, compression gzip/brotli négociée). Utilisé par `npm start`, les tests navigateur et le banc de mesure.
 * Une requête mal formée (échappement invalide, caractère nul) reçoit un 400 et ne fait jamais tomber le serveur ;
 * rien hors du dossier servi n'est lu, même par un chemin encodé (« ..%2f »).
 */
import { createServer } from 'node:http';
import { createReadStream, existsSync, statSync, readFileSync } from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.css': 'text/css; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8', '.json': 'application/json', '.xml': 'application/xml', '.svg': 'image/svg+xml',
  '.png': 'image/png', '.jpg': 'image/jpeg', '.ico': 'image/x-icon', '.woff2': 'font/woff2', '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm', '.pf_meta': 'application/octet-stream', '.pf_index': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream', '.pagefind': 'application/octet-stream',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};
const COMPRESSIBLE = new Set(['.html', '.css', '.js', '.mjs', '.json', '.xml', '.svg', '.txt']);

/**
 * Démarre le serveur ; renvoie { url, close }. `base` est le sous-chemin de déploiement (« / » par défaut).
 * @returns {Promise<{ url: string, close: () => Promise<void> }>}
 */
export function serveDist({ root = 'dist', port = 0, host = '127.0.0.1', base = '/' } = {}) {
  const rootDir = resolve(root);
  const prefix = base.endsWith('/') ? base : `${base}/`;
  const cache = new Map();
  const inside = (file) => file === rootDir || file.startsWith(rootDir + sep);
  const server = createServer((req, res) => {
    try {
      handle(req, res);
    } catch {
      // Dernier filet : une erreur imprévue répond 500 au lieu d'arrêter le serveur.
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('Erreur du serveur');
    }
  });

  function handle(req, res) {
    let url;
    let pathname;
    try {
      url = new URL(req.url ?? '/', 'http://localhost');
      pathname = decodeURIComponent(url.pathname);
    } catch {
      return badRequest(res);
    }
    if (pathname.includes('\0') || pathname.includes('\\')) return badRequest(res);
    if (!pathname.startsWith(prefix) && `${pathname}/` !== prefix) return notFound(res);
    pathname = pathname.slice(prefix.length - 1) || '/';
    let file = normalize(join(rootDir, pathname));
    if (!inside(file)) return notFound(res);
    if (existsSync(file) && statSync(file).isDirectory()) {
      if (!pathname.endsWith('/')) {
        res.writeHead(301, { location: `${prefix.slice(0, -1)}${pathname}/${url.search}` });
        return res.end();
      }
      file = join(file, 'index.html');
    }
    if (!existsSync(file) || !statSync(file).isFile()) return notFound(res);
    send(req, res, file, 200);
  }

  function badRequest(res) {
    res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' });
    res.end('Requête invalide');
  }

  function notFound(res) {
    const page = join(rootDir, '404.html');
    if (existsSync(page)) return send(res.req, res, page, 404);
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
    res.end('Page introuvable');
  }

  function send(req, res, file, status) {
    const ext = extname(file);
    const headers = { 'content-type': TYPES[ext] ?? 'application/octet-stream', 'cache-control': 'no-cache' };
    const accept = String(req.headers['accept-encoding'] ?? '');
    if (COMPRESSIBLE.has(ext) && /\b(br|gzip)\b/.test(accept)) {
      const encoding = /\bbr\b/.test(accept) ? 'br' : 'gzip';
      // La date de modification fait partie de la clé : un site reconstruit n'est jamais servi depuis un cache périmé.
      const key = `${encoding}:${statSync(file).mtimeMs}:${file}`;
      if (!cache.has(key)) {
        const raw = readFileSync(file);
        cache.set(key, encoding === 'br' ? brotliCompressSync(raw) : gzipSync(raw, { level: 9 }));
      }
      const body = cache.get(key);
      res.writeHead(status, { ...headers, 'content-encoding': encoding, vary: 'accept-encoding', 'content-length': body.length });
      return res.end(body);
    }
    res.writeHead(status, { ...headers, 'content-length': statSync(file).size });
    createReadStream(file).pipe(res);
  }

  return new Promise((resolvePromise) => {
    server.listen(port, host, () => {
      const address = server.address();
      const url = `http://${host}:${address.port}${prefix}`;
      resolvePromise({ url, close: () => new Promise((r) => server.close(() => r())) });
    });
  });
}
