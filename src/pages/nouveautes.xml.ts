/**
 * Flux Atom des nouveautés (/nouveautes.xml), écrit à la construction depuis content/changes.yaml, comme la page
 * « Nouveautés ». Adresses absolues : URL publique de l'éditeur et base de déploiement (BASE_PATH).
 */
import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { publisher } from '../config/publisher';
import { atomXml } from '../lib/atom';
import { changesFeed } from '../lib/changes';
import { changes } from '../lib/changes-log';
import { drafts } from '../lib/redactions/loaders/catalog';

export const GET: APIRoute = async () => {
  const fiches = (await getCollection('docs')).filter((e) => typeof e.data.code === 'string');
  const feed = changesFeed(changes, {
    site: publisher.siteUrl,
    base: import.meta.env.BASE_URL,
    title: `${publisher.siteName}\u00a0: nouveautés`,
    subtitle: 'Ce qui a changé dans le recueil, quand et pourquoi\u00a0: textes nouveaux, fiches revues, rédactions types ajoutées.',
    author: { name: publisher.name, email: publisher.email },
    ficheTitles: new Map(fiches.map((e) => [e.data.code!, e.data.title])),
    draftTitles: new Map(drafts.map((d) => [d.id, d.title])),
  });
  return new Response(atomXml(feed), { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
};
