/**
 * Des réponses de l'assistant aux pièces du dossier : quelles rédactions types conviennent aux choix faits,
 * et avec quelles réponses (les noms de variables de content/redactions/*.yaml). Le texte lui-même n'est
 * écrit qu'une fois, dans les rédactions types (page de garde et note de calibrage comprises), et rendu par `render`.
 *
 * Chaque pièce lit les mêmes réponses : les modalités de l'avis et du RC sont celles du CCAP, une règle liée à une
 * modalité n'apparaît qu'avec elle, les références citées sont calculées (`piecesReferences`), et le fichier
 * téléchargé ne contient aucun repère « […] » : une réponse facultative vide change la phrase, une réponse
 * obligatoire manquante bloque le téléchargement (`downloadBlockers`).
 */
import { render, type RenderOptions } from '../redactions/core/render';
import { documentRuns, type RenderedDocument } from '../redactions/core/document';
import { joinFr, type FieldError } from '../redactions/core/values';
import { singleLine } from '../redactions/core/text';
import type { Answers, ContractKind, WizardCatalog, WizardDraft } from './model';
import { calibrationNoteAnswers, lotCalibration } from './calibration';
import { clauseLots, employmentToVerify, hasEmploymentCondition, isConcession, lotsWithoutClause, needsDerogation, obligationOf, reservedLots } from './levers';
import { parseNumber, RULES, type NumberKind } from './numbers';
import { validateStep, visibleSteps, type StepId } from './steps';

export type DraftId =
  | 'dossier-clause-sociale'
  | 'avis-rc-clause'
  | 'ccap-condition-execution'
  | 'avis-rc-condition-emploi'
  | 'ccap-condition-emploi'
  | 'rc-critere-insertion'
  | 'reserve-siae'
  | 'reserve-ea-esat'
  | 'engagement-entreprise'
  | 'note-calibrage'
  | 'justification-derogation';

export interface Piece {
  draftId: DraftId;
  /** Réponses au sens de la rédaction type (noms de ses variables). */
  answers: Record<string, unknown>;
  /** Variables que l'entreprise remplit à la main dans sa fiche d'engagement : pointillés ou cases « ☐ ». */
  fill?: string[];
  /** Variables dont la valeur par défaut ne doit pas s'appliquer : une liste vide veut dire « aucune ». */
  noDefault?: string[];
  /** Variables obligatoires dans la rédaction type mais sans objet avec ces réponses (modalité non retenue). */
  optional?: string[];
}

/** Un nombre lu dans la saisie, sinon la saisie elle-même (que `render` refusera avec son message), sinon rien. */
function n(raw: string, rule: { kind: NumberKind }): number | string | undefined {
  const value = parseNumber(raw, rule.kind);
  if (value !== null) return value;
  return raw.trim() === '' ? undefined : raw;
}
const t = (raw: string) => (raw.trim() === '' ? undefined : raw);
const yesNo = (b: boolean) => (b ? 'oui' : 'non');

/** La phrase qui présente l'objet du marché, tel que l'utilisateur le saisit (à afficher sous le champ). */
export function subjectSentence(subject: string): string {
  const s = singleLine(subject).replace(/[.\s]+$/, '');
  return s ? `Le marché a pour objet ${s}.` : '';
}

/** Identification du marché, reprise en tête de chaque pièce. */
function identity(answers: Answers) {
  const c = answers.contract;
  return { acheteur: t(c.buyerName), objet: t(c.subject), reference: t(c.reference), allotissement: c.allotted ? 'alloti' : 'non-alloti' };
}

const lotNumbers = (lots: { number: string }[]) => joinFr(lots.map((l) => singleLine(l.number)).filter(Boolean));

function facilitator(answers: Answers) {
  const f = answers.facilitator;
  return {
    facilitateur_structure: t(f.structure),
    facilitateur_nom: t(f.name),
    facilitateur_telephone: t(f.phone),
    facilitateur_courriel: t(f.email),
  };
}

/** Le CCAG du type de marché (option de la variable `ccag` de l'article du CCAP). */
export function ccagOf(kind: ContractKind | ''): 'travaux' | 'fcs' | 'pi' | 'applicable' {
  switch (kind) {
    case 'travaux':
      return 'travaux';
    case 'services':
    case 'fournitures':
      return 'fcs';
    case 'prestations-intellectuelles':
      return 'pi';
    default:
      return 'applicable';
  }
}

