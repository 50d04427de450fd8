/**
 * La règle de l'obligation de condition d'exécution sociale (loi n° 2021-1104, art. 35), en données et en une
 * fonction pure. Ce que nous tenons pour établi (voir shared/recueil/verifications.md, § 1) :
 * - l'obligation vise les contrats dont la valeur estimée atteint ou dépasse le seuil européen de leur catégorie ;
 * - elle s'applique au plus tard aux consultations engagées (ou aux avis envoyés à la publication) à compter
 *   du 22 août 2026 ; aucun décret avançant cette date n'a été trouvé ;
 * - l'acheteur ne peut y déroger que dans les cas prévus par la loi, en consignant les motifs ;
 * - les marchés de défense ou de sécurité gardent une simple faculté.
 * Pour les marchés, l'obligation est codifiée à l'article L2112-2-1 (numéro confirmé par des sources secondaires,
 * voir la note de `ccp-l2112-2-1` dans content/references.yaml) ; pour les concessions, le numéro n'est pas confirmé :
 * les messages citent alors « l'article 35 de la loi n° 2021-1104 ».
 */
import { formatDateFr, formatEuros } from '../format';
import { readingMessage, readFrenchNumber } from '../french-number';
import { isoDate, readDate } from '../redactions/core/values';

/** Seuils européens en vigueur du 1er janvier 2026 au 31 décembre 2027, en euros HT. */
export const EU_THRESHOLDS = {
  from: '2026-01-01',
  to: '2027-12-31',
  /** Référence juridique (content/references.yaml). */
  source: 'ue-seuils-2026',
  categories: {
    travaux: { amount: 5_404_000, label: 'aux marchés de travaux' },
    concession: { amount: 5_404_000, label: 'aux contrats de concession' },
    'fcs-etat': { amount: 140_000, label: 'aux marchés de fournitures et de services des autorités publiques centrales (État)' },
    'fcs-autres': { amount: 216_000, label: 'aux marchés de fournitures et de services des collectivités territoriales et des autres pouvoirs adjudicateurs' },
    'entites-adjudicatrices': { amount: 432_000, label: 'aux marchés de fournitures et de services des entités adjudicatrices' },
    /** Régime allégé (directive 2014/24/UE, art. 74 à 76) : valeur confirmée pour 2025 seulement (voir `SOCIAL_SERVICES`). */
    sss: { amount: 750_000, label: 'aux marchés de services sociaux et autres services spécifiques' },
  },
} as const;
export type ThresholdCategory = keyof typeof EU_THRESHOLDS.categories;

/** Date à laquelle l'obligation s'applique au plus tard, et ses sources. */
export const SOCIAL_OBLIGATION = {
  from: '2026-08-22',
  /** La loi qui crée l'obligation (les messages citent aussi l'article L2112-2-1 pour les marchés). */
  source: 'loi-2021-1104-art35',
  /** La faculté, hors obligation. */
  facultySource: 'ccp-l2112-2',
  defenceSource: 'ccp-l2312-1-1',
} as const;

/**
 * Les services sociaux et autres services spécifiques (régime allégé, article R2123-1 du code) : seuil propre de
 * 750 000 € HT, confirmé pour 2025 par une source secondaire ; sa valeur pour 2026-2027 (avis du 26 décembre 2025)
 * n'a pas été lue : le message le dit (« à confirmer »). Pour une entité adjudicatrice, le seuil de ces services
 * peut différer (directive 2014/25/UE, non lue) : l'assistant applique par prudence le même seuil et le signale.
 */
export const SOCIAL_SERVICES = {
  category: 'sss',
  sources: ['dir-2014-24-art74-77', 'ccp-r2123-1'],
  toConfirm:
    'Le seuil de 750\u00a0000\u00a0€\u00a0HT des services sociaux et autres services spécifiques est confirmé pour 2025 ; sa valeur pour 2026-2027 est à confirmer dans l’avis relatif aux seuils de procédure (JO du 26\u00a0décembre 2025).',
  buyerToCheck:
    'Pour une entité adjudicatrice, le seuil propre à ces services peut être différent (directive 2014/25/UE) : à vérifier ; l’assistant retient par prudence 750\u00a0000\u00a0€\u00a0HT.',
} as const;

