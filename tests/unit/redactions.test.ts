/**
 * Rédactions types : chargement, langage de modèle, rendu pur, adaptateur HTML, et propriétés
 * (le rendu ne lève jamais d'exception et ne produit jamais NaN, undefined ni [object Object]).
 */
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { drafts, draftById, DRAFT_ORDER } from '../../src/lib/redactions/loaders/catalog';
import { parseDraft } from '../../src/lib/redactions/loaders/load';
import type { Draft } from '../../src/lib/redactions/core/schema';
import { render, renderBlank } from '../../src/lib/redactions/core/render';
import { documentText, type RenderedDocument } from '../../src/lib/redactions/core/document';
import { documentToHtml } from '../../src/lib/redactions/adapters/html';
import { buildDocx, docxBytes } from '../../src/lib/redactions/adapters/docx';
import type { TemplateNode, Inline } from '../../src/lib/redactions/core/template';
import type { Variable } from '../../src/lib/redactions/core/schema';
import { readReferences } from '../../src/lib/content-files';
import { redactionsSidebarGroup } from '../../src/lib/redactions/loaders/sidebar';
import { draftFrom, keyPhrases, normaliseSpaces, present } from '../support/redactions';

/** Codes des 26 fiches du plan (shared/recueil/plan.md). */
const PLAN_CODES = ['A1', 'A2', 'A3', 'A4', 'B1', 'B2', 'B3', 'B4', 'B5', 'C1', 'C2', 'C3', 'C4', 'C5', 'C6', 'C7', 'C8', 'D1', 'D2', 'D3', 'D4', 'E1', 'E2', 'E3', 'E4', 'E5'];
const BAD_OUTPUT = /NaN|undefined|\[object Object\]|Infinity/;
const referenceIds = new Set(readReferences().map((r) => r.id));

function renderOk(draft: Draft, answers: unknown): RenderedDocument {
  const result = render(draft, answers);
  if (!result.ok) throw new Error(result.errors.map((e) => `${e.field} : ${e.message}`).join('\n'));
  return result.document;
}

function errorsOf(draft: Draft, answers: unknown) {
  const result = render(draft, answers);
  return result.ok ? [] : result.errors;
}

/** Noms cités par un modèle (variables, conditions, #each, totaux). */
function namesUsed(nodes: TemplateNode[], into = new Set<string>()): Set<string> {
  const inline = (parts: Inline[]) => {
    for (const p of parts) {
      if (p.kind === 'var') into.add(p.name);
      else if (p.kind === 'total') into.add(p.list).add(p.field);
      else if (p.kind === 'if') {
        into.add(p.cond.name);
        inline(p.then);
        inline(p.else);
      }
    }
  };
  for (const n of nodes) {
    if (n.kind === 'if') {
      into.add(n.cond.name);
      namesUsed(n.then, into);
      namesUsed(n.else, into);
    } else if (n.kind === 'each') {
      into.add(n.name);
      namesUsed(n.body, into);
    } else if (n.type === 'row') n.cells.forEach(inline);
    else inline(n.inline);
  }
  return into;
}

describe('the annex', () => {
  test('holds the drafts of the plan and of the wizard, in plan order, one YAML file per draft named by its id', () => {
    expect(drafts.map((d) => d.id)).toEqual([...DRAFT_ORDER]);
    const files = readdirSync('content/redactions').filter((name) => name.endsWith('.yaml') && !name.startsWith('_'));
    expect(files.map((name) => name.replace(/\.yaml$/, '')).sort()).toEqual([...DRAFT_ORDER].sort());
    for (const d of drafts) expect(d.file).toBe(`content/redactions/${d.id}.yaml`);
  });

  test('gives the sidebar a group with the annex page then each draft by its short title, in plan order', () => {
    const group = redactionsSidebarGroup();
    expect(group.label).toBe('Rédactions types');
    expect(group.items[0]).toEqual({ label: 'Présentation de l’annexe', link: '/redactions/' });
    expect(group.items.slice(1)).toEqual(drafts.map((d) => ({ label: d.shortTitle, link: `/redactions/${d.id}/` })));
  });

  test('an unknown draft id is reported with the list of existing ids', () => {
    expect(() => draftById('nope')).toThrow(/Rédaction type inconnue : « nope ».*avis-rc-clause/);
  });
});

