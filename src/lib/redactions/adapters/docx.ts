/**
 * Adaptateur Word : documents intermédiaires → fichier .docx (bibliothèque `docx`), pour les téléchargements
 * du site et l'assistant. Sans import propre à Node : il tourne aussi dans le navigateur (import dynamique).
 *
 * Choix de mise en page :
 * - styles et numérotations déclarés une fois (Titre, Titre 1, Titre 2 réels pour le volet de navigation de Word),
 *   puces ; les numéros d'articles (« 9.1. », « 7.3.2. ») sont du texte et non une numérotation automatique de Word,
 *   pour rester exacts une fois collés dans le fichier de l'acheteur ;
 * - mentions hors texte (identification du marché en tête de chaque pièce) dans un style à part, encadré ;
 * - zones à remplir par l'entreprise en pointillés ou cases « ☐ », sans surlignage ;
 * - A4 portrait, marges de 2 cm ;
 * - police Arial déclarée : Word l'a partout et LibreOffice la remplace par Liberation Sans, de mêmes métriques ;
 * - repères à compléter surlignés en jaune ; en-tête avec le titre ; pied de page avec la provenance et « Page x / y ».
 * Tout texte passe par `xmlSafe` : aucun caractère interdit en XML 1.0 n'atteint le fichier.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  HeadingLevel,
  LevelFormat,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type ISectionOptions,
} from 'docx';
import { publisher } from '../../../config/publisher';
import { formatDateFr } from '../../format';
import type { Block, RenderedDocument, Run } from '../core/document';
import { xmlSafe } from '../core/text';

export interface DocxMeta {
  /** Titre du fichier (propriétés du document) ; par défaut celui de la première rédaction. */
  title?: string;
  /** Sujet (propriétés du document). */
  subject?: string;
  /** Date de génération affichée dans le pied de page ; maintenant par défaut. */
  generatedAt?: Date;
  /** Libellés des références juridiques par id (« ccp-l2112-2 » → « CCP, art. L2112-2 »), pour le pied de page. */
  referenceLabels?: Readonly<Record<string, string>>;
}

const FONT = 'Arial';
/** Corps du texte des tableaux (demi-points) et marges intérieures des cellules (twips). */
const TABLE_FONT_HALF_POINTS = 19;
const CELL_MARGIN = 80;

/** Millimètres → vingtièmes de point (twips). */
const mm = (n: number) => Math.round((n * 1440) / 25.4);
const PAGE = { width: mm(210), height: mm(297), margin: mm(20) };
const TEXT_WIDTH = PAGE.width - 2 * PAGE.margin;
const BULLETS = 'puces';

/** Texte sûr pour Word : caractères interdits retirés, fins de ligne et tabulations en espaces. */
const safe = (text: string) => xmlSafe(text).replace(/[\n\t]/g, ' ');

const styles = {
  default: { document: { run: { font: FONT, size: 21, language: { value: 'fr-FR' } }, paragraph: { spacing: { after: 120, line: 276 } } } },
  paragraphStyles: [
    {
      id: 'Title',
      name: 'Title',
      basedOn: 'Normal',
      next: 'Normal',
      quickFormat: true,
      run: { font: FONT, size: 34, bold: true, color: '1F3A5F' },
      paragraph: { spacing: { after: 240 }, keepNext: true },
    },
    {
      id: 'Heading1',
      name: 'Heading 1',
      basedOn: 'Normal',
      next: 'Normal',
      quickFormat: true,
      run: { font: FONT, size: 28, bold: true, color: '1F3A5F' },
      paragraph: { spacing: { before: 320, after: 160 }, keepNext: true, keepLines: true, outlineLevel: 0 },
    },
    {
      id: 'Heading2',
      name: 'Heading 2',
      basedOn: 'Normal',
      next: 'Normal',
      quickFormat: true,
      run: { font: FONT, size: 23, bold: true, color: '1F3A5F' },
      paragraph: { spacing: { before: 240, after: 100 }, keepNext: true, keepLines: true, outlineLevel: 1 },
    },
    {
      id: 'TableText',
      name: 'Table Text',
      basedOn: 'Normal',
      quickFormat: true,
      run: { font: FONT, size: TABLE_FONT_HALF_POINTS },
      paragraph: { spacing: { before: 40, after: 40, line: 240 } },
    },
    {
      id: 'Identification',
      name: 'Identification',
      basedOn: 'Normal',
      run: { font: FONT, size: 19, color: '1F3A5F' },
      paragraph: {
        spacing: { after: 200, line: 260 },
        border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '8A8A8A', space: 4 } },
      },
    },
    {
      id: 'Provenance',
      name: 'Provenance',
      basedOn: 'Normal',
      run: { font: FONT, size: 15, color: '555555' },
      paragraph: { spacing: { after: 0, line: 240 } },
    },
  ],
};

