/** `npm start` (après la construction) : sert dist/ sur 127.0.0.1 et affiche l'adresse. */
import { existsSync } from 'node:fs';
import { serveDist } from './static-server.mjs';

if (!existsSync('dist/index.html')) {
  console.error('Le dossier dist/ est vide : lancez d’abord « npm run build » (ou « npm start », qui construit puis sert le site).');
  process.exit(1);
}
const port = Number(process.env.PORT ?? 4321);
const base = process.env.BASE_PATH || '/';
const { url } = await serveDist({ port, base });
console.log(`\n  Le recueil est servi à l’adresse : ${url}\n  (Ctrl+C pour arrêter)\n`);
