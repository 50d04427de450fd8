/**
 * Les fichiers Word de l'assistant, construits en Node comme dans le navigateur (documentsFor puis l'adaptateur
 * Word) et ouverts par LibreOffice : pour chaque parcours de l'issue 12, un dossier que l'acheteur colle tel quel —
 * aucun passage surligné ni repère entre crochets, le marché nommé en page 1, les sous-articles du CCAP numérotés
 * en texte sous l'article donné, et seulement les références qui s'appliquent.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { strFromU8, unzipSync } from 'fflate'; // dépendance de `docx`, pour lire le XML produit
import { buildDocx, docxBytes } from '../../src/lib/redactions/adapters/docx';
import { documentsFor } from '../../src/lib/wizard/pieces';
import { setPath, type Answers } from '../../src/lib/wizard/model';
import { docxBatchToText, docxToPdfText } from '../support/libreoffice';
import { catalog, criterionReservedJourney, derogationJourney, employmentJourney, unallottedServicesJourney, worksJourney } from '../support/wizard-fixtures';

const HOSTILE = '<script>alert(1)</script> & ]]> 🏗️';
const GENERATED = new Date(Date.UTC(2026, 10, 22));

async function docx(answers: Answers): Promise<Uint8Array> {
  const r = documentsFor(answers, catalog);
  if (!r.ok) throw new Error(r.errors.map((e) => `${e.draftId} ${e.field} : ${e.message}`).join('\n'));
  return docxBytes(buildDocx(r.documents, { generatedAt: GENERATED, referenceLabels: catalog.referenceLabels, title: 'Clause sociale' }));
}

const JOURNEYS = {
  travaux: worksJourney,
  services: unallottedServicesJourney,
  critere: criterionReservedJourney,
  derogation: derogationJourney,
  emploi: employmentJourney,
} as const;
type Journey = keyof typeof JOURNEYS;

const files = {} as Record<Journey | 'hostile', Uint8Array>;
let texts: Record<string, string> = {};
const pdf = {} as Record<Journey, { text: string; pages: number }>;

beforeAll(async () => {
  for (const [name, journey] of Object.entries(JOURNEYS)) files[name as Journey] = await docx(journey());
  files.hostile = await docx(setPath(worksJourney(), 'facilitator.structure', HOSTILE));
  texts = await docxBatchToText(Object.entries(files).map(([name, bytes]) => ({ name, bytes })));
  for (const name of Object.keys(JOURNEYS) as Journey[]) pdf[name] = await docxToPdfText(files[name], name);
}, 600_000);

const squash = (s: string | undefined) => (s ?? '').replace(/[\u00a0\u202f]/g, ' ');
const xml = (bytes: Uint8Array) => {
  const zip = unzipSync(bytes);
  return Object.keys(zip)
    .filter((k) => /^word\/(document|footer\d+|header\d+)\.xml$/.test(k))
    .map((k) => strFromU8(zip[k]!))
    .join('\n');
};
const footers = (bytes: Uint8Array) => {
  const zip = unzipSync(bytes);
  return Object.keys(zip)
    .filter((k) => /^word\/footer\d+\.xml$/.test(k))
    .map((k) => strFromU8(zip[k]!).replace(/<[^>]+>/g, ''));
};
const page1 = (name: Journey) => squash(pdf[name].text.split('\f')[0]);

describe('Word files of the wizard, pasted as they are (issue 12)', () => {
  test.each(Object.keys(JOURNEYS) as Journey[])('(%s) no highlighted run and no bracketed placeholder', (name) => {
    expect(xml(files[name])).not.toMatch(/w:highlight/);
    expect(squash(texts[name])).not.toMatch(/[[\]]/);
  });

  test.each(Object.keys(JOURNEYS) as Journey[])('(%s) page 1 names the buyer, the subject and the reference, and lists the pieces', (name) => {
    const a = JOURNEYS[name]();
    const p = page1(name).replace(/\s+/g, ' ');
    expect(p).toContain(a.contract.buyerName);
    expect(p).toContain(squash(a.contract.subject).replace(/’/g, '’'));
    expect(p).toContain(a.contract.reference);
    expect(p).toMatch(/Les pièces qui suivent/);
  });

  test('(a) works, 3 lots: the pieces in order, the CCAP numbered under article 9, the CCAG-Travaux only', () => {
    const t = squash(texts.travaux);
    const order = ['Les pièces qui suivent', 'Dans l’avis de marché', 'Article 9 – Clause sociale d’insertion', 'Critère n° 3', 'Fiche d’engagement relative à la clause sociale d’insertion', 'Note de calibrage des heures d’insertion'];
    // Les titres des pièces figurent aussi dans la liste de la page de garde : on cherche après elle.
    const afterCover = t.indexOf('Marché ayant pour objet');
    const positions = order.map((p, i) => t.indexOf(p, i === 0 ? 0 : afterCover));
    expect(positions.every((p) => p >= 0), JSON.stringify(positions)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(t).toMatch(/^9\.1\. Objet$/m);
    expect(t).toMatch(/^9\.10\. Pénalités$/m);
    expect(t).not.toMatch(/^1\. Objet$/m);
    expect(t).toMatch(/lot 1 \(Gros œuvre\) : 2 500 heures d’insertion/);
    expect(t).toMatch(/Le titulaire de chaque lot concerné/);
    expect(t).toMatch(/Total des heures d’insertion du marché : 5 166 heures/);
    expect(t).toMatch(/CCAG-Travaux/);
    const f = footers(files.travaux).join(' ');
    expect(f).toMatch(/CCAG-Travaux 2021/);
    expect(f).not.toMatch(/CCAG-TIC|ANRU|CCAG-FCS/);
    // La fiche d'engagement : lots à cocher, heures par lot, pas de total ; l'appui du facilitateur est offert.
    const form = t.slice(t.indexOf('Fiche d’engagement relative', afterCover), t.indexOf('Note de calibrage des heures', afterCover));
    expect(form).toMatch(/Offre remise pour ce lot/);
    expect(form).toMatch(/☐ Oui/);
    expect(form).not.toMatch(/Total/);
    expect(form).toMatch(/L’entreprise souhaite que le facilitateur lui propose des candidats : ☐ Oui/);
  });

  test('(b) services not divided into lots: written as one contract, numbered 1., 2.… without an article number, CCAG-FCS', () => {
    const t = squash(texts.services);
    expect(t).toMatch(/Le marché n’est pas divisé en lots/);
    const pieces = t.slice(t.indexOf('Dans l’avis de marché'));
    const ccap = pieces.slice(pieces.indexOf('Clause sociale d’insertion\n'), pieces.indexOf('Fiche d’engagement relative'));
    expect(ccap).toMatch(/^1\. Objet$/m);
    expect(ccap).toMatch(/Le titulaire réalise au moins [\d ]+ heures de travail/);
    expect(pieces.slice(0, pieces.indexOf('Note de calibrage'))).not.toMatch(/\blots?\b/i);
    expect(t).toMatch(/Marché ayant pour objet l’entretien des locaux de l’hôtel de ville/);
    expect(t).toMatch(/s’adresser au facilitateur : PLIE de Val-Sud, interlocuteur : Paul Girard\./);
    expect(pieces.slice(0, pieces.indexOf('Fiche d’engagement relative'))).not.toMatch(/téléphone :|courriel :/);
    expect(t).not.toMatch(/sous-traitance ou la co-traitance|converti en heures/);
    expect(t).toMatch(/CCAG-FCS/);
    const f = footers(files.services).join(' ');
    expect(f).toMatch(/CCAG-FCS 2021/);
    expect(f).not.toMatch(/CCAG-Travaux|CCAG-TIC|ANRU/);
  });

  test('(c) criterion and a reserved lot: one reserved lot in the singular, CCAP numbered under 7.3, ANRU cited because chosen', () => {
    const t = squash(texts.critere);
    expect(t).toMatch(/Le lot désigné ci-dessous est réservé/);
    expect(t).not.toMatch(/Les lots énumérés ci-dessous sont réservés/);
    expect(t).toMatch(/Le marché a pour objet l’entretien des espaces verts communaux\./);
    expect(t).toMatch(/^Article 7\.3 – Clause sociale d’insertion$/m);
    expect(t).toMatch(/^7\.3\.1\. Objet$/m);
    expect(t).toMatch(/Le titulaire du lot 1 \(Tonte et taille\)/);
    expect(t).toMatch(/Critère n° 2/);
    expect(t).not.toMatch(/à l’issue du marché/);
    const f = footers(files.critere).join(' ');
    expect(f).toMatch(/ANRU/);
    expect(f).not.toMatch(/CCAG-TIC|CCAG-Travaux/);
  });

  test('(d) derogation: the cover page then the motivation note only', () => {
    const t = squash(texts.derogation);
    expect(t).toMatch(/^Note motivant l’absence de condition d’exécution sociale/m);
    expect(t).toMatch(/Pas de clause sociale d’insertion/);
    expect(t).toMatch(/mais il n’en comporte pas/);
    expect(t).not.toMatch(/Note de calibrage|Article du CCAP/);
    expect(t).toMatch(/480 000 € HT, marché de fournitures ou de services d’un autre pouvoir adjudicateur, seuil européen de 216 000 € HT/);
  });

  test('(e) supplies with the employment condition: the CCAP article under 11, no exception note, « à vérifier » on the cover page', () => {
    const t = squash(texts.emploi);
    const afterCover = t.indexOf('Marché ayant pour objet');
    expect(afterCover).toBeGreaterThan(0);
    expect(t.slice(afterCover)).toMatch(/Article 11 – Condition d’exécution liée à l’emploi/);
    expect(t).toMatch(/11\.1\. Objet[\s\S]*11\.5\. Pénalité/);
    expect(t).toMatch(/le nombre minimal de contrats d’apprentissage ou de professionnalisation que le titulaire conclut ou maintient pour l’exécution du marché est fixé à 1 ; chaque contrat dure au moins 12 mois/);
    expect(t).toMatch(/pénalité forfaitaire de 3 000 €/);
    expect(t).toMatch(/À vérifier : aucune source consultée ne dit si une condition de cette forme/);
    expect(t).not.toMatch(/Note motivant l’absence|Note de calibrage|Clause sociale d’insertion\n/);
    expect(pdf.emploi.pages).toBeGreaterThanOrEqual(2);
    const f = footers(files.emploi).join(' ');
    expect(f).toMatch(/rédaction type « ccap-condition-emploi »[\s\S]*Fiche C8/);
  });

  test('each piece starts on its own page, with the provenance footer naming its model', () => {
    expect(pdf.travaux.pages).toBeGreaterThanOrEqual(6);
    const f = footers(files.travaux);
    expect(f.length).toBe(6);
    expect(f.join(' ')).toMatch(/rédaction type « ccap-condition-execution »/);
    expect(f.join(' ')).toMatch(/rédaction type « note-calibrage » générée le 22 novembre 2026\. Fiche C3/);
    expect(f.join(' ')).toMatch(/rédaction type « dossier-clause-sociale »/);
  });

  test('hostile text comes out literal', () => {
    expect(texts.hostile).toContain(HOSTILE);
  });
});