const numbering = {
  config: [
    {
      reference: BULLETS,
      levels: [
        {
          level: 0,
          format: LevelFormat.BULLET,
          text: '•',
          alignment: AlignmentType.START,
          style: { paragraph: { indent: { left: mm(8), hanging: mm(5) } } },
        },
      ],
    },
  ],
};

function textRuns(runs: Run[], extra: { bold?: boolean } = {}): TextRun[] {
  return runs
    .map((run) => ({ run, text: safe(run.text) }))
    .filter(({ text }) => text !== '')
    .map(({ run, text }) => new TextRun({ text, ...extra, ...(run.kind === 'placeholder' ? { highlight: 'yellow' } : {}) }));
}

/** Largeur approximative d'un texte en Arial, en cadratins : assez juste pour ne pas couper « Homme » en deux. */
function widthEm(text: string): number {
  let em = 0;
  for (const ch of text) {
    if (/[ilIjtf.,;:'’|!()\[\] ]/.test(ch)) em += 0.28;
    else if (/[mwMW@%]/.test(ch)) em += 0.86;
    else if (/[A-ZÀ-ÖØ-Þ0-9]/.test(ch)) em += ch >= '0' && ch <= '9' ? 0.56 : 0.7;
    else em += 0.56;
  }
  return em;
}

/**
 * Largeurs de colonnes explicites (LibreOffice les exige) : chaque colonne reçoit au moins la place de son plus
 * long mot, en gras pour l'en-tête (les espaces insécables lient « 412 heures »), puis le reste se partage selon
 * la longueur du contenu.
 */
function columnWidths(header: Run[][], rows: Run[][][]): number[] {
  const all = [header, ...rows];
  const columns = header.length || 1;
  const cellText = (row: Run[][], c: number) => (row[c] ?? []).map((r) => r.text).join('');
  const twips = (em: number) => (em * TABLE_FONT_HALF_POINTS * 20) / 2;
  const wordWidth = (text: string, bold: boolean) => Math.max(0, ...text.split(/[ \-/]+/).map((w) => twips(widthEm(w)) * (bold ? 1.08 : 1)));
  let minimum = Array.from({ length: columns }, (_, c) =>
    Math.ceil(Math.max(wordWidth(cellText(header, c), true), ...rows.map((row) => wordWidth(cellText(row, c), false))) + 2 * CELL_MARGIN + 60),
  );
  const minSum = minimum.reduce((a, b) => a + b, 0);
  if (minSum > TEXT_WIDTH) minimum = minimum.map((w) => (w * TEXT_WIDTH) / minSum);
  const spare = TEXT_WIDTH - minimum.reduce((a, b) => a + b, 0);
  const desire = Array.from({ length: columns }, (_, c) => Math.min(60, Math.max(1, ...all.map((row) => cellText(row, c).length))));
  const desireSum = desire.reduce((a, b) => a + b, 0);
  const widths = minimum.map((w, c) => Math.floor(w + (spare * (desire[c] ?? 1)) / desireSum));
  // L'arrondi laisse quelques twips : la dernière colonne les reprend pour remplir exactement la largeur.
  const rest = TEXT_WIDTH - widths.reduce((a, b) => a + b, 0);
  return widths.map((w, c) => (c === widths.length - 1 ? w + rest : w));
}

const cellBorder = { style: BorderStyle.SINGLE, size: 4, color: '8A8A8A' };

function table(block: Extract<Block, { kind: 'table' }>): Table {
  const widths = columnWidths(block.header, block.rows);
  const row = (cells: Run[][], header: boolean) =>
    new TableRow({
      tableHeader: header,
      cantSplit: true,
      children: widths.map(
        (width, i) =>
          new TableCell({
            width: { size: width, type: WidthType.DXA },
            margins: { top: 40, bottom: 40, left: CELL_MARGIN, right: CELL_MARGIN },
            borders: { top: cellBorder, bottom: cellBorder, left: cellBorder, right: cellBorder },
            ...(header ? { shading: { type: ShadingType.CLEAR, fill: 'E8EEF5', color: 'auto' } } : {}),
            children: [new Paragraph({ style: 'TableText', children: textRuns(cells[i] ?? [], header ? { bold: true } : {}) })],
          }),
      ),
    });
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    rows: [row(block.header, true), ...block.rows.map((cells) => row(cells, false))],
  });
}