for (const draft of drafts) {
  describe(draft.id, () => {
    test('cites only known legal references and a fiche of the plan', () => {
      for (const id of draft.references) expect(referenceIds, `référence ${id}`).toContain(id);
      expect(PLAN_CODES).toContain(draft.fiche);
    });

    test('uses every variable it declares', () => {
      const used = namesUsed(draft.nodes);
      const declared = draft.variables.flatMap((v) => [v.name, ...(v.type === 'lots' ? v.fields.map((f) => f.name) : [])]);
      expect(declared.filter((name) => !used.has(name))).toEqual([]);
    });

    test('renders its example without placeholders for required answers and with its key phrases', () => {
      const doc = renderOk(draft, draft.example);
      const text = normaliseSpaces(documentText(doc));
      expect(text).not.toMatch(BAD_OUTPUT);
      for (const phrase of keyPhrases(draft.id)) expect(text).toContain(normaliseSpaces(phrase));
      const requiredNames = new Set(draft.variables.filter((v) => v.required).map((v) => v.name));
      const placeholders = doc.blocks.flatMap((b) => (b.kind === 'paragraph' || b.kind === 'heading' ? b.runs : [])).filter((r) => r.kind === 'placeholder');
      expect(placeholders.filter((r) => requiredNames.has(r.field))).toEqual([]);
    });

    test('renders a blank model where missing values are visible placeholders', () => {
      const doc = renderBlank(draft);
      const text = documentText(doc);
      expect(text).not.toMatch(BAD_OUTPUT);
      expect(text).toMatch(/\[[^\]]+\]/);
    });

    test('reports every missing required answer by field, in French', () => {
      const required = draft.variables.filter((v) => v.required && !('default' in v && v.default !== undefined));
      const errors = errorsOf(draft, {});
      expect(errors.map((e) => e.field).sort()).toEqual(required.map((v) => v.name).sort());
      for (const e of errors) expect(e.message).toMatch(/^Le champ « .+ » (est obligatoire|doit contenir au moins un lot)\.$/);
    });
  });
}

describe('draft-specific legal rules', () => {
  test('the CCAP article never lets the buyer impose a single modality', () => {
    const ccap = draftById('ccap-condition-execution');
    const errors = errorsOf(ccap, { ...ccap.example, modalites: ['embauche'] });
    expect(errors).toEqual([{ field: 'modalites', message: 'Le champ « Modalités ouvertes au titulaire » doit contenir au moins 2 options.' }]);
  });

  test('the CCAP article states no residence requirement, except the ANRU priority which excludes nobody', () => {
    const ccap = draftById('ccap-condition-execution');
    expect(documentText(renderOk(ccap, ccap.example))).toContain('Aucune condition de lieu de résidence');
    const anru = documentText(renderOk(ccap, { ...ccap.example, priorite_qpv: 'oui' }));
    expect(anru).toContain('Cette priorité n’exclut aucune autre personne éligible.');
    expect(anru).not.toContain('Aucune condition de lieu de résidence');
  });

  test('the CCAP article shows the penalty and its cap as the buyer’s values', () => {
    const ccap = draftById('ccap-condition-execution');
    const text = normaliseSpaces(documentText(renderOk(ccap, { ...ccap.example, penalite_heure: 45, plafond_penalites: 7.5 })));
    expect(text).toContain('une pénalité de 45 € par heure non réalisée');
    expect(text).toContain('plafonné à 7,5 % du montant hors taxes du marché');
  });

  test('the CCAP article cites the obligation of art. 35 only when the contract is above the thresholds', () => {
    const ccap = draftById('ccap-condition-execution');
    expect(documentText(renderOk(ccap, { ...ccap.example, regime: 'obligation' }))).toContain('article 35 de la loi');
    expect(documentText(renderOk(ccap, { ...ccap.example, regime: 'faculte' }))).not.toContain('article 35 de la loi');
  });

  test('the derogation note records the chosen ground, and an other ground with its provision', () => {
    const note = draftById('justification-derogation');
    const other = normaliseSpaces(documentText(renderOk(note, { ...note.example, motif: 'autre', motif_precision: 'article X, 3°' })));
    expect(other).toContain('un autre motif prévu par la loi');
    expect(other).toContain('Disposition invoquée : article X, 3°.');
    const competition = documentText(renderOk(note, { ...note.example, motif: 'concurrence-execution' }));
    expect(competition).toContain('techniquement ou économiquement difficile');
  });

  test('reservation to SIAE can be widened to EA and ESAT under L2113-14', () => {
    const siae = draftById('reserve-siae');
    const text = documentText(renderOk(siae, { ...siae.example, ouverture_ea_esat: 'oui' }));
    expect(text).toContain('L2113-14');
    expect(text).toContain('au moins 50 % de travailleurs handicapés'.replace(/ (?=%)/, '\u00a0'));
  });

  test('the company form lets the company tick the lots it bids for, with no grand total presented as its obligation', () => {
    const form = draftById('engagement-entreprise');
    const text = normaliseSpaces(documentText(renderOk(form, form.example)));
    expect(text).toContain('Offre remise pour ce lot');
    expect(text).not.toMatch(/Total/);
    const blank = render(form, { ...form.example, entreprise: undefined, appui_facilitateur: undefined, lots: [{ numero: '1', heures_minimum: 40 }] }, { fill: ['entreprise', 'offre', 'heures', 'appui_facilitateur'] });
    expect(blank.ok).toBe(true);
    if (blank.ok) {
      const filled = normaliseSpaces(documentText(blank.document));
      expect(filled).toContain('☐ Oui\u2003☐ Non');
      expect(filled).toMatch(/raison sociale : …+/);
      expect(filled).toContain('L’entreprise souhaite que le facilitateur lui propose des candidats : ☐ Oui\u2003☐ Non');
    }
    expect(errorsOf(form, { ...form.example, lots: [{ numero: '1', heures_minimum: 10 }, { numero: '2', heures_minimum: 'abc' }] }).map((e) => e.field)).toEqual(['lots[1].heures_minimum']);
  });
});