/** Accords-cadres : calcul de la valeur estimée (R2121-8) et maximum exigé (R2162-4, décret n° 2021-1111). */
export const FRAMEWORK = {
  valuationSource: 'ccp-r2121-8',
  maximumSource: 'ccp-r2162-4',
  decreeSource: 'decret-2021-1111',
} as const;

export type FrameworkKind = 'non' | 'avec-maximum' | 'sans-maximum';
export type FrameworkPeriod = 'duree' | 'an';

export interface ContractFacts {
  /** Services sociaux et autres services spécifiques (régime allégé, seuil propre). */
  socialServices?: boolean;
  /** Accord-cadre à bons de commande : avec ou sans maximum (par défaut : marché ordinaire). */
  framework?: FrameworkKind | '';
  /** Le montant saisi vaut pour toute la durée (par défaut) ou pour une année. */
  frameworkPeriod?: FrameworkPeriod | '';
  /** Durée en mois (saisie), pour un montant annuel. */
  durationMonths?: unknown;
  /** Marché public (par défaut) ou contrat de concession. */
  contractType?: 'marche' | 'concession';
  kind: string;
  buyer: string;
  defence?: boolean;
  /** Valeur estimée HT (nombre ou saisie). */
  amount: unknown;
  /** Date d'engagement de la consultation, AAAA-MM-JJ ou JJ/MM/AAAA. */
  launchDate: string;
}

export type ObligationStatus = 'obligatoire' | 'facultative' | 'hors-champ' | 'incomplete';

export interface ObligationResult {
  status: ObligationStatus;
  mandatory: boolean;
  /** La valeur estimée comparée au seuil (accord-cadre : sur toute sa durée), si elle a pu être lue. */
  value?: number;
  /** Le seuil retenu, s'il a pu être déterminé. */
  threshold?: { category: ThresholdCategory; amount: number; label: string };
  /** La raison principale, en une phrase. */
  reason: string;
  /** Précisions utiles (seuils à revoir, dérogations…). */
  details: string[];
  /** Références juridiques sur lesquelles la réponse s'appuie (ids). */
  sources: string[];
}

/** La catégorie de seuil du contrat, ou `null` si le type ou l'acheteur manque. */
export function thresholdCategory(facts: Pick<ContractFacts, 'contractType' | 'kind' | 'buyer' | 'socialServices'>): ThresholdCategory | null {
  if (facts.contractType === 'concession') return 'concession';
  if (facts.kind === 'travaux') return 'travaux';
  if (!['services', 'fournitures', 'prestations-intellectuelles'].includes(facts.kind)) return null;
  if (facts.socialServices && facts.kind !== 'fournitures' && facts.buyer !== '' && facts.buyer !== 'prive') return 'sss';
  switch (facts.buyer) {
    case 'etat':
      return 'fcs-etat';
    case 'collectivite':
    case 'autre-pouvoir-adjudicateur':
      return 'fcs-autres';
    case 'entite-adjudicatrice':
      return 'entites-adjudicatrices';
    default:
      return null;
  }
}

const euros = (n: number) => `${formatEuros(n)}\u00a0HT`;
const LAW = 'l’article 35 de la loi n°\u00a02021-1104 du 22\u00a0août 2021';
/** Le texte cité selon le contrat : l'article du code pour un marché, l'article de la loi pour une concession. */
const LAW_FOR = {
  marche: `l’article L2112-2-1 du code de la commande publique, créé par ${LAW}`,
  concession: LAW,
} as const;
/** Les cas de dérogation : deux cas lus dans le texte pour les concessions ; liste non relue pour les marchés. */
const DEROGATION_FOR = {
  marche:
    'Vous ne pouvez y déroger que dans les cas prévus par l’article L2112-2-1 (leur liste exacte est à vérifier sur Légifrance, voir la fiche C1), en consignant les motifs dans une note versée au dossier de la procédure.',
  concession:
    'Vous ne pouvez y déroger que si des considérations sociales ne présentent pas de lien suffisant avec l’objet du contrat, ou si elles restreignent la concurrence ou rendent l’exécution techniquement ou économiquement difficile ; vous en consignez alors les motifs par tout moyen approprié.',
} as const;