/** Les blocs d'une rédaction ; les numéros d'articles sont écrits en texte. */
function body(doc: RenderedDocument): (Paragraph | Table)[] {
  // Le titre de la rédaction est dans l'en-tête : le corps commence par le texte à coller, sans titre redondant.
  const children: (Paragraph | Table)[] = [];
  for (const block of doc.blocks) {
    if (block.kind === 'heading' && block.level === 1) {
      children.push(new Paragraph({ heading: HeadingLevel.HEADING_1, children: textRuns(block.runs) }));
    } else if (block.kind === 'heading') {
      const number = block.number ? [new TextRun({ text: `${block.number}.\u00a0` })] : [];
      children.push(new Paragraph({ heading: HeadingLevel.HEADING_2, children: [...number, ...textRuns(block.runs)] }));
    } else if (block.kind === 'note') {
      children.push(new Paragraph({ style: 'Identification', children: textRuns(block.runs) }));
    } else if (block.kind === 'paragraph') {
      children.push(new Paragraph({ children: textRuns(block.runs) }));
    } else if (block.kind === 'list') {
      for (const item of block.items) children.push(new Paragraph({ numbering: { reference: BULLETS, level: 0 }, children: textRuns(item) }));
    } else {
      children.push(table(block), new Paragraph({ spacing: { after: 0 }, children: [] }));
    }
  }
  return children;
}

/** Pied de page : provenance de la pièce (site, édition, date, fiche, références) et numéro de page. */
function footer(doc: RenderedDocument, meta: DocxMeta, generatedAt: Date): Footer {
  const refs = doc.references.map((id) => meta.referenceLabels?.[id] ?? id).join(' ; ');
  const provenance = `${publisher.siteName}, ${publisher.edition} (version ${publisher.version}), rédaction type « ${doc.draftId} » générée le ${formatDateFr(generatedAt)}. Fiche ${doc.fiche}. Références : ${refs}.`;
  return new Footer({
    children: [
      new Paragraph({ style: 'Provenance', children: [new TextRun({ text: safe(provenance) })] }),
      new Paragraph({
        style: 'Provenance',
        alignment: AlignmentType.RIGHT,
        children: [new TextRun({ children: ['Page ', PageNumber.CURRENT, ' / ', PageNumber.TOTAL_PAGES] })],
      }),
    ],
  });
}

const header = (title: string) =>
  new Header({ children: [new Paragraph({ style: 'Provenance', alignment: AlignmentType.RIGHT, children: [new TextRun({ text: safe(title) })] })] });

/** Un document Word réunissant une ou plusieurs rédactions, chacune dans sa section (nouvelle page, son en-tête). */
export function buildDocx(documents: RenderedDocument[], meta: DocxMeta = {}): Document {
  if (documents.length === 0) throw new Error('Aucune rédaction à mettre dans le document Word.');
  const generatedAt = meta.generatedAt ?? new Date();
  const sections: ISectionOptions[] = documents.map((doc) => ({
    properties: {
      page: {
        size: { width: PAGE.width, height: PAGE.height },
        margin: { top: PAGE.margin, right: PAGE.margin, bottom: PAGE.margin, left: PAGE.margin, header: mm(10), footer: mm(10) },
      },
    },
    headers: { default: header(doc.title) },
    footers: { default: footer(doc, meta, generatedAt) },
    children: body(doc),
  }));
  const title = safe(meta.title ?? (documents.length === 1 && documents[0] ? documents[0].title : 'Rédactions types'));
  return new Document({
    creator: publisher.siteName,
    lastModifiedBy: publisher.siteName,
    title,
    subject: safe(meta.subject ?? 'Rédaction type pour la clause sociale d’insertion'),
    description: safe(`${publisher.workTitle}, ${publisher.edition}.`),
    language: 'fr-FR',
    styles,
    numbering,
    sections,
  } as ConstructorParameters<typeof Document>[0]);
}

/** Les octets du fichier .docx (Node et navigateur). */
export function docxBytes(doc: Document): Promise<Uint8Array> {
  return Packer.pack(doc, 'uint8array');
}

/** Le fichier sous forme de Blob, pour un téléchargement dans le navigateur. */
export function docxBlob(doc: Document): Promise<Blob> {
  return Packer.toBlob(doc);
}

export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
