/**
 * Le modèle de réponses de l'assistant : des données simples (texte, booléens, listes), sans fonction,
 * versionnées pour l'enregistrement dans le navigateur et l'export en fichier (voir storage.ts).
 *
 * Les nombres restent des textes tels que saisis (« 1 000 000 », « 50 % ») : la validation (steps.ts)
 * les lit et refuse une saisie invalide avec un message qui dit ce qui est attendu.
 * Les valeurs proposées par défaut viennent des rédactions types (leurs `default`) ou sont des suggestions
 * visibles et modifiables (coût horaire de 30 €, taux de 5 % : l'exemple de la fiche C3).
 */
import type { Draft } from '../redactions/core/schema';
import { cleanText } from '../redactions/core/text';
import type { ChoiceOption, Variable } from '../redactions/core/schema';
import type { WizardTexts } from './texts';

/** Version du format des réponses. Toute évolution incompatible l'augmente et ajoute une migration. */
export const ANSWERS_VERSION = 5;

// Valeurs des choix ; leurs libellés sont dans texts.ts (`options`).
export const CONTRACT_KINDS = ['travaux', 'services', 'fournitures', 'prestations-intellectuelles'] as const;
export type ContractKind = (typeof CONTRACT_KINDS)[number];

/** Marché public (l'assistant le prépare) ou contrat de concession (l'assistant s'arrête et renvoie à la fiche C1). */
export const CONTRACT_TYPES = ['marche', 'concession'] as const;
export type ContractType = (typeof CONTRACT_TYPES)[number];

/** Marché ordinaire, ou accord-cadre à bons de commande avec ou sans maximum. */
export const FRAMEWORK_KINDS = ['non', 'avec-maximum', 'sans-maximum'] as const;
/** Le montant d'un accord-cadre vaut pour toute sa durée, ou pour une année. */
export const FRAMEWORK_PERIODS = ['duree', 'an'] as const;

export const BUYER_TYPES = ['etat', 'collectivite', 'entite-adjudicatrice', 'autre-pouvoir-adjudicateur', 'prive'] as const;
export type BuyerType = (typeof BUYER_TYPES)[number];

export const RESERVATIONS = ['aucune', 'siae', 'ea-esat'] as const;
export type Reservation = (typeof RESERVATIONS)[number];

export const CALIBRATION_METHODS = ['standard', 'proprete', 'anru'] as const;
export type CalibrationMethod = (typeof CALIBRATION_METHODS)[number];

export const DEROGATION_GROUNDS = ['absence-lien', 'concurrence-execution', 'autre'] as const;

export interface LotCalibrationAnswers {
  method: CalibrationMethod;
  /** Coût horaire moyen chargé (€), méthodes usuelle et ANRU. */
  hourlyCost: string;
  /** Taux d'insertion (%), méthodes usuelle et propreté. */
  rate: string;
  /** Durée du lot en mois (propreté) ; vide : la durée du marché. */
  months: string;
  /** Heures mensuelles du personnel transférable (propreté). */
  transferableHours: string;
  /** Gestion urbaine de proximité (ANRU : 10 % au lieu de 5 %). */
  gup: boolean;
  /** Volume fixé à la main, à la place du calcul. */
  override: boolean;
  overrideHours: string;
  overrideReason: string;
  /**
   * Motif du maintien de la clause quand la note de calibrage la déconseille sur ce lot (moins de 150 heures avec
   * la formule de la branche propreté) ; demandé seulement dans ce cas (`keepReasonAdvice`).
   */
  keepReason: string;
}

export interface LotAnswers {
  /** Identifiant stable du lot dans le brouillon (clé d'affichage), jamais montré. */
  key: string;
  /** Numéro du lot dans le dossier (« 1 », « 2 bis »). */
  number: string;
  name: string;
  amount: string;
  labourShare: string;
  reservation: Reservation;
  calibration: LotCalibrationAnswers;
}

export interface SubCriterionAnswers {
  key: string;
  title: string;
  weight: string;
  expected: string;
}