/** Les conventions de décompte applicables : la conversion du montant sous-traité n'existe qu'avec la sous-traitance. */
export function countingRules(answers: Answers): string[] {
  const e = answers.execution;
  return e.counting.filter((c) => c !== 'conversion' || e.modalities.includes('sous-traitance'));
}

/**
 * L'article du CCAP de la condition liée à l'emploi (rédaction « ccap-condition-emploi ») : seules les réponses de
 * la modalité retenue lui sont passées ; celles de l'autre deviennent facultatives (la rédaction les exige toutes).
 */
function employmentPiece(answers: Answers): Piece {
  const m = answers.employment;
  const alternance = m.modalities.includes('alternance');
  const inclusive = m.modalities.includes('achat-inclusif');
  return {
    draftId: 'ccap-condition-emploi',
    answers: {
      acheteur: t(answers.contract.buyerName),
      objet: t(answers.contract.subject),
      reference: t(answers.contract.reference),
      numero_article: t(m.articleNumber),
      modalites: m.modalities.filter((x) => x === 'alternance' || x === 'achat-inclusif'),
      nombre_contrats: alternance ? n(m.contracts, RULES.employmentContracts) : undefined,
      duree_contrat_mois: alternance ? n(m.contractMonths, RULES.employmentContractMonths) : undefined,
      fonctions: alternance ? t(m.functions) : undefined,
      part_inclusive: inclusive ? n(m.inclusiveShare, RULES.inclusiveShare) : undefined,
      prestations_inclusives: inclusive ? t(m.inclusiveServices) : undefined,
      facilitateur_structure: t(answers.facilitator.structure),
      delai_justificatifs: n(m.proofDays, RULES.proofDays),
      penalite: n(m.penalty, RULES.employmentPenalty),
    },
    noDefault: ['modalites'],
    optional: [...(alternance ? [] : ['nombre_contrats', 'duree_contrat_mois', 'fonctions']), ...(inclusive ? [] : ['part_inclusive'])],
  };
}

/**
 * La mention de la condition liée à l'emploi dans l'avis et le règlement (rédaction « avis-rc-condition-emploi ») :
 * les mêmes réponses que l'article du CCAP, pour que les chiffres annoncés aux candidats soient ceux du contrat.
 */
function employmentNoticePiece(answers: Answers, ccap: Piece): Piece {
  const shared = ['acheteur', 'objet', 'reference', 'numero_article', 'modalites', 'nombre_contrats', 'duree_contrat_mois', 'part_inclusive', 'facilitateur_structure'];
  return {
    draftId: 'avis-rc-condition-emploi',
    answers: {
      ...Object.fromEntries(shared.map((name) => [name, ccap.answers[name]])),
      avec_clause: yesNo(clauseLots(answers).length > 0),
      avec_critere: yesNo(answers.levers.criterion),
    },
    noDefault: ['modalites'],
    optional: ccap.optional?.filter((name) => shared.includes(name)) ?? [],
  };
}

