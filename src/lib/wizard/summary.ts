/**
 * Le récapitulatif : les réponses regroupées par étape, en phrases courtes, chacune avec l'étape où la modifier.
 */
import { formatDateFr, formatEuros, formatInt, formatNumber, lowerFirst } from '../format';
import { joinFr, readDate } from '../redactions/core/values';
import { optionsOf, type Answers, type WizardCatalog } from './model';
import { LEVERS, leverNotices, obligationOf, reservedLots } from './levers';
import { METHOD_SHORT, calibrationSummary, lotLabel, needsKeepReason } from './calibration';
import { subjectSentence } from './pieces';
import { parseNumber } from './numbers';
import { employmentAsksFacilitator, visibleSteps, stepTitle, type StepId } from './steps';

/** « Allotissement : Marché (non) divisé en lots », au récapitulatif et dans la comparaison de deux brouillons. */
export const allotmentFact = (allotted: boolean) => ({ label: 'Allotissement', value: allotted ? 'Marché divisé en lots' : 'Marché non divisé en lots' });

export interface ReviewItem {
  label: string;
  value: string;
}
export interface ReviewGroup {
  step: StepId;
  title: string;
  items: ReviewItem[];
}

const euros = (raw: string) => {
  const n = parseNumber(raw, 'amount-ht');
  return n === null ? raw : `${formatEuros(n)}\u00a0HT`;
};
const num = (raw: string) => {
  const n = parseNumber(raw);
  return n === null ? raw : formatNumber(n);
};
const dateFr = (raw: string) => {
  const d = readDate(raw);
  return d ? formatDateFr(d) : raw;
};
const hours = (n: number) => `${formatInt(n)}\u00a0heure${n >= 2 ? 's' : ''}`;

function labels(catalog: WizardCatalog, draftId: string, variable: string, values: string[]): string {
  const options = optionsOf(catalog, draftId, variable);
  const chosen = options.filter((o) => values.includes(o.value)).map((o) => o.label);
  return chosen.length ? joinFr(chosen.map((l, i) => (i ? lowerFirst(l) : l))) : 'aucun choix';
}