describe('render', () => {
  const avis = () => draftById('avis-rc-clause');

  test('returns one French error per invalid answer, naming the field', () => {
    const errors = errorsOf(avis(), {
      ...avis().example,
      lots: [{ numero: '1', heures: -5 }, { intitule: 'Sans numéro', heures: 'beaucoup' }],
      facilitateur_structure: { nom: 'objet' },
      regime: 'inconnu',
    });
    expect(errors).toEqual([
      { field: 'regime', message: expect.stringMatching(/^Le champ « Cadre de la clause » doit être l’une des options proposées/) },
      { field: 'lots[0].heures', message: 'Lots concernés, ligne 1 : le champ « Heures d’insertion du lot » doit être au moins égal à 1\u00a0heure.' },
      { field: 'lots[1].numero', message: 'Lots concernés, ligne 2 : le champ « Numéro du lot » est obligatoire.' },
      { field: 'lots[1].heures', message: 'Lots concernés, ligne 2 : le champ « Heures d’insertion du lot » doit être un nombre, par exemple « 800 ».' },
      { field: 'facilitateur_structure', message: 'Le champ « Structure du facilitateur » doit être un texte.' },
    ]);
  });

  test('says why an amount is refused, with the wording of the wizard', () => {
    const note = draftById('justification-derogation');
    const subject = 'Le champ « Valeur estimée du marché »';
    for (const [bad, message] of [
      [-1, `${subject} ne peut pas être négatif.`],
      [0, `${subject} doit être supérieur à zéro.`],
      ['mille', `${subject} doit être un nombre, par exemple « 216\u202f000 ».`],
      [Number.NaN, `${subject} doit être un nombre, par exemple « 216\u202f000 ».`],
      [Number.POSITIVE_INFINITY, `${subject} doit être un nombre, par exemple « 216\u202f000 ».`],
      [1e13, `${subject} est hors de proportion (plus de 1 000 milliards) : vérifiez la saisie.`],
      ['12 %', `${subject} s’écrit en euros : « 12 % » est un pourcentage.`],
    ] as const) {
      expect(errorsOf(note, { ...note.example, valeur_estimee: bad })).toEqual([{ field: 'valeur_estimee', message }]);
    }
  });

  test('never reads « 216.000 » as 216 €: the answer is refused with both readings', () => {
    const note = draftById('justification-derogation');
    const [error] = errorsOf(note, { ...note.example, valeur_estimee: '216.000' });
    expect(normaliseSpaces(error!.message)).toBe(
      'Le champ « Valeur estimée du marché » est ambigu : « 216.000 » peut se lire 216 000 € HT ou 216 € HT. Écrivez 216 000 pour deux cent seize mille euros, ou 216 pour deux cent seize euros.',
    );
  });

  test('accepts numbers typed the French way', () => {
    const note = draftById('justification-derogation');
    const text = normaliseSpaces(documentText(renderOk(note, { ...note.example, valeur_estimee: '1 250 000,50' })));
    expect(text).toContain('valeur estimée : 1 250 000,50 € HT');
  });

  test('rejects impossible dates', () => {
    const note = draftById('justification-derogation');
    expect(errorsOf(note, { ...note.example, date_note: '2026-02-30' })[0]?.message).toBe(
      'Le champ « Date de la note » doit être une date valide au format AAAA-MM-JJ.',
    );
  });

  test('adapts the sentence to an optional answer left empty, with no placeholder', () => {
    const { facilitateur_nom: _, article_ccap: __, facilitateur_telephone: ___, ...answers } = avis().example as Record<string, unknown>;
    const doc = renderOk(avis(), answers);
    const text = normaliseSpaces(documentText(doc));
    expect(text).toContain('définie par le cahier des clauses administratives particulières');
    expect(text).not.toContain('interlocuteur');
    expect(text).not.toContain('[');
  });

  test('keeps the placeholders of optional values in the blank model of the annex', () => {
    const text = normaliseSpaces(documentText(renderBlank(avis())));
    expect(text).toContain('article [numéro de l’article du CCAP] du cahier');
    expect(text).toContain('interlocuteur : [nom du facilitateur]');
  });

  test('applies defaults when an answer is absent', () => {
    const ccap = draftById('ccap-condition-execution');
    const { delai_correspondant: _, ...answers } = ccap.example as Record<string, unknown>;
    expect(documentText(renderOk(ccap, answers))).toContain('Dans un délai de 15 jours');
  });

  test('keeps answers literal: markup is text, control characters are removed', () => {
    const doc = renderOk(avis(), { ...avis().example, facilitateur_structure: '<b>MDE</b> & {{regime}} ]]>\u0000\u0007ok' });
    const text = documentText(doc);
    expect(text).toContain('<b>MDE</b> & {{regime}} ]]>ok');
    const html = documentToHtml(doc);
    expect(html).toContain('&lt;b&gt;MDE&lt;/b&gt; &amp; {{regime}} ]]&gt;ok');
    expect(html).not.toContain('<b>MDE');
  });

  test('does not treat answers as line syntax', () => {
    const ccap = draftById('ccap-condition-execution');
    const doc = renderOk(ccap, { ...ccap.example, perimetre: '# Titre injecté\n- puce\n| a | b |' });
    expect(doc.blocks.filter((b) => b.kind === 'heading').map((b) => (b.kind === 'heading' ? b.runs[0]?.text : ''))).not.toContain('Titre injecté');
    expect(documentText(doc)).toContain('# Titre injecté');
  });

  test('ignores answers that are not an object and reports the required fields', () => {
    for (const answers of [null, undefined, 42, 'texte', [1, 2]]) {
      const result = render(avis(), answers);
      expect(result.ok).toBe(false);
    }
  });
});