/** Les pièces qui conviennent aux choix faits, dans l'ordre du dossier (sans la page de garde). */
export function piecesFor(answers: Answers): Piece[] {
  const pieces: Piece[] = [];
  // L'assistant ne prépare que des marchés publics : aucune pièce pour un contrat de concession.
  if (isConcession(answers)) return pieces;
  const duty = obligationOf(answers);
  const regime = duty.mandatory ? 'obligation' : 'faculte';
  const clause = clauseLots(answers);
  const hoursOf = (index: number) => lotCalibration(answers, clause[index]!).hours ?? undefined;
  const e = answers.execution;
  const c = answers.contract;
  const id = identity(answers);
  const counting = countingRules(answers);

  if (clause.length > 0) {
    const lots = clause.map((lot, i) => ({ numero: t(lot.number), intitule: t(lot.name), heures: hoursOf(i) }));
    pieces.push({
      draftId: 'avis-rc-clause',
      answers: {
        ...id,
        lots_concernes: lotNumbers(clause),
        regime,
        accord_cadre: c.framework,
        lots,
        modalites: e.modalities,
        article_ccap: t(e.articleNumber),
        avec_critere: yesNo(answers.levers.criterion),
        fiche_engagement: yesNo(e.commitmentForm),
        ...facilitator(answers),
      },
    });
    pieces.push({
      draftId: 'ccap-condition-execution',
      answers: {
        ...id,
        lots_concernes: lotNumbers(clause),
        numero_article: t(e.articleNumber),
        ccag: ccagOf(c.kind),
        regime,
        accord_cadre: c.framework,
        lots,
        perimetre: t(e.perimeter),
        publics: e.publics,
        priorite_qpv: yesNo(e.anru),
        modalites: e.modalities,
        decompte: counting,
        plafond_contrat_mois: counting.includes('contrat-long') ? n(e.longContractMonths, RULES.longContractMonths) : undefined,
        part_mo_conversion: counting.includes('conversion') ? n(e.conversionShare, RULES.labourShare) : undefined,
        cout_horaire_conversion: counting.includes('conversion') ? n(e.conversionCost, RULES.hourlyCost) : undefined,
        ...facilitator(answers),
        delai_correspondant: n(e.correspondentDays, RULES.correspondentDays),
        frequence_suivi: e.reporting,
        globalisation: yesNo(e.pooling),
        penalite_heure: n(e.penaltyPerHour, RULES.penaltyPerHour),
        plafond_penalites: n(e.penaltyCap, RULES.penaltyCap),
        delai_observations: n(e.observationDays, RULES.observationDays),
      },
      noDefault: ['decompte'],
    });
  }
  if (hasEmploymentCondition(answers)) {
    const ccap = employmentPiece(answers);
    pieces.push(employmentNoticePiece(answers, ccap), ccap);
  }
  if (answers.levers.criterion) {
    const k = answers.criterion;
    // Numéros imprimés : l'accord (« le lot 2 », « les lots 2 et 3 ») suit la liste telle qu'elle est écrite.
    const withoutClause = lotsWithoutClause(answers).map((l) => singleLine(l.number)).filter(Boolean);
    pieces.push({
      draftId: 'rc-critere-insertion',
      answers: {
        acheteur: id.acheteur,
        objet: id.objet,
        reference: id.reference,
        numero_critere: t(k.number),
        ponderation: n(k.weight, RULES.criterionWeight),
        prestations_support: t(k.support),
        // La phrase « il s'ajoute à la clause » parle de la clause d'heures, pas de la condition liée à l'emploi ; un lot
        // qu'elle ne couvre pas (réservé, hors obligation) est noté sans volume minimal.
        avec_clause: yesNo(clause.length > 0),
        lots_sans_clause: joinFr(withoutClause),
        plusieurs_sans_clause: yesNo(withoutClause.length > 1),
        sous_criteres: k.subCriteria.map((s) => ({ intitule: t(s.title), poids: n(s.weight, RULES.subCriterionWeight), attendu: t(s.expected) })),
        pages_max: n(k.maxPages, RULES.maxPages),
      },
    });
  }
  const reserved = reservedLots(answers);
  for (const [draftId, kind, openOther] of [
    ['reserve-siae', 'siae', 'ouverture_ea_esat'],
    ['reserve-ea-esat', 'ea-esat', 'ouverture_siae'],
  ] as const) {
    const lots = reserved.filter((l) => l.reservation === kind);
    if (lots.length === 0) continue;
    const whole = !c.allotted || lots.length === answers.lots.length;
    pieces.push({
      draftId,
      answers: {
        acheteur: id.acheteur,
        reference: id.reference,
        objet: t(c.subject),
        perimetre: whole ? 'marche' : 'lots',
        lots: whole ? [] : lots.map((l) => ({ numero: t(l.number), intitule: t(l.name) })),
        [openOther]: 'non',
      },
    });
  }
  if (clause.length > 0 && e.commitmentForm) {
    pieces.push({
      draftId: 'engagement-entreprise',
      answers: {
        acheteur: id.acheteur,
        marche_objet: t(c.subject),
        marche_reference: t(c.reference),
        allotissement: id.allotissement,
        modalites_ouvertes: e.modalities,
        lots: clause.map((lot, i) => ({ numero: t(lot.number), intitule: t(lot.name), heures_minimum: hoursOf(i) })),
      },
      fill: [
        'entreprise',
        'siret',
        'correspondant_nom',
        'correspondant_fonction',
        'correspondant_telephone',
        'correspondant_courriel',
        'offre',
        'heures',
        'modalites',
        'postes',
        'calendrier',
        'appui_facilitateur',
        'lieu',
        'date_signature',
        'signataire',
      ],
    });
  }
  if (clause.length > 0) {
    const note = calibrationNoteAnswers(answers);
    // Sans volume valide pour chaque lot, la note n'a pas de réponses : `render` signale alors les lots manquants.
    pieces.push({ draftId: 'note-calibrage', answers: note ?? { ...id, lots: [] } });
  }
  if (needsDerogation(answers)) {
    const d = answers.derogation;
    pieces.push({
      draftId: 'justification-derogation',
      answers: {
        acheteur: t(c.buyerName),
        objet: t(c.subject),
        reference: t(c.reference),
        // Accord-cadre à maximum annuel : la valeur sur toute la durée (R2121-8), celle qui a été comparée au seuil.
        valeur_estimee: duty.value ?? n(c.amount, RULES.contractAmount),
        categorie: duty.threshold?.category,
        date_lancement: t(c.launchDate),
        motif: d.ground || undefined,
        motif_precision: d.ground === 'autre' ? t(d.groundDetail) : undefined,
        justification: t(d.justification),
        elements: d.examined,
        autres_mesures: t(d.otherMeasures),
        signataire: t(d.signatory),
        lieu: t(d.place),
        date_note: t(d.date),
      },
    });
  }
  return pieces;
}

