/**
 * Des réponses de l'assistant aux pièces du dossier : quelles rédactions types conviennent aux choix faits,
 * et avec quelles réponses (les noms de variables de content/redactions/*.yaml). Le texte lui-même n'est
 * écrit qu'une fois, dans les rédactions types, et rendu par `render` ; la note de calibrage vient de calibration.ts.
 */
import { render } from '../redactions/render';
import type { RenderedDocument } from '../redactions/document';
import type { FieldError } from '../redactions/values';
import type { Answers, WizardCatalog, WizardDraft } from './model';
import { CALIBRATION_NOTE_TITLE, calibrationNote, lotCalibration } from './calibration';
import { clauseLots, hasSocialCondition, needsDerogation, obligationOf, reservedLots } from './levers';
import { parseNumber } from './numbers';

export type DraftId =
  | 'avis-rc-clause'
  | 'ccap-condition-execution'
  | 'rc-critere-insertion'
  | 'reserve-siae'
  | 'reserve-ea-esat'
  | 'engagement-entreprise'
  | 'justification-derogation';

export interface Piece {
  draftId: DraftId;
  /** Réponses au sens de la rédaction type (noms de ses variables). */
  answers: Record<string, unknown>;
  /** Variables laissées en repère « […] » pour qu'un autre les remplisse (l'entreprise, dans sa fiche d'engagement). */
  blank?: string[];
  /** Variables dont la valeur par défaut ne doit pas s'appliquer : une liste vide veut dire « aucune ». */
  noDefault?: string[];
}

/** Un nombre lu dans la saisie, sinon la saisie elle-même (que `render` refusera avec son message), sinon rien. */
function n(raw: string): number | string | undefined {
  const value = parseNumber(raw);
  if (value !== null) return value;
  return raw.trim() === '' ? undefined : raw;
}
const t = (raw: string) => (raw.trim() === '' ? undefined : raw);
const yesNo = (b: boolean) => (b ? 'oui' : 'non');

function facilitator(answers: Answers) {
  const f = answers.facilitator;
  return {
    facilitateur_structure: t(f.structure),
    facilitateur_nom: t(f.name),
    facilitateur_telephone: t(f.phone),
    facilitateur_courriel: t(f.email),
  };
}

