import { defineCollection } from 'astro:content';
import { file } from 'astro/loaders';
import { docsLoader, i18nLoader } from '@astrojs/starlight/loaders';
import { docsSchema, i18nSchema } from '@astrojs/starlight/schema';
import { glossarySchema, pageFields, referenceSchema } from './lib/schemas';
import { GLOSSARY_FILE, REFERENCES_FILE, readKnownIds } from './lib/content-files';

// Les identifiants citables sont lus sur le disque une fois : une citation inconnue fait échouer
// la construction avec le nom du fichier et du champ.
const known = readKnownIds();

export const collections = {
  docs: defineCollection({ loader: docsLoader(), schema: docsSchema({ extend: pageFields(known) }) }),
  i18n: defineCollection({ loader: i18nLoader(), schema: i18nSchema() }),
  references: defineCollection({ loader: file(REFERENCES_FILE), schema: referenceSchema }),
  glossary: defineCollection({ loader: file(GLOSSARY_FILE), schema: glossarySchema }),
};