/**
 * La valeur estimée à comparer au seuil. Accord-cadre : la valeur maximale estimée de l'ensemble des bons de commande
 * sur toute sa durée (R2121-8) ; un montant annuel est multiplié par la durée. `null` si la durée manque pour cela.
 */
export function estimatedValue(facts: Pick<ContractFacts, 'framework' | 'frameworkPeriod' | 'durationMonths'>, amount: number): number | null {
  if (!facts.framework || facts.framework === 'non' || facts.frameworkPeriod !== 'an') return amount;
  const months = readFrenchNumber(facts.durationMonths, 'months');
  if (months.status !== 'ok' || months.value <= 0) return null;
  return Math.round(((amount * months.value) / 12) * 100) / 100;
}

/** Précisions propres aux accords-cadres et aux services sociaux, ajoutées à tout verdict chiffré. */
function valuationNotes(facts: ContractFacts, category: ThresholdCategory, raw: number, value: number): { details: string[]; sources: string[] } {
  const details: string[] = [];
  const sources: string[] = [];
  if (category === 'sss') {
    details.push(SOCIAL_SERVICES.toConfirm);
    if (facts.buyer === 'entite-adjudicatrice') details.push(SOCIAL_SERVICES.buyerToCheck);
    sources.push(...SOCIAL_SERVICES.sources);
  }
  if (facts.framework === 'avec-maximum' || facts.framework === 'sans-maximum') {
    sources.push(FRAMEWORK.valuationSource);
    details.push(
      facts.frameworkPeriod === 'an'
        ? `Accord-cadre : la valeur comparée au seuil est celle de toute sa durée (article R2121-8 du code de la commande publique), soit ${euros(raw)} par an sur la durée indiquée : ${euros(value)}.`
        : 'Accord-cadre : la valeur comparée au seuil est la valeur maximale estimée de l’ensemble des bons de commande à émettre pendant toute sa durée (article R2121-8 du code de la commande publique).',
    );
    if (facts.framework === 'sans-maximum') {
      sources.push(FRAMEWORK.maximumSource, FRAMEWORK.decreeSource);
      details.push(
        'Un accord-cadre doit fixer un maximum en valeur ou en quantité pour toute consultation engagée depuis le 1er\u00a0janvier 2022 (article R2162-4, modifié par le décret n°\u00a02021-1111) : fixez-en un. En attendant, l’assistant compare au seuil le total estimé des commandes ; l’ancienne règle qui réputait un accord-cadre sans maximum au-dessus des seuils a été supprimée par ce décret.',
      );
    }
  }
  return { details, sources };
}