/** Les pièces qui conviennent aux choix faits, dans l'ordre du dossier. */
export function piecesFor(answers: Answers): Piece[] {
  const pieces: Piece[] = [];
  const duty = obligationOf(answers);
  const regime = duty.mandatory ? 'obligation' : 'faculte';
  const clause = clauseLots(answers);
  const hoursOf = (index: number) => lotCalibration(answers, clause[index]!).hours ?? undefined;
  const e = answers.execution;
  const c = answers.contract;

  if (clause.length > 0) {
    pieces.push({
      draftId: 'avis-rc-clause',
      answers: {
        regime,
        lots: clause.map((lot, i) => ({ numero: t(lot.number), intitule: t(lot.name), heures: hoursOf(i) })),
        article_ccap: t(e.articleNumber),
        avec_critere: yesNo(answers.levers.criterion),
        fiche_engagement: yesNo(e.commitmentForm),
        ...facilitator(answers),
      },
    });
    pieces.push({
      draftId: 'ccap-condition-execution',
      answers: {
        numero_article: t(e.articleNumber),
        regime,
        lots: clause.map((lot, i) => ({ numero: t(lot.number), intitule: t(lot.name), heures: hoursOf(i) })),
        perimetre: t(e.perimeter),
        publics: e.publics,
        priorite_qpv: yesNo(e.anru),
        modalites: e.modalities,
        decompte: e.counting,
        plafond_contrat_mois: e.counting.includes('contrat-long') ? n(e.longContractMonths) : undefined,
        part_mo_conversion: e.counting.includes('conversion') ? n(e.conversionShare) : undefined,
        cout_horaire_conversion: e.counting.includes('conversion') ? n(e.conversionCost) : undefined,
        ...facilitator(answers),
        delai_correspondant: n(e.correspondentDays),
        frequence_suivi: e.reporting,
        globalisation: yesNo(e.pooling),
        penalite_heure: n(e.penaltyPerHour),
        plafond_penalites: n(e.penaltyCap),
        delai_observations: n(e.observationDays),
      },
      noDefault: ['decompte'],
    });
  }
  if (answers.levers.criterion) {
    const k = answers.criterion;
    pieces.push({
      draftId: 'rc-critere-insertion',
      answers: {
        numero_critere: t(k.number),
        ponderation: n(k.weight),
        prestations_support: t(k.support),
        avec_clause: yesNo(hasSocialCondition(answers)),
        sous_criteres: k.subCriteria.map((s) => ({ intitule: t(s.title), poids: n(s.weight), attendu: t(s.expected) })),
        pages_max: n(k.maxPages),
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
    const whole = lots.length === answers.lots.length;
    pieces.push({
      draftId,
      answers: {
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
        marche_objet: t(c.subject),
        marche_reference: t(c.reference),
        lots: clause.map((lot, i) => ({ numero: t(lot.number), heures: hoursOf(i) })),
      },
      blank: ['entreprise', 'correspondant_nom'],
    });
  }
  if (needsDerogation(answers)) {
    const d = answers.derogation;
    pieces.push({
      draftId: 'justification-derogation',
      answers: {
        acheteur: t(c.buyerName),
        objet: t(c.subject),
        reference: t(c.reference),
        valeur_estimee: n(c.amount),
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

/** La rédaction type adaptée à la pièce : variables laissées en blanc facultatives, valeurs par défaut retirées. */
function adjustDraft(draft: WizardDraft, piece: Pick<Piece, 'blank' | 'noDefault'>, relaxAll = false): WizardDraft {
  const blank = new Set(piece.blank ?? []);
  const noDefault = new Set(piece.noDefault ?? []);
  if (!relaxAll && blank.size === 0 && noDefault.size === 0) return draft;
  const variables = draft.variables.map((v) => {
    let out = v;
    if (relaxAll || blank.has(v.name)) {
      out = { ...out, required: false };
      if (out.type === 'lots') out = { ...out, minItems: 0, fields: relaxAll ? out.fields.map((f) => ({ ...f, required: false })) : out.fields };
    }
    if (noDefault.has(v.name) && 'default' in out) {
      const { default: _omit, ...rest } = out;
      out = rest as typeof out;
    }
    return out;
  }) as WizardDraft['variables'];
  return { ...draft, variables };
}

export interface PieceError extends FieldError {
  draftId: string;
}

export type DocumentsResult = { ok: true; documents: RenderedDocument[] } | { ok: false; errors: PieceError[] };

/** Les documents à mettre dans le fichier Word : les pièces rendues, puis la note de calibrage. */
export function documentsFor(answers: Answers, catalog: WizardCatalog): DocumentsResult {
  const documents: RenderedDocument[] = [];
  const errors: PieceError[] = [];
  const pieces = piecesFor(answers);
  for (const piece of pieces) {
    const draft = catalog.drafts[piece.draftId];
    if (!draft) {
      errors.push({ draftId: piece.draftId, field: '', message: `La rédaction type « ${piece.draftId} » est absente du catalogue.` });
      continue;
    }
    const result = render(adjustDraft(draft, piece) as Parameters<typeof render>[0], piece.answers);
    if (result.ok) documents.push(result.document);
    else errors.push(...result.errors.map((e) => ({ ...e, draftId: piece.draftId })));
  }
  if (clauseLots(answers).length > 0) {
    const note = calibrationNote(answers);
    if (note) {
      // La note de calibrage se range après les pièces de la consultation, avant la note de dérogation éventuelle.
      const at = documents.findIndex((d) => d.draftId === 'justification-derogation');
      documents.splice(at < 0 ? documents.length : at, 0, note);
    } else errors.push({ draftId: 'note-calibrage', field: 'lots', message: 'Le volume d’heures d’un lot n’est pas valide.' });
  }
  if (errors.length) return { ok: false, errors };
  if (documents.length === 0) return { ok: false, errors: [{ draftId: '', field: '', message: 'Aucune pièce ne correspond aux choix faits.' }] };
  return { ok: true, documents };
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
    const { [key]: _omit, ...rest } = items[i]!;
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
 * apparaît comme un repère « […] ». Ne lève jamais d'exception.
 */
export function previewDocuments(answers: Answers, catalog: WizardCatalog): PreviewPiece[] {
  const out: PreviewPiece[] = [];
  for (const piece of piecesFor(answers)) {
    const draft = catalog.drafts[piece.draftId];
    if (!draft) continue;
    const relaxed = adjustDraft(draft, piece, true) as Parameters<typeof render>[0];
    let values = piece.answers;
    let document: RenderedDocument | null = null;
    for (let attempt = 0; attempt < 4 && !document; attempt++) {
      const result = render(relaxed, values);
      if (result.ok) document = result.document;
      else values = result.errors.reduce((acc, e) => dropAnswer(acc, e.field), values);
    }
    out.push({ draftId: piece.draftId, title: draft.title, document });
  }
  if (clauseLots(answers).length > 0) {
    const note = calibrationNote(answers);
    const at = out.findIndex((p) => p.draftId === 'justification-derogation');
    out.splice(at < 0 ? out.length : at, 0, { draftId: 'note-calibrage', title: CALIBRATION_NOTE_TITLE, document: note });
  }
  return out;
}

/** Les documents que contiendra le fichier Word, dans l'ordre, avec leur titre. */
export function plannedDocuments(answers: Answers, catalog: WizardCatalog): { draftId: string; title: string }[] {
  const list = piecesFor(answers).map((p) => ({ draftId: p.draftId as string, title: catalog.drafts[p.draftId]?.title ?? p.draftId }));
  if (clauseLots(answers).length > 0) {
    const at = list.findIndex((p) => p.draftId === 'justification-derogation');
    list.splice(at < 0 ? list.length : at, 0, { draftId: 'note-calibrage', title: CALIBRATION_NOTE_TITLE });
  }
  return list;
}