/** Où chaque pièce s'insère (option `destination` de la page de garde). */
const DESTINATION: Record<DraftId, string> = {
  'dossier-clause-sociale': 'dossier',
  'avis-rc-clause': 'avis-rc',
  'ccap-condition-execution': 'ccap',
  'avis-rc-condition-emploi': 'avis-rc',
  'ccap-condition-emploi': 'ccap',
  'rc-critere-insertion': 'rc-criteres',
  'reserve-siae': 'avis-rc',
  'reserve-ea-esat': 'avis-rc',
  'engagement-entreprise': 'formulaire',
  'note-calibrage': 'dossier',
  'justification-derogation': 'dossier',
};

/** La page de garde : le marché, ses lots et leur levier, puis les pièces qui suivent et où les insérer. */
export function coverPiece(answers: Answers, catalog: WizardCatalog, pieces: Piece[]): Piece {
  const clause = new Set(clauseLots(answers).map((l) => l.key));
  const reserved = new Map(reservedLots(answers).map((l) => [l.key, l.reservation] as const));
  const article = t(answers.execution.articleNumber);
  const employment = hasEmploymentCondition(answers);
  return {
    draftId: 'dossier-clause-sociale',
    answers: {
      ...identity(answers),
      lots: answers.lots.map((lot) => {
        const reservation = reserved.get(lot.key);
        const hours = clause.has(lot.key) ? lotCalibration(answers, lot).hours : null;
        return {
          numero: t(lot.number),
          intitule: t(lot.name),
          dispositif: reservation
            ? `reserve-${reservation}${clause.has(lot.key) ? '-clause' : ''}`
            : clause.has(lot.key)
              ? 'clause'
              : employment
                ? 'emploi'
                : 'aucun',
          heures: hours ?? undefined,
        };
      }),
      cadre: needsDerogation(answers) ? 'derogation' : obligationOf(answers).mandatory ? 'obligation' : 'faculte',
      condition_emploi: yesNo(employment),
      // Seule condition sociale d'un marché soumis à l'obligation : la page de garde dit que c'est à vérifier.
      emploi_a_verifier: yesNo(employmentToVerify(answers)),
      critere: yesNo(answers.levers.criterion),
      ponderation: answers.levers.criterion ? n(answers.criterion.weight, RULES.criterionWeight) : undefined,
      pieces: pieces.map((p) => ({
        piece: catalog.drafts[p.draftId]?.title ?? p.draftId,
        destination: DESTINATION[p.draftId],
        article: p.draftId === 'ccap-condition-execution' ? article : p.draftId === 'ccap-condition-emploi' ? t(answers.employment.articleNumber) : undefined,
      })),
    },
  };
}

/** Toutes les pièces du fichier, page de garde comprise. */
function allPieces(answers: Answers, catalog: WizardCatalog): Piece[] {
  const pieces = piecesFor(answers);
  return pieces.length ? [coverPiece(answers, catalog, pieces), ...pieces] : [];
}

