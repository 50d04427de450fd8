import { defineCollection } from 'astro:content';
import { z } from 'astro/zod';
import { docsLoader, i18nLoader } from '@astrojs/starlight/loaders';
import { docsSchema, i18nSchema } from '@astrojs/starlight/schema';
import { pageFields, type GlossaryTerm, type LegalReference } from './lib/schemas';
import { readGlossary, readKnownIds, readReferences } from './lib/content-files';

// Les identifiants citables sont lus une fois par les lecteurs validés de content-files.ts : une citation
// inconnue fait échouer la construction avec le nom du fichier et du champ.
const known = readKnownIds();

// Références et glossaire : lus et validés par leur seul lecteur (format d'erreur commun) ; le schéma ne fait
// ici que donner le type des données aux pages.
const validated = <T,>() => z.custom<T>(() => true);

export const collections = {
  docs: defineCollection({ loader: docsLoader(), schema: docsSchema({ extend: pageFields(known) }) }),
  i18n: defineCollection({ loader: i18nLoader(), schema: i18nSchema() }),
  references: defineCollection({ loader: () => readReferences(), schema: validated<LegalReference>() }),
  glossary: defineCollection({ loader: () => readGlossary(), schema: validated<GlossaryTerm>() }),
};