describe('template language', () => {
  test('joins consecutive lines into one paragraph and separates paragraphs with a blank line', () => {
    const d = draftFrom('', 'Première ligne\nsuite.\n\nDeuxième paragraphe.\n');
    expect(documentText(renderOk(d, {}))).toBe('Première ligne suite.\nDeuxième paragraphe.');
  });

  test('numbers articles inside each part', () => {
    const d = draftFrom('', '# Partie A\n## Objet\n## Durée\n# Partie B\n## Objet\n');
    expect(documentText(renderOk(d, {}))).toBe('Partie A\n1. Objet\n2. Durée\nPartie B\n1. Objet');
  });

  test('supports inline and block conditions with else, and choice comparisons', () => {
    const vars = `
- name: oui_non
  type: choice
  label: Oui ou non
  options: [{ value: oui, label: Oui }, { value: non, label: Non }]
- name: precision
  type: text
  label: Précision`;
    const d = draftFrom(vars, 'A{{#if oui_non == "oui"}} oui{{else}} non{{/if}}.\n{{#if precision}}\nP : {{precision}}\n{{else}}\nSans précision\n{{/if}}\n{{#if not precision}}Vide{{/if}}\n');
    expect(normaliseSpaces(documentText(renderOk(d, { oui_non: 'oui', precision: 'x' })))).toBe('A oui. P : x');
    expect(documentText(renderOk(d, { oui_non: 'non' }))).toBe('A non. Sans précision Vide');
  });

  test('repeats rows and list items for each lot, and totals a field', () => {
    const vars = `
- name: lots
  type: lots
  label: Lots
  fields:
    - { name: numero, type: text, label: Numéro, required: true }
    - { name: heures, type: hours, label: Heures }`;
    const d = draftFrom(vars, '| Lot | Heures |\n|---|---|\n{{#each lots}}\n| {{numero}} | {{heures}} |\n{{/each}}\nTotal : {{total lots.heures}}.\n');
    const doc = renderOk(d, { lots: [{ numero: '1', heures: 10 }, { numero: '2', heures: 2.5 }] });
    expect(doc.blocks[0]).toMatchObject({ kind: 'table', rows: [[[{ text: '1' }], [{ text: '10\u00a0heures' }]], [[{ text: '2' }], [{ text: '2,5\u00a0heures' }]]] });
    expect(normaliseSpaces(documentText(doc))).toContain('Total : 12,5 heures.');
    const missing = renderOk(d, { lots: [{ numero: '1' }] });
    expect(normaliseSpaces(documentText(missing))).toContain('Total : [total : heures].');
  });

  test('turns a multiple choice alone on a list line into one item per choice, and joins it inline', () => {
    const vars = `
- name: publics
  type: multichoice
  label: Publics
  options: [{ value: a, label: Jeunes }, { value: b, label: Seniors }, { value: c, label: Femmes }]`;
    const d = draftFrom(vars, '- {{publics}}\n\nEn ligne : {{publics}}.\n');
    expect(normaliseSpaces(documentText(renderOk(d, { publics: ['a', 'b', 'c'] })))).toBe('• Jeunes\n• Seniors\n• Femmes\nEn ligne : Jeunes, seniors et femmes.');
  });

  const fixture = (name: string) => {
    const file = `tests/fixtures/redactions/${name}.yaml`;
    return () => parseDraft(readFileSync(file, 'utf8'), file);
  };

  test('a draft without its update date, or with an impossible one, fails naming the field', () => {
    const source = readFileSync('tests/fixtures/redactions/bad-field.yaml', 'utf8').replace(/^id: .*$/m, 'id: essai-date').replace(/^variables:[\s\S]*$/m, 'variables: []\ntemplate: |\n  Le texte de la clause.\nexample: {}\n');
    expect(() => parseDraft(source.replace(/^updated: .*\n/m, ''), 'essai-date.yaml')).toThrow(/^essai-date\.yaml:\d+, champ « updated » : attendu une date de mise à jour au format AAAA-MM-JJ, trouvé rien \(champ absent\)$/);
    expect(() => parseDraft(source.replace(/^updated: .*$/m, 'updated: hier'), 'essai-date.yaml')).toThrow(/^essai-date\.yaml:\d+, champ « updated » : attendu une date de mise à jour au format AAAA-MM-JJ, trouvé « hier »$/);
    expect(() => parseDraft(source, 'essai-date.yaml')).not.toThrow();
  });

  test('a broken template fails with the file, the line and the unknown variable', () => {
    expect(fixture('unknown-variable')).toThrow(/^tests\/fixtures\/redactions\/unknown-variable\.yaml:18, champ « template » : variable inconnue « facilitateur ».* \(ligne 3 du modèle\)/);
  });

  test('an unclosed block fails with the file and the line where it opens', () => {
    expect(fixture('unclosed-block')).toThrow(/unclosed-block\.yaml:19, champ « template » : bloc \{\{#if\}\} ouvert ligne 2 et jamais fermé.* \(ligne 2 du modèle\)/);
  });

  test('a bad field fails with the file, the line and the field path', () => {
    expect(fixture('bad-field')).toThrow(/bad-field\.yaml:12, champ « variables\.0\.type » : attendu un type de variable connu \(.*\), trouvé « euros »$/);
  });

  test('a condition on a value that is not an option fails with the options', () => {
    expect(fixture('unknown-option')).toThrow(/unknown-option\.yaml:19, champ « template » : .*« obligatoire » n'est pas une option de « regime » \(options : faculte, obligation\)/);
  });

  test('an incomplete example fails the load', () => {
    expect(fixture('incomplete-example')).toThrow(/incomplete-example\.yaml:\d+, champ « example » : attendu un exemple complet, trouvé :\n {2}heures : Le champ « Heures d’insertion » est obligatoire\./);
  });

  test('rejects mismatched closing tags and stray else', () => {
    expect(() => draftFrom('', '{{#each lots}}\n{{/if}}\n')).toThrow(/\{\{\/if\}\} ferme un bloc \{\{#each\}\} ouvert ligne 1/);
    expect(() => draftFrom('', 'texte {{else}}\n')).toThrow(/\{\{else\}\} sans \{\{#if\}\}/);
    expect(() => draftFrom('', 'texte {{#if x}} sans fin\n')).toThrow(/non fermé par \{\{\/if\}\} sur la même ligne/);
    expect(() => draftFrom('', 'texte {{ drôle de balise }}\n')).toThrow(/balise inconnue/);
  });

  test('rejects a lot field used outside its each block', () => {
    const vars = `
- name: lots
  type: lots
  label: Lots
  fields: [{ name: numero, type: text, label: Numéro }]`;
    expect(() => draftFrom(vars, 'Lot {{numero}}\n')).toThrow(/« numero » est un champ de lot : utilisez-le entre \{\{#each lots\}\}/);
  });
});

describe('html adapter', () => {
  test('marks values with a class and placeholders with <mark>, and escapes everything', () => {
    const html = documentToHtml(renderOk(draftById('avis-rc-clause'), draftById('avis-rc-clause').example));
    expect(html).toContain('<span class="redaction-value" data-field="facilitateur_structure">Maison de l&#39;emploi Val-Sud (exemple)</span>');
    expect(documentToHtml(renderBlank(draftById('avis-rc-clause')))).toContain('<mark class="redaction-placeholder" data-field="facilitateur_nom">[nom du facilitateur]</mark>');
    expect(html).toMatch(/<h3>Dans l’avis de marché<\/h3>\n<h4>Conditions particulières d’exécution<\/h4>/);
    expect(html).toContain('<th scope="col">Lot</th>');
  });
});

describe('word adapter (without LibreOffice)', () => {
  test('builds a zip for one draft and for several drafts together', async () => {
    const docs = drafts.map((d) => renderOk(d, d.example));
    const one = await docxBytes(buildDocx([present(docs[0], 'le premier document')]));
    const all = await docxBytes(buildDocx(docs, { title: 'Pièces du marché' }));
    for (const bytes of [one, all]) expect([bytes[0], bytes[1]]).toEqual([0x50, 0x4b]);
    expect(all.length).toBeGreaterThan(one.length);
  });

  test('refuses to build an empty document', () => {
    expect(() => buildDocx([])).toThrow('Aucune rédaction');
  });
});

/** Réponses arbitraires : souvent du bon type, parfois n'importe quoi. */
function answerArbitrary(v: Variable): fc.Arbitrary<unknown> {
  const junk = fc.oneof(fc.anything(), fc.constant(Number.NaN), fc.constant(Number.POSITIVE_INFINITY), fc.constant(-0), fc.double());
  switch (v.type) {
    case 'amount-eur-ht':
    case 'amount-eur':
    case 'percent':
    case 'hours':
    case 'integer':
      return fc.oneof(fc.double({ noNaN: false }), fc.integer(), fc.string(), junk);
    case 'date':
      return fc.oneof(fc.date().map((d) => (Number.isFinite(d.getTime()) ? d.toISOString().slice(0, 10) : 'x')), fc.string(), junk);
    case 'text':
    case 'longtext':
      return fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' }), junk);
    case 'choice':
      return fc.oneof(fc.constantFrom(...v.options.map((o) => o.value)), junk);
    case 'multichoice':
      return fc.oneof(fc.subarray(v.options.map((o) => o.value)), junk);
    case 'lots':
      return fc.oneof(
        fc.array(fc.record(Object.fromEntries(v.fields.map((f) => [f.name, answerArbitrary(f)])), { requiredKeys: [] }), { maxLength: 4 }),
        junk,
      );
  }
}

describe('properties', () => {
  for (const draft of drafts) {
    test(`${draft.id}: render never throws and never outputs NaN, undefined or [object Object]`, () => {
      const answers = fc.oneof(
        fc.record(Object.fromEntries(draft.variables.map((v) => [v.name, answerArbitrary(v)])), { requiredKeys: [] }),
        fc.anything(),
      );
      fc.assert(
        fc.property(answers, (a) => {
          const result = render(draft, a);
          if (result.ok) {
            const text = documentText(result.document);
            expect(text).not.toMatch(/NaN|undefined|\[object Object\]|Infinity/);
            expect(documentToHtml(result.document)).not.toMatch(/NaN|undefined|\[object Object\]/);
          } else {
            for (const e of result.errors) {
              expect(typeof e.field).toBe('string');
              expect(e.message).toMatch(/^(Le champ|.+, ligne \d+ : le champ|.+, ligne \d+ : chaque lot)/);
              expect(e.message).not.toMatch(/NaN|undefined|\[object Object\]/);
            }
          }
        }),
        { numRuns: 150 },
      );
    });
  }
});