/** L'identifiant de la référence du CCAG du type de marché (sans numéro d'article, faute de vérification). */
const CCAG_REFERENCE: Record<ReturnType<typeof ccagOf>, string> = {
  travaux: 'ccag-travaux-2021',
  fcs: 'ccag-fcs-2021',
  pi: 'ccag-pi-2021',
  applicable: 'ccag-2021',
};

/**
 * Les références citées par une pièce, calculées d'après les réponses : le CCAG du type de marché (au lieu de la
 * liste générale de la rédaction type), la charte de l'ANRU seulement si elle est retenue, l'article L2112-2-1 et la
 * loi de 2021 seulement quand l'obligation s'applique, l'article L2113-14 jamais (l'assistant n'ouvre pas une réservation aux deux
 * familles de structures) ; pour la condition liée à l'emploi (`draftId` « ccap-condition-emploi »), les textes qui
 * définissent les SIAE, les EA et les ESAT seulement si l'achat auprès de structures inclusives est ouvert.
 */
const INCLUSIVE_REFERENCES = ['ctrav-l5132-4', 'ctrav-l5213-13', 'casf-l344-2'];

export function piecesReferences(draftReferences: readonly string[], answers: Answers, draftId?: string): string[] {
  const withoutInclusive = draftId === 'ccap-condition-emploi' && !answers.employment.modalities.includes('achat-inclusif');
  const anru = answers.execution.anru || clauseLots(answers).some((l) => l.calibration.method === 'anru');
  const ccag = CCAG_REFERENCE[ccagOf(answers.contract.kind)];
  const mandatory = obligationOf(answers).mandatory;
  const out: string[] = [];
  for (const id of draftReferences) {
    const mapped = id === 'ccag-2021' || id === 'ccag-tic-2021-art16' ? ccag : id;
    if (mapped === 'anru-charte-insertion' && !anru) continue;
    if ((mapped === 'loi-2021-1104-art35' || mapped === 'ccp-l2112-2-1') && !mandatory) continue;
    // L'assistant ne rouvre pas une réservation à l'autre famille de structures (article L2113-14).
    if (mapped === 'ccp-l2113-14') continue;
    if (withoutInclusive && INCLUSIVE_REFERENCES.includes(mapped)) continue;
    if (!out.includes(mapped)) out.push(mapped);
  }
  return out;
}

/** La rédaction type adaptée à la pièce : valeurs par défaut retirées ; en aperçu, toute variable facultative. */
function adjustDraft(draft: WizardDraft, piece: Pick<Piece, 'noDefault' | 'optional'>, relaxAll = false): WizardDraft {
  const noDefault = new Set(piece.noDefault ?? []);
  const optional = new Set(piece.optional ?? []);
  if (!relaxAll && noDefault.size === 0 && optional.size === 0) return draft;
  const variables = draft.variables.map<WizardDraft['variables'][number]>((v) => {
    let out = v;
    if (relaxAll || optional.has(v.name)) {
      out = { ...out, required: false };
      if (out.type === 'lots') out = { ...out, minItems: 0, fields: out.fields.map((f) => ({ ...f, required: false })) };
    }
    if (noDefault.has(v.name) && 'default' in out) {
      const { default: _omit, ...rest } = out;
      out = rest;
    }
    return out;
  });
  return { ...draft, variables };
}

export interface PieceError extends FieldError {
  draftId: string;
}

export type DocumentsResult = { ok: true; documents: RenderedDocument[] } | { ok: false; errors: PieceError[] };

type RenderDraft = Parameters<typeof render>[0];
const renderOptions = (piece: Piece): RenderOptions => (piece.fill ? { fill: piece.fill } : {});

/**
 * Les documents à mettre dans le fichier Word : la page de garde, puis les pièces. Un document qui garderait un
 * repère « […] » n'est jamais rendu : c'est une erreur (une réponse facultative doit avoir sa phrase sans elle).
 */