export interface Answers {
  version: typeof ANSWERS_VERSION;
  contract: {
    /** Marché public ou contrat de concession (version 4). */
    contractType: ContractType;
    /** Services sociaux et autres services spécifiques : seuil propre (version 4). */
    socialServices: boolean;
    /** Accord-cadre à bons de commande (version 4) ; le montant est alors son maximum, ou son total estimé sans maximum. */
    framework: (typeof FRAMEWORK_KINDS)[number];
    /** Le montant vaut pour toute la durée ou pour une année (accord-cadre). */
    frameworkPeriod: (typeof FRAMEWORK_PERIODS)[number];
    /** Objet du marché, tel qu'il suit « Le marché a pour objet » (« la construction du groupe scolaire… »). */
    subject: string;
    /** Le marché est divisé en lots (sinon : un seul « lot », qui est le marché entier). */
    allotted: boolean;
    buyerName: string;
    reference: string;
    kind: ContractKind | '';
    buyer: BuyerType | '';
    defence: boolean;
    amount: string;
    durationMonths: string;
    /** Date d'engagement de la consultation (AAAA-MM-JJ). */
    launchDate: string;
  };
  lots: LotAnswers[];
  levers: {
    /** Condition d'exécution : clause d'heures d'insertion au CCAP. */
    condition: boolean;
    /** Critère d'attribution relatif à l'insertion. */
    criterion: boolean;
    /** Un ou plusieurs lots réservés (SIAE, EA-ESAT). */
    reservation: boolean;
    /** Marché d'insertion et de qualification professionnelle (achat d'une autre nature). */
    insertion: boolean;
    /**
     * Condition d'exécution liée à l'emploi, sans volume d'heures : alternance ou part du montant confiée à des
     * structures inclusives, au choix du titulaire (version 5 ; fiche C8).
     */
    employment: boolean;
  };
  execution: {
    articleNumber: string;
    perimeter: string;
    publics: string[];
    anru: boolean;
    modalities: string[];
    counting: string[];
    longContractMonths: string;
    conversionShare: string;
    conversionCost: string;
    correspondentDays: string;
    reporting: string;
    pooling: boolean;
    penaltyPerHour: string;
    penaltyCap: string;
    observationDays: string;
    /** Demander la fiche d'engagement avec l'offre. */
    commitmentForm: boolean;
  };
  /** Réponses de la condition liée à l'emploi (rédaction « ccap-condition-emploi », version 5). */
  employment: EmploymentAnswers;
  facilitator: FacilitatorProfile;
  criterion: {
    number: string;
    weight: string;
    support: string;
    subCriteria: SubCriterionAnswers[];
    maxPages: string;
  };
  derogation: {
    ground: (typeof DEROGATION_GROUNDS)[number] | '';
    groundDetail: string;
    justification: string;
    examined: string[];
    otherMeasures: string;
    signatory: string;
    place: string;
    date: string;
  };
}

export interface EmploymentAnswers {
  /** Numéro de l'article du CCAP (facultatif). */
  articleNumber: string;
  /** Modalités ouvertes au titulaire : « alternance », « achat-inclusif ». */
  modalities: string[];
  /** Nombre minimal de contrats en alternance. */
  contracts: string;
  /** Durée minimale de chaque contrat (mois). */
  contractMonths: string;
  /** Fonctions du marché sur lesquelles portent les contrats. */
  functions: string;
  /** Part minimale du montant HT exécuté confiée à des structures inclusives (%). */
  inclusiveShare: string;
  /** Prestations qui se prêtent à cet achat (facultatif). */
  inclusiveServices: string;
  /** Délai de remise des justificatifs après la fin du marché (jours). */
  proofDays: string;
  /** Pénalité forfaitaire (€). */
  penalty: string;
}

export interface FacilitatorProfile {
  structure: string;
  name: string;
  email: string;
  phone: string;
}

/** Ce que l'assistant reçoit des rédactions types : des données, sans le chargeur YAML ni Zod. */
export type WizardDraft = Pick<Draft, 'id' | 'title' | 'fiche' | 'references' | 'variables' | 'nodes' | 'articleNumber' | 'numberArticles'>;

export interface WizardCatalog {
  drafts: Record<string, WizardDraft>;
  /** Libellés des références juridiques (« ccp-l2112-2 » → « CCP, art. L2112-2 »), pour le pied de page Word. */
  referenceLabels: Record<string, string>;
  /** Sous-critères proposés (ceux de l'exemple de la rédaction « rc-critere-insertion »). */
  suggestedSubCriteria: { title: string; weight: number; expected: string }[];
  /** Textes d'explication de l'assistant (texts.ts). */
  texts: WizardTexts;
}

/** Une variable d'une rédaction type du catalogue (lève une erreur claire si le modèle a changé). */
export function variableOf(catalog: WizardCatalog, draftId: string, name: string): Variable {
  const v = catalog.drafts[draftId]?.variables.find((x) => x.name === name);
  if (!v) throw new Error(`Rédaction type « ${draftId} » : variable « ${name} » introuvable (le modèle a-t-il changé ?).`);
  return v;
}

/** Les options d'une variable à choix d'une rédaction type. */
export function optionsOf(catalog: WizardCatalog, draftId: string, name: string): ChoiceOption[] {
  const v = variableOf(catalog, draftId, name);
  return v.type === 'choice' || v.type === 'multichoice' ? v.options : [];
}

