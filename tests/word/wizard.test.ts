/**
 * Les fichiers Word de l'assistant, construits en Node comme dans le navigateur (documentsFor puis l'adaptateur
 * Word) et ouverts par LibreOffice : chaque parcours de l'issue donne un fichier lisible, avec ses pièces dans
 * l'ordre, les heures calculées, le facilitateur, les articles cités et la provenance en pied de page.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { strFromU8, unzipSync } from 'fflate'; // dépendance de `docx`, pour lire le XML produit
import { buildDocx, docxBytes } from '../../src/lib/redactions/docx';
import { documentsFor } from '../../src/lib/wizard/pieces';
import { setPath, type Answers } from '../../src/lib/wizard/model';
import { docxBatchToText } from '../support/libreoffice';
import { catalog, derogationJourney, servicesJourney, worksJourney } from '../support/wizard-fixtures';

const HOSTILE = '<script>alert(1)</script> & ]]> 🏗️';
const GENERATED = new Date(Date.UTC(2026, 10, 22));

async function docx(answers: Answers): Promise<Uint8Array> {
  const r = documentsFor(answers, catalog);
  if (!r.ok) throw new Error(r.errors.map((e) => `${e.draftId} ${e.field} : ${e.message}`).join('\n'));
  return docxBytes(buildDocx(r.documents, { generatedAt: GENERATED, referenceLabels: catalog.referenceLabels, title: 'Clause sociale' }));
}

const files: Record<string, Uint8Array> = {};
let texts: Record<string, string> = {};

beforeAll(async () => {
  files.travaux = await docx(setPath(worksJourney(), 'facilitator.structure', HOSTILE));
  files.services = await docx(servicesJourney());
  files.derogation = await docx(derogationJourney());
  texts = await docxBatchToText(Object.entries(files).map(([name, bytes]) => ({ name, bytes })));
});

const squash = (s: string | undefined) => (s ?? '').replace(/[\u00a0\u202f]/g, ' ');

describe('Word files of the wizard, opened in LibreOffice', () => {
  test('(a) works: the five pieces in order, with the computed hours, the facilitator and the articles', () => {
    const t = squash(texts.travaux);
    const order = ['Dans l’avis de marché', 'Article 9 – Clause sociale d’insertion', 'Critère n° 3', 'Fiche d’engagement relative à la clause sociale d’insertion', 'Note de calibrage des heures d’insertion'];
    const positions = order.map((p) => t.indexOf(p));
    expect(positions.every((p) => p >= 0), JSON.stringify(positions)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(t).toMatch(/lot 1 \(Gros œuvre\) : 2 500 heures d’insertion/);
    expect(t).toMatch(/Total des heures d’insertion du marché : 5 166 heures/);
    expect(t).toContain('Claire Martin');
    expect(t).toMatch(/article 35 de la loi n° 2021-1104/);
    expect(t).toMatch(/article R2152-7/);
  });

  test('(a) hostile text comes out literal', () => {
    expect(texts.travaux).toContain(HOSTILE);
  });

  test('(b) services: the SIAE reservation, and no hours on the reserved lot', () => {
    const t = squash(texts.services);
    expect(t).toMatch(/article L2113-13 du code de la commande publique/);
    expect(t).toMatch(/lot 1 \(Tonte et taille\) : 333 heures d’insertion/);
    expect(t).not.toMatch(/lot 2 \(Entretien des cimetières\) : \d/);
  });

  test('(c) derogation: the motivation note only', () => {
    const t = squash(texts.derogation);
    expect(t).toMatch(/^Note motivant l’absence de condition d’exécution sociale/m);
    expect(t).toMatch(/480 000 € HT, marché de fournitures ou de services d’un autre pouvoir adjudicateur, seuil européen de 216 000 € HT/);
    expect(t).not.toMatch(/Note de calibrage/);
  });

  test('each piece is its own section, with the provenance footer naming its model', () => {
    const zip = unzipSync(files.travaux!);
    const footers = Object.keys(zip).filter((k) => /^word\/footer\d+\.xml$/.test(k)).map((k) => strFromU8(zip[k]!));
    expect(footers.length).toBe(5);
    expect(footers.join(' ')).toMatch(/rédaction type « ccap-condition-execution »/);
    expect(footers.join(' ')).toMatch(/rédaction type « note-calibrage » générée le 22 novembre 2026\. Fiche C3/);
  });
});