export function documentsFor(answers: Answers, catalog: WizardCatalog): DocumentsResult {
  const documents: RenderedDocument[] = [];
  const errors: PieceError[] = [];
  for (const piece of allPieces(answers, catalog)) {
    const draft = catalog.drafts[piece.draftId];
    if (!draft) {
      errors.push({ draftId: piece.draftId, field: '', message: `La rédaction type « ${piece.draftId} » est absente du catalogue.` });
      continue;
    }
    const result = render(adjustDraft(draft, piece) as RenderDraft, piece.answers, renderOptions(piece));
    if (!result.ok) {
      errors.push(...result.errors.map((e) => ({ ...e, draftId: piece.draftId })));
      continue;
    }
    const blanks = documentRuns(result.document).filter((r) => r.kind === 'placeholder');
    for (const run of blanks) errors.push({ draftId: piece.draftId, field: run.field, message: `Une mention resterait à compléter : ${run.text}.` });
    documents.push({ ...result.document, references: piecesReferences(result.document.references, answers, piece.draftId) });
  }
  if (errors.length) return { ok: false, errors };
  if (documents.length === 0) return { ok: false, errors: [{ draftId: '', field: '', message: 'Aucune pièce ne correspond aux choix faits.' }] };
  return { ok: true, documents };
}

export interface DownloadBlocker {
  /** Étape où se trouve la réponse à donner ou à corriger (lien « Modifier »). */
  step: StepId;
  /** Chemin du champ dans les réponses (« lots.0.amount ») ; vide si la remarque porte sur l'étape entière. */
  field: string;
  message: string;
}

/**
 * Ce qui empêche de télécharger le fichier : chaque réponse obligatoire manquante ou invalide, avec son étape
 * (dans l'ordre du parcours). Vide : le fichier peut être produit, sans aucune mention à compléter.
 */
export function downloadBlockers(answers: Answers, catalog: WizardCatalog): DownloadBlocker[] {
  const blockers: DownloadBlocker[] = [];
  for (const step of visibleSteps(answers)) {
    for (const e of validateStep(answers, step)) blockers.push({ step, field: e.field, message: e.message });
  }
  if (blockers.length) return blockers;
  const result = documentsFor(answers, catalog);
  if (!result.ok) for (const e of result.errors) blockers.push({ step: 'recapitulatif', field: '', message: e.message });
  return blockers;
}

/** Retire une réponse refusée (« lots[1].heures », « ponderation ») pour que l'aperçu montre un repère à la place. */
function dropAnswer(answers: Record<string, unknown>, field: string): Record<string, unknown> {
  const m = /^([a-z_]+)\[(\d+)\](?:\.([a-z_]+))?$/.exec(field);
  if (!m) {
    const { [field]: _omit, ...rest } = answers;
    return rest;
  }
  const [, list, index, key] = m;
  const items = Array.isArray(answers[list!]) ? [...(answers[list!] as Record<string, unknown>[])] : [];
  const i = Number(index);
  if (key && items[i] && typeof items[i] === 'object') {
    const { [key]: _omit, ...rest } = items[i];
    items[i] = rest;
  }
  return { ...answers, [list!]: items };
}

export interface PreviewPiece {
  draftId: string;
  title: string;
  document: RenderedDocument | null;
}

/**
 * L'aperçu : chaque pièce rendue avec ce qui est déjà répondu ; ce qui manque ou n'est pas encore valide
 * apparaît comme un repère « […] » (l'aperçu montre ce qui reste à dire ; le fichier, jamais). Ne lève jamais d'exception.
 */
export function previewDocuments(answers: Answers, catalog: WizardCatalog): PreviewPiece[] {
  const out: PreviewPiece[] = [];
  for (const piece of allPieces(answers, catalog)) {
    const draft = catalog.drafts[piece.draftId];
    if (!draft) continue;
    const relaxed = adjustDraft(draft, piece, true) as RenderDraft;
    let values = piece.answers;
    let document: RenderedDocument | null = null;
    for (let attempt = 0; attempt < 4 && !document; attempt++) {
      const result = render(relaxed, values, renderOptions(piece));
      if (result.ok) document = { ...result.document, references: piecesReferences(result.document.references, answers, piece.draftId) };
      else values = result.errors.reduce((acc, e) => dropAnswer(acc, e.field), values);
    }
    out.push({ draftId: piece.draftId, title: draft.title, document });
  }
  return out;
}

/** Les documents que contiendra le fichier Word, dans l'ordre, avec leur titre. */
export function plannedDocuments(answers: Answers, catalog: WizardCatalog): { draftId: string; title: string }[] {
  return allPieces(answers, catalog).map((p) => ({ draftId: p.draftId, title: catalog.drafts[p.draftId]?.title ?? p.draftId }));
}
