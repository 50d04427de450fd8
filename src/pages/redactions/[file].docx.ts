/**
 * Fichiers Word de l'annexe, générés à la construction : /redactions/<id>.docx (modèle à compléter)
 * et /redactions/<id>-exemple.docx (exemple rempli). Ils se téléchargent sans JavaScript.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getCollection } from 'astro:content';
import { drafts } from '../../lib/redactions/loaders/catalog';
import { DOCX_MIME } from '../../lib/redactions/adapters/docx';
import { DOCX_VARIANTS, docxFileName, draftDocxBytes, type DocxVariant } from '../../lib/redactions/loaders/site';
import type { Draft } from '../../lib/redactions/core/schema';

export const getStaticPaths = (() =>
  drafts.flatMap((draft) =>
    (Object.keys(DOCX_VARIANTS) as DocxVariant[]).map((variant) => ({
      params: { file: docxFileName(draft, variant).replace(/\.docx$/, '') },
      props: { draft, variant },
    })),
  )) satisfies GetStaticPaths;

/** Une seule date de génération pour toute la construction. */
const generatedAt = new Date();

export const GET: APIRoute<{ draft: Draft; variant: DocxVariant }> = async ({ props }) => {
  const references = await getCollection('references');
  const labels = Object.fromEntries(references.map((r) => [r.id, r.data.label]));
  const bytes = await draftDocxBytes(props.draft, props.variant, labels, generatedAt);
  return new Response(bytes as Uint8Array<ArrayBuffer>, {
    headers: {
      'Content-Type': DOCX_MIME,
      'Content-Disposition': `attachment; filename="${docxFileName(props.draft, props.variant)}"`,
    },
  });
};