function defaultOf(catalog: WizardCatalog | null, draftId: string, name: string): unknown {
  if (!catalog) return undefined;
  const v = variableOf(catalog, draftId, name);
  return 'default' in v ? v.default : undefined;
}
const defaultList = (c: WizardCatalog | null, id: string, name: string, fallback: string[] = []) => {
  const d = defaultOf(c, id, name);
  return Array.isArray(d) ? d.map(String) : [...fallback];
};
const defaultText = (c: WizardCatalog | null, id: string, name: string, fallback: string) => {
  const d = defaultOf(c, id, name);
  return d === undefined ? fallback : String(d);
};

/** Suggestions de calibrage : l'exemple de la fiche C3 (30 € de l'heure, 5 %). Visibles et modifiables. */
export const CALIBRATION_SUGGESTIONS = { hourlyCost: '30', rate: '5', labourShare: '50', transferableHours: '0' } as const;

export function newCalibration(): LotCalibrationAnswers {
  return {
    method: 'standard',
    hourlyCost: CALIBRATION_SUGGESTIONS.hourlyCost,
    rate: CALIBRATION_SUGGESTIONS.rate,
    months: '',
    transferableHours: CALIBRATION_SUGGESTIONS.transferableHours,
    gup: false,
    override: false,
    overrideHours: '',
    overrideReason: '',
    keepReason: '',
  };
}

export function newLot(index: number, key = `l${index + 1}`): LotAnswers {
  return {
    key,
    number: String(index + 1),
    name: '',
    amount: '',
    labourShare: CALIBRATION_SUGGESTIONS.labourShare,
    reservation: 'aucune',
    calibration: newCalibration(),
  };
}

/**
 * Les réponses neuves de la condition liée à l'emploi : les valeurs par défaut de la rédaction type ; sans catalogue
 * (migration d'un brouillon de version 4), les mêmes valeurs, écrites ici (un test vérifie qu'elles concordent).
 */
export function newEmployment(catalog: WizardCatalog | null): EmploymentAnswers {
  const id = 'ccap-condition-emploi';
  return {
    articleNumber: '',
    modalities: defaultList(catalog, id, 'modalites', ['alternance', 'achat-inclusif']),
    contracts: defaultText(catalog, id, 'nombre_contrats', '1'),
    contractMonths: defaultText(catalog, id, 'duree_contrat_mois', '12'),
    functions: '',
    inclusiveShare: defaultText(catalog, id, 'part_inclusive', '5'),
    inclusiveServices: '',
    proofDays: defaultText(catalog, id, 'delai_justificatifs', '30'),
    penalty: '',
  };
}

export const emptyFacilitator = (): FacilitatorProfile => ({ structure: '', name: '', email: '', phone: '' });