export function reviewGroups(answers: Answers, catalog: WizardCatalog): ReviewGroup[] {
  const c = answers.contract;
  const groups: ReviewGroup[] = [];
  const steps = visibleSteps(answers);
  const add = (step: StepId, items: ReviewItem[]) => {
    if (steps.includes(step)) groups.push({ step, title: stepTitle(step), items });
  };
  add('contrat', [
    { label: 'Objet', value: subjectSentence(c.subject) },
    { label: 'Acheteur', value: c.buyerName },
    ...(c.reference.trim() ? [{ label: 'Référence', value: c.reference }] : []),
    { label: 'Type de marché', value: c.kind ? catalog.texts.options.kind[c.kind] : '' },
    { label: 'Type d’acheteur', value: c.buyer ? catalog.texts.options.buyer[c.buyer] : '' },
    ...(c.defence ? [{ label: 'Défense ou sécurité', value: 'Oui' }] : []),
    ...(c.socialServices && c.kind !== 'fournitures' && c.kind !== 'travaux' ? [{ label: 'Services sociaux et autres services spécifiques', value: 'Oui' }] : []),
    ...(c.framework !== 'non'
      ? [{ label: 'Accord-cadre à bons de commande', value: `${catalog.texts.options.framework[c.framework]} ; montant ${lowerFirst(catalog.texts.options.frameworkPeriod[c.frameworkPeriod])}` }]
      : []),
    allotmentFact(c.allotted),
    { label: 'Montant estimé', value: euros(c.amount) },
    { label: 'Durée', value: `${num(c.durationMonths)} mois` },
    { label: 'Lancement de la consultation', value: dateFr(c.launchDate) },
  ]);
  add(
    'lots',
    answers.lots.map((lot) => ({
      label: lotLabel(lot),
      value: `${euros(lot.amount)}, main-d’œuvre ${num(lot.labourShare)}\u00a0%${answers.levers.reservation && lot.reservation !== 'aucune' ? ` ; ${lowerFirst(catalog.texts.options.reservation[lot.reservation])}` : ''}`,
    })),
  );
  const duty = obligationOf(answers);
  add('obligation', [
    { label: 'Clause obligatoire', value: duty.mandatory ? 'Oui' : duty.status === 'hors-champ' ? 'Non (acheteur privé)' : duty.status === 'incomplete' ? 'À déterminer' : 'Non' },
    { label: 'Motif', value: duty.reason },
  ]);
  const chosen = LEVERS.filter((l) => answers.levers[l.id] && (l.id !== 'reservation' || reservedLots(answers).length > 0));
  add('leviers', [
    { label: 'Leviers retenus', value: chosen.length ? joinFr(chosen.map((l) => catalog.texts.levers[l.id].label)) : 'Aucun : une note motivera l’absence de clause' },
    // Les explications des combinaisons (lot réservé et obligation, critère qui ne remplace pas la condition…).
    ...leverNotices(answers).map((value) => ({ label: 'À savoir', value })),
  ]);
  const { lots, total } = calibrationSummary(answers);
  add('calibrage', [
    ...lots.map(({ lot, hours: h, overridden }) => ({
      label: lotLabel(lot),
      value:
        (h === null ? 'volume à compléter' : `${hours(h)} (${overridden ? `volume fixé à la main : ${lot.calibration.overrideReason.trim()}` : METHOD_SHORT[lot.calibration.method]})`) +
        (needsKeepReason(answers, lot) ? ` ; clause maintenue malgré l’avis de la note : ${lot.calibration.keepReason.trim()}` : ''),
    })),
    ...(total !== null ? [{ label: 'Total', value: hours(total) }] : []),
  ]);
  const x = answers.execution;
  const f = answers.facilitator;
  const ccap = 'ccap-condition-execution';
  add('execution', [
    { label: 'Publics éligibles', value: labels(catalog, ccap, 'publics', x.publics) },
    { label: 'Modalités ouvertes', value: labels(catalog, ccap, 'modalites', x.modalities) },
    { label: 'Conventions de décompte', value: x.counting.length ? labels(catalog, ccap, 'decompte', x.counting) : 'la règle de base seulement' },
    { label: 'Suivi', value: `${x.reporting === 'trimestrielle' ? 'trimestriel' : 'mensuel'}, correspondant désigné sous ${num(x.correspondentDays)} jours` },
    { label: 'Globalisation des heures', value: x.pooling ? 'possible sur demande du titulaire' : 'non' },
    { label: 'Pénalité', value: `${num(x.penaltyPerHour)}\u00a0€ par heure non réalisée, plafonnée à ${num(x.penaltyCap)}\u00a0% du montant HT` },
    { label: 'Facilitateur', value: [f.structure, f.name, f.email, f.phone].map((s) => s.trim()).filter(Boolean).join(', ') },
    { label: 'Fiche d’engagement', value: x.commitmentForm ? 'demandée avec l’offre' : 'non demandée' },
    ...(x.articleNumber.trim() ? [{ label: 'Article du CCAP', value: x.articleNumber }] : []),
  ]);
  const m = answers.employment;
  const emploi = 'ccap-condition-emploi';
  const alternance = m.modalities.includes('alternance');
  const inclusive = m.modalities.includes('achat-inclusif');
  add('emploi', [
    { label: 'Modalités ouvertes', value: labels(catalog, emploi, 'modalites', m.modalities) },
    ...(alternance
      ? [{ label: 'Alternance', value: `au moins ${num(m.contracts)} contrat(s) de ${num(m.contractMonths)} mois au moins, sur ${m.functions.trim()}` }]
      : []),
    ...(inclusive
      ? [{ label: 'Achat inclusif', value: `au moins ${num(m.inclusiveShare)}\u00a0% du montant HT exécuté${m.inclusiveServices.trim() ? `, notamment pour ${m.inclusiveServices.trim()}` : ''}` }]
      : []),
    { label: 'Justificatifs', value: `remis dans les ${num(m.proofDays)} jours qui suivent la fin du marché` },
    { label: 'Pénalité', value: `${num(m.penalty)}\u00a0€, forfaitaire` },
    ...(employmentAsksFacilitator(answers) ? [{ label: 'Facilitateur', value: f.structure.trim() }] : []),
    ...(m.articleNumber.trim() ? [{ label: 'Article du CCAP', value: m.articleNumber }] : []),
  ]);
  const k = answers.criterion;
  add('critere', [
    { label: 'Pondération', value: `${num(k.weight)}\u00a0%` },
    { label: 'Prestations support', value: k.support },
    { label: 'Sous-critères', value: k.subCriteria.map((s) => `${s.title.trim()} (${num(s.weight)}\u00a0%)`).join(' ; ') },
  ]);
  const d = answers.derogation;
  const ground = optionsOf(catalog, 'justification-derogation', 'motif').find((o) => o.value === d.ground);
  add('derogation', [
    { label: 'Motif', value: ground?.label ?? '' },
    { label: 'Signataire', value: d.signatory },
    { label: 'Date de la note', value: dateFr(d.date) },
  ]);
  return groups;
}