/** Le contrat est-il soumis à l'obligation de condition d'exécution sociale ? Ne lève jamais d'exception. */
export function obligation(facts: ContractFacts): ObligationResult {
  const details: string[] = [];
  if (facts.buyer === 'prive') {
    return {
      status: 'hors-champ',
      mandatory: false,
      reason:
        'Un acheteur privé qui n’est ni pouvoir adjudicateur ni entité adjudicatrice n’est pas soumis au code de la commande publique : la clause est un engagement volontaire, inscrit dans ses contrats.',
      details: ['Les pièces produites citent le code de la commande publique : adaptez ces mentions à un contrat de droit privé.'],
      sources: [],
    };
  }
  if (facts.defence) {
    return {
      status: 'facultative',
      mandatory: false,
      reason: 'Pour un marché de défense ou de sécurité, la prise en compte de considérations sociales dans les conditions d’exécution reste une faculté (article L2312-1-1 du code de la commande publique).',
      details: [],
      sources: [SOCIAL_OBLIGATION.defenceSource],
    };
  }
  const category = thresholdCategory(facts);
  const reading = readFrenchNumber(facts.amount, 'amount-ht');
  let amount = reading.status === 'ok' ? reading.value : null;
  const launch = readDate(facts.launchDate);
  if (reading.status === 'ambiguous' || reading.status === 'invalid') {
    // Un montant mal lu ne doit jamais conclure « facultative » : « 216.000 » lu 216 € dispenserait à tort.
    return {
      status: 'incomplete',
      mandatory: false,
      reason: 'Le montant estimé saisi ne peut pas être lu avec certitude : corrigez-le à l’étape « Le marché » pour savoir si la clause est obligatoire.',
      details: [readingMessage(facts.amount, 'amount-ht') ?? ''].filter(Boolean),
      sources: [],
    };
  }
  if (category === null || amount === null || amount <= 0 || launch === null) {
    return {
      status: 'incomplete',
      mandatory: false,
      reason: 'Indiquez le type de marché, le type d’acheteur, le montant estimé et la date de lancement pour savoir si la clause est obligatoire.',
      details: [],
      sources: [],
    };
  }
  const value = estimatedValue(facts, amount);
  if (value === null) {
    return {
      status: 'incomplete',
      mandatory: false,
      reason: 'Le maximum de l’accord-cadre est annuel : indiquez sa durée en mois pour calculer sa valeur sur toute la durée (article R2121-8 du code de la commande publique).',
      details: [],
      sources: [FRAMEWORK.valuationSource],
    };
  }
  const raw = amount;
  amount = value;
  const t = EU_THRESHOLDS.categories[category];
  const threshold = { category, amount: t.amount, label: t.label };
  const launchIso = isoDate(launch);
  const notes = valuationNotes(facts, category, raw, value);
  details.push(...notes.details);
  const sources: string[] = [SOCIAL_OBLIGATION.source, EU_THRESHOLDS.source, ...notes.sources];
  if (launchIso > EU_THRESHOLDS.to) {
    details.push(
      `Les seuils utilisés sont ceux en vigueur du 1er\u00a0janvier 2026 au 31\u00a0décembre 2027 ; ils sont révisés tous les deux ans : vérifiez ceux qui s’appliqueront à la date de lancement.`,
    );
  }
  const launchText = formatDateFr(launch);
  const law = LAW_FOR[facts.contractType === 'concession' ? 'concession' : 'marche'];
  if (launchIso < SOCIAL_OBLIGATION.from) {
    return {
      status: 'facultative',
      mandatory: false,
      threshold,
      value,
      reason: `La consultation est engagée le ${launchText}, avant le 22\u00a0août 2026 : l’obligation prévue par ${law}, qui s’applique au plus tard aux consultations engagées à compter de cette date, ne la vise pas, même si le contrat est signé après. La clause reste possible et recommandée (article L2112-2 du code de la commande publique).`,
      details: [
        ...details,
        'La loi permettait d’avancer cette date par décret ; aucun décret en ce sens n’a été relevé lors de notre vérification.',
        ...(amount >= t.amount ? ['Si la consultation n’a en fait été engagée (ou l’avis envoyé à la publication) qu’à compter du 22\u00a0août 2026, la clause est obligatoire pour ce contrat.'] : []),
      ],
      sources: [SOCIAL_OBLIGATION.source, SOCIAL_OBLIGATION.facultySource, ...notes.sources],
    };
  }
  if (amount < t.amount) {
    return {
      status: 'facultative',
      mandatory: false,
      threshold,
      value,
      reason: `La valeur estimée (${euros(amount)}) est inférieure au seuil européen de ${euros(t.amount)} applicable ${t.label} : la clause n’est pas obligatoire. Elle reste possible et recommandée (article L2112-2 du code de la commande publique).`,
      details,
      sources: [...sources, SOCIAL_OBLIGATION.facultySource],
    };
  }
  return {
    status: 'obligatoire',
    mandatory: true,
    threshold,
    value,
    reason: `La valeur estimée (${euros(amount)}) atteint le seuil européen de ${euros(t.amount)} applicable ${t.label}, et la consultation est engagée le ${launchText}${
      launchIso === SOCIAL_OBLIGATION.from ? '' : ', donc après le 22\u00a0août 2026'
    } : l’obligation prévue par ${law}, qui s’applique au plus tard à compter de cette date, la vise. Une condition d’exécution sociale ou liée à l’emploi est obligatoire.`,
    details: [...details, DEROGATION_FOR[facts.contractType === 'concession' ? 'concession' : 'marche']],
    sources,
  };
}