/** Date du jour au format AAAA-MM-JJ (heure locale). */
export function isoDay(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

export interface NewAnswersOptions {
  /** Profil du facilitateur mémorisé, repris dans un nouveau brouillon. */
  profile?: FacilitatorProfile | null;
  today?: Date;
}

/**
 * Un brouillon neuf : un lot, la condition d'exécution cochée, les valeurs usuelles des rédactions types
 * (sans catalogue, `null` : la même forme, sans ces valeurs).
 */
export function newAnswers(catalog: WizardCatalog | null, options: NewAnswersOptions = {}): Answers {
  const ccap = 'ccap-condition-execution';
  return {
    version: ANSWERS_VERSION,
    contract: { contractType: 'marche', socialServices: false, framework: 'non', frameworkPeriod: 'duree', subject: '', allotted: true, buyerName: '', reference: '', kind: '', buyer: '', defence: false, amount: '', durationMonths: '', launchDate: '' },
    lots: [newLot(0)],
    levers: { condition: true, criterion: false, reservation: false, insertion: false, employment: false },
    execution: {
      articleNumber: '',
      perimeter: '',
      publics: defaultList(catalog, ccap, 'publics'),
      anru: false,
      modalities: defaultList(catalog, ccap, 'modalites'),
      counting: defaultList(catalog, ccap, 'decompte'),
      longContractMonths: '12',
      conversionShare: '50',
      conversionCost: '30',
      correspondentDays: defaultText(catalog, ccap, 'delai_correspondant', '15'),
      reporting: defaultText(catalog, ccap, 'frequence_suivi', 'mensuelle'),
      pooling: defaultText(catalog, ccap, 'globalisation', 'oui') === 'oui',
      penaltyPerHour: '',
      penaltyCap: '',
      observationDays: defaultText(catalog, ccap, 'delai_observations', '15'),
      commitmentForm: defaultText(catalog, 'avis-rc-clause', 'fiche_engagement', 'oui') === 'oui',
    },
    employment: newEmployment(catalog),
    facilitator: options.profile ? { ...emptyFacilitator(), ...options.profile } : emptyFacilitator(),
    criterion: {
      number: '',
      weight: '10',
      support: '',
      subCriteria: (catalog?.suggestedSubCriteria ?? []).map((s, i) => ({ key: `c${i + 1}`, title: s.title, weight: String(s.weight), expected: s.expected })),
      maxPages: '4',
    },
    derogation: {
      ground: '',
      groundDetail: '',
      justification: '',
      examined: [],
      otherMeasures: '',
      signatory: '',
      place: '',
      date: isoDay(options.today ?? new Date()),
    },
  };
}

type Path = string;

/** Copie des réponses avec la valeur changée au chemin donné (« lots.1.calibration.rate »). */
export function setPath<T>(root: T, path: Path, value: unknown): T {
  const [head, ...rest] = path.split('.');
  if (head === undefined || head === '') return value as T;
  if (Array.isArray(root)) {
    const index = Number(head);
    if (!Number.isInteger(index) || index < 0 || index >= root.length) return root;
    const copy = root.slice();
    copy[index] = rest.length ? setPath(copy[index], rest.join('.'), value) : value;
    return copy as T;
  }
  if (typeof root !== 'object' || root === null) return root;
  const record = root as Record<string, unknown>;
  return { ...record, [head]: rest.length ? setPath(record[head], rest.join('.'), value) : value } as T;
}

/** La valeur au chemin donné, ou `undefined`. */
export function getPath(root: unknown, path: Path): unknown {
  let node: unknown = root;
  for (const part of path.split('.')) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}

const nextKey = (prefix: string, keys: string[]) =>
  `${prefix}${Math.max(0, ...keys.map((k) => Number(k.slice(prefix.length)) || 0)) + 1}`;

export const MAX_LOTS = 50;
export const MAX_SUB_CRITERIA = 20;

export function addLot(answers: Answers): Answers {
  if (answers.lots.length >= MAX_LOTS) return answers;
  const lot = newLot(answers.lots.length, nextKey('l', answers.lots.map((l) => l.key)));
  // Le nouveau lot reprend la méthode et les paramètres du lot précédent : souvent les mêmes d'un lot à l'autre.
  const previous = answers.lots[answers.lots.length - 1];
  if (previous) {
    lot.calibration = { ...previous.calibration, override: false, overrideHours: '', overrideReason: '', keepReason: '' };
    lot.labourShare = previous.labourShare;
  }
  return { ...answers, lots: [...answers.lots, lot] };
}

export function removeLot(answers: Answers, key: string): Answers {
  if (answers.lots.length <= 1) return answers;
  return { ...answers, lots: answers.lots.filter((l) => l.key !== key) };
}

export function addSubCriterion(answers: Answers): Answers {
  const list = answers.criterion.subCriteria;
  if (list.length >= MAX_SUB_CRITERIA) return answers;
  const item: SubCriterionAnswers = { key: nextKey('c', list.map((s) => s.key)), title: '', weight: '', expected: '' };
  return { ...answers, criterion: { ...answers.criterion, subCriteria: [...list, item] } };
}

export function removeSubCriterion(answers: Answers, key: string): Answers {
  const list = answers.criterion.subCriteria;
  if (list.length <= 1) return answers;
  return { ...answers, criterion: { ...answers.criterion, subCriteria: list.filter((s) => s.key !== key) } };
}

/** Copie profonde où chaque texte est passé par `clean` ; garde l'objet d'origine quand rien ne change. */
function mapStrings<T>(node: T, clean: (s: string) => string): T {
  if (typeof node === 'string') return clean(node) as T;
  if (Array.isArray(node)) {
    const copy = node.map((item) => mapStrings(item, clean));
    return (copy.some((item, i) => item !== node[i]) ? copy : node) as T;
  }
  if (typeof node === 'object' && node !== null) {
    const entries = Object.entries(node).map(([k, v]) => [k, mapStrings(v, clean)] as const);
    return (entries.some(([k, v]) => v !== (node as Record<string, unknown>)[k]) ? Object.fromEntries(entries) : node) as T;
  }
  return node;
}

/**
 * Les réponses sans caractère de contrôle ni commande de sens d'écriture (U+202E retournerait « centrale » en
 * « elartnec » dans l'aperçu comme dans le fichier Word) : appelé à chaque saisie et à la relecture d'un
 * brouillon ou d'un fichier importé, pour que les réponses gardées soient déjà propres.
 */
export const sanitizeAnswers = <T extends Answers>(answers: T): T => mapStrings(answers, cleanText);

/** Identifiant HTML d'un champ à partir de son chemin : « lots.0.amount » → « wz-lots-0-amount ». */
export const fieldId = (path: string) => `wz-${path.replace(/\./g, '-')}`;
