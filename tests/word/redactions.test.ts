/**
 * Fichiers Word des rédactions types, ouverts par LibreOffice headless : chaque exemple (et chaque modèle à
 * compléter) s'ouvre et contient ses phrases clés et ses valeurs ; un texte hostile arrive tel quel dans un
 * .docx valide ; le document assemblé a ses en-têtes, pieds de page et numéros de page.
 * Les conversions sont groupées (un lancement de LibreOffice pour tous les fichiers) pour garder le test court.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { unzipSync, strFromU8 } from 'fflate'; // dépendance de `docx`, utilisée ici pour lire le XML produit
import { drafts, draftById } from '../../src/lib/redactions/loaders/catalog';
import { render, renderBlank } from '../../src/lib/redactions/core/render';
import type { RenderedDocument } from '../../src/lib/redactions/core/document';
import { buildDocx, docxBytes } from '../../src/lib/redactions/adapters/docx';
import { publisher } from '../../src/config/publisher';
import { docxBatchToText, docxToPdfText } from '../support/libreoffice';
import { keyPhrases, normaliseSpaces, present, valueTexts } from '../support/redactions';

const example = (id: string, answers?: Record<string, unknown>): RenderedDocument => {
  const draft = draftById(id);
  const result = render(draft, answers ?? draft.example);
  if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('\n'));
  return result.document;
};

const HOSTILE_SHORT = '<script>alert("x")</script> & Cie ]]> <![CDATA[ 👩‍🔧🇫🇷 avant\u0000\u0001\u0008\u000B\u001F\u007Faprès \uD800seul \uFFFEfin';
const HOSTILE_SHORT_CLEAN = '<script>alert("x")</script> & Cie ]]> <![CDATA[ 👩‍🔧🇫🇷 avantaprès seul fin';
const HOSTILE_LONG = 'é&<>"\'𝄞'.repeat(1_500).slice(0, 10_000);

const texts: Record<string, string> = {};
const files: Record<string, Uint8Array> = {};
const textOf = (name: string) => present(texts[name], `Le texte LibreOffice de « ${name} »`);
const fileOf = (name: string) => present(files[name], `Le fichier « ${name} »`);
const entry = (zip: Record<string, Uint8Array>, path: string) => strFromU8(present(zip[path], `L'entrée ${path} du .docx`));

beforeAll(async () => {
  const ccap = draftById('ccap-condition-execution');
  // Un texte hostile passé par le rendu, et le même injecté directement dans le document pour éprouver l'adaptateur seul.
  const hostile = example(ccap.id, { ...ccap.example, facilitateur_structure: HOSTILE_SHORT, perimetre: HOSTILE_LONG });
  const raw: RenderedDocument = {
    draftId: 'brut',
    title: `Titre ${HOSTILE_SHORT}`,
    fiche: 'C4',
    references: ['ccp-l2112-2'],
    blocks: [
      { kind: 'heading', level: 1, runs: [{ kind: 'text', text: HOSTILE_SHORT }] },
      { kind: 'paragraph', runs: [{ kind: 'value', text: HOSTILE_SHORT, field: 'x' }, { kind: 'placeholder', text: '[à compléter\u0000]', field: 'y' }] },
      { kind: 'list', items: [[{ kind: 'text', text: HOSTILE_LONG }]] },
      { kind: 'table', header: [[{ kind: 'text', text: 'A\u0000' }]], rows: [[[{ kind: 'value', text: HOSTILE_SHORT, field: 'z' }]]] },
    ],
  };
  const entries: [string, RenderedDocument][] = [
    ...drafts.map((d) => [`${d.id}-exemple`, example(d.id)] as [string, RenderedDocument]),
    ...drafts.map((d) => [`${d.id}-modele`, renderBlank(d)] as [string, RenderedDocument]),
    ['hostile', hostile],
    ['brut', raw],
  ];
  for (const [name, doc] of entries) files[name] = await docxBytes(buildDocx([doc], { referenceLabels: { 'ccp-l2112-2': 'CCP, art. L2112-2' } }));
  Object.assign(texts, await docxBatchToText(Object.entries(files).map(([name, bytes]) => ({ name, bytes }))));
}, 600_000);

for (const draft of drafts) {
  describe(draft.id, () => {
    test('the Word file of the example opens in LibreOffice with the key phrases and every example value', () => {
      const text = normaliseSpaces(textOf(`${draft.id}-exemple`));
      for (const phrase of keyPhrases(draft.id)) expect(text).toContain(normaliseSpaces(phrase));
      for (const value of valueTexts(example(draft.id))) expect(text).toContain(normaliseSpaces(value));
    });

    test('the Word file of the blank model opens in LibreOffice and shows its placeholders', () => {
      const text = textOf(`${draft.id}-modele`);
      expect(text).toMatch(/\[[^\]]+\]/);
      expect(text).not.toMatch(/undefined|NaN|\[object Object\]/);
    });
  });
}

describe('hostile text', () => {
  test('ends up literally in a valid .docx, without the characters XML forbids', () => {
    for (const name of ['hostile', 'brut']) {
      const text = textOf(name);
      expect(text, name).toContain(HOSTILE_SHORT_CLEAN);
      expect(text.replace(/\s+/g, ''), name).toContain(HOSTILE_LONG.replace(/\s+/g, ''));
      expect(text, name).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/);
    }
  });

  test('is escaped in the XML of the document, never interpreted', () => {
    const xml = entry(unzipSync(fileOf('brut')), 'word/document.xml');
    expect(xml).toContain('&lt;script&gt;alert(');
    expect(xml).toContain('&amp; Cie ]]&gt; &lt;![CDATA[');
    expect(xml).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/);
    expect(xml).toContain('w:highlight w:val="yellow"');
  });
});

describe('assembled document', () => {
  test('holds several drafts, each with its title in the header, provenance and page x / y in the footer', async () => {
    const docs = drafts.map((d) => example(d.id));
    const bytes = await docxBytes(buildDocx(docs, { title: 'Pièces du marché', generatedAt: new Date('2026-09-01T00:00:00Z') }));
    const { text, pages } = await docxToPdfText(bytes, 'assemblage');
    const flat = normaliseSpaces(text).replace(/\s+/g, ' ');
    expect(pages).toBeGreaterThanOrEqual(drafts.length);
    expect(flat).toContain(`Page 1 / ${pages}`);
    expect(flat).toContain(`Page ${pages} / ${pages}`);
    expect(flat).toContain(`${publisher.siteName}, ${publisher.edition} (version ${publisher.version})`);
    expect(flat).toContain('générée le 1er septembre 2026');
    expect(flat).toContain('Fiche C4');
    for (const d of drafts) expect(flat).toContain(normaliseSpaces(d.title));
  });

  test('declares title, subject and creator, A4 portrait pages and real heading styles', async () => {
    const zip = unzipSync(await docxBytes(buildDocx([example('ccap-condition-execution')], { subject: 'Sujet' })));
    const core = entry(zip, 'docProps/core.xml');
    expect(core).toContain('<dc:title>Article du CCAP');
    expect(core).toContain('<dc:subject>Sujet</dc:subject>');
    expect(core).toContain(`<dc:creator>${publisher.siteName}</dc:creator>`);
    const xml = entry(zip, 'word/document.xml');
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(xml).toMatch(/<w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1134"/);
    expect(xml).toContain('<w:pStyle w:val="Heading2"/>');
    const styles = entry(zip, 'word/styles.xml');
    expect(styles).toMatch(/<w:style w:type="paragraph" w:styleId="Heading1">[\s\S]*?<w:name w:val="Heading 1"\/>/);
  });
});
