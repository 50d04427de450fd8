/**
 * Enregistrement des brouillons de l'assistant dans le navigateur, export et import en fichier.
 *
 * Forme enregistrée (localStorage, clé `recueil-assistant:brouillon`) et forme des fichiers exportés :
 *   { "format": "recueil-assistant", "version": 5, "savedAt": "2026-11-22T14:32:00.000Z",
 *     "step": "calibrage", "answers": { …réponses, voir model.ts… } }
 * Cycle de vie : écrit à chaque changement de réponse (après la première saisie), relu à l'ouverture de la
 * page. Quand il est remplacé (import, calcul de la fiche C3, nouveau brouillon), l'ancien est copié sous la clé
 * `recueil-assistant:remplace`, pour « Annuler » et le téléchargement. Le profil du facilitateur est gardé à part
 * (clé `recueil-assistant:facilitateur`, `{ "version": 1, "facilitator": {…} }`) pour préremplir le brouillon suivant.
 *
 * Relecture : le texte est analysé, puis chaque champ est vérifié (type, valeurs permises, longueurs) ; un écart
 * est signalé par le libellé français du champ et son lot (« Montant estimé, lot 2 : nombre attendu »), jamais par
 * un chemin interne. Les réponses relues passent par `sanitizeAnswers` (caractères de contrôle et commandes de sens
 * d'écriture retirés), comme chaque saisie.
 * - tous les champs de réponse sont des textes (voir model.ts) ; un nombre JSON y est accepté et converti en texte
 *   sans perte, pour les montants comme pour les autres champs (« "amount": 216000 » → « 216000 », « 12.5 » →
 *   « 12,5 ») : un fichier écrit à la main ou par un autre outil n'est pas refusé pour si peu. Trois décimales
 *   reçoivent un zéro de plus (216.125 → « 216,1250 ») pour ne pas devenir une saisie ambiguë (« 216,125 ») ;
 * - version 1 (premier format : un seul coût horaire et un seul taux pour tous les lots, pas de réservation par lot)
 *   est convertie en version 2 ; l'original est gardé pour que l'utilisateur puisse le télécharger ;
 * - version 2 (sans `contract.allotted` ni `calibration.keepReason`) est convertie en version 3 : marché alloti,
 *   motif de maintien vide ;
 * - version 3 (sans `contract.contractType`, `socialServices`, `framework`, `frameworkPeriod`) est convertie en
 *   version 4 : un marché, hors services sociaux, qui n'est pas un accord-cadre (le verdict ne change pas) ;
 * - version 4 (sans le levier `levers.employment` ni le groupe `employment`) est convertie en version 5 : levier non
 *   retenu, réponses de la condition liée à l'emploi à leurs valeurs par défaut (les pièces ne changent pas) ;
 * - un lien de partage (share-link.ts) arrive ici comme un fichier importé : les groupes qu'il ne porte pas viennent
 *   d'un brouillon neuf de la version actuelle, posés avant la migration ; une migration complète donc un groupe
 *   (`{ valeurs par défaut, ...ancien }`) sans écraser ce qui a déjà la forme actuelle ;
 * - un brouillon illisible, abîmé ou d'une version inconnue n'est jamais chargé à moitié : la page le dit,
 *   en garde une copie téléchargeable (clé `recueil-assistant:copie`) et repart d'un brouillon neuf.
 * Aucune de ces fonctions ne lève d'exception.
 */
import {
  ANSWERS_VERSION,
  BUYER_TYPES,
  CALIBRATION_METHODS,
  CONTRACT_KINDS,
  CONTRACT_TYPES,
  DEROGATION_GROUNDS,
  FRAMEWORK_KINDS,
  FRAMEWORK_PERIODS,
  MAX_LOTS,
  MAX_SUB_CRITERIA,
  RESERVATIONS,
  newAnswers,
  newCalibration,
  newEmployment,
  sanitizeAnswers,
  type Answers,
  type FacilitatorProfile,
} from './model';
import { isStepId, type StepId } from './steps';
import { cleanText } from '../redactions/core/text';

export const FORMAT = 'recueil-assistant';
export const DRAFT_KEY = 'recueil-assistant:brouillon';
export const BACKUP_KEY = 'recueil-assistant:copie';
export const PROFILE_KEY = 'recueil-assistant:facilitateur';
/** Le brouillon remplacé par un import, un calcul de la fiche C3 ou un nouveau brouillon (même forme que DRAFT_KEY). */
export const REPLACED_KEY = 'recueil-assistant:remplace';
/** Au-delà, un brouillon est tenu pour abîmé (un brouillon réel pèse quelques dizaines de kilo-octets). */
const MAX_PAYLOAD = 2_000_000;
const MAX_TEXT = 20_000;

export type ReadResult =
  | { status: 'empty' }
  | { status: 'ok'; answers: Answers; step: StepId | null; savedAt: string | null }
  | { status: 'migrated'; answers: Answers; step: StepId | null; savedAt: string | null; fromVersion: number; message: string; original: string }
  | { status: 'invalid'; message: string; original: string };

// --- Vérification de forme, sans bibliothèque -----------------------------------------------------

/** Valeurs permises des champs à choix (le reste se vérifie par comparaison avec un brouillon neuf). */
const ENUMS: Record<string, readonly string[]> = {
  'contract.kind': ['', ...CONTRACT_KINDS],
  'contract.buyer': ['', ...BUYER_TYPES],
  'contract.contractType': CONTRACT_TYPES,
  'contract.framework': FRAMEWORK_KINDS,
  'contract.frameworkPeriod': FRAMEWORK_PERIODS,
  'lots.reservation': RESERVATIONS,
  'lots.calibration.method': CALIBRATION_METHODS,
  'derogation.ground': ['', ...DEROGATION_GROUNDS],
};
const LIST_MAX: Record<string, number> = { lots: MAX_LOTS, 'criterion.subCriteria': MAX_SUB_CRITERIA };

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/** Libellés français des champs, pour les messages de relecture (clé : chemin sans numéro de ligne). */
const FIELD_LABELS: Record<string, string> = {
  contract: 'Le marché',
  'contract.subject': 'Objet du marché',
  'contract.buyerName': 'Nom de l’acheteur',
  'contract.reference': 'Référence du marché',
  'contract.kind': 'Type de marché',
  'contract.buyer': 'Type d’acheteur',
  'contract.defence': 'Marché de défense ou de sécurité',
  'contract.contractType': 'Marché public ou concession',
  'contract.socialServices': 'Services sociaux et autres services spécifiques',
  'contract.framework': 'Accord-cadre à bons de commande',
  'contract.frameworkPeriod': 'Période du montant de l’accord-cadre',
  'contract.amount': 'Montant estimé du marché',
  'contract.durationMonths': 'Durée du marché',
  'contract.launchDate': 'Date de lancement de la consultation',
  lots: 'Lots',
  'lots.key': 'Identifiant du lot',
  'lots.number': 'Numéro du lot',
  'lots.name': 'Intitulé du lot',
  'lots.amount': 'Montant estimé du lot',
  'lots.labourShare': 'Part de main-d’œuvre',
  'lots.reservation': 'Réservation du lot',
  'lots.calibration': 'Calcul des heures',
  'lots.calibration.method': 'Méthode de calcul des heures',
  'lots.calibration.hourlyCost': 'Coût horaire',
  'lots.calibration.rate': 'Taux d’insertion',
  'lots.calibration.months': 'Durée du lot',
  'lots.calibration.transferableHours': 'Heures mensuelles du personnel transférable',
  'lots.calibration.gup': 'Gestion urbaine de proximité',
  'lots.calibration.override': 'Volume d’heures fixé à la main',
  'lots.calibration.overrideHours': 'Volume d’heures fixé',
  'lots.calibration.overrideReason': 'Motif du volume fixé',
  levers: 'Leviers retenus',
  'levers.condition': 'Condition d’exécution',
  'levers.criterion': 'Critère d’attribution',
  'levers.reservation': 'Lots réservés',
  'levers.insertion': 'Marché d’insertion',
  'levers.employment': 'Condition liée à l’emploi',
  employment: 'Condition liée à l’emploi',
  'employment.articleNumber': 'Numéro de l’article du CCAP (condition liée à l’emploi)',
  'employment.modalities': 'Modalités de la condition liée à l’emploi',
  'employment.contracts': 'Nombre minimal de contrats en alternance',
  'employment.contractMonths': 'Durée minimale de chaque contrat en alternance',
  'employment.functions': 'Fonctions du marché confiées aux alternants',
  'employment.inclusiveShare': 'Part minimale confiée à des structures inclusives',
  'employment.inclusiveServices': 'Prestations confiées à des structures inclusives',
  'employment.proofDays': 'Délai de remise des justificatifs',
  'employment.penalty': 'Pénalité forfaitaire (condition liée à l’emploi)',
  execution: 'Conditions d’exécution',
  'execution.articleNumber': 'Numéro de l’article du CCAP',
  'execution.perimeter': 'Périmètre de la clause',
  'execution.publics': 'Publics éligibles',
  'execution.anru': 'Opération ANRU',
  'execution.modalities': 'Modalités ouvertes',
  'execution.counting': 'Conventions de décompte',
  'execution.longContractMonths': 'Durée de décompte d’un contrat long',
  'execution.conversionShare': 'Part de main-d’œuvre retenue pour la conversion',
  'execution.conversionCost': 'Coût horaire retenu pour la conversion',
  'execution.correspondentDays': 'Délai de désignation du correspondant',
  'execution.reporting': 'Périodicité des états de suivi',
  'execution.pooling': 'Globalisation des heures',
  'execution.penaltyPerHour': 'Pénalité par heure non réalisée',
  'execution.penaltyCap': 'Plafond des pénalités',
  'execution.observationDays': 'Délai laissé pour les observations',
  'execution.commitmentForm': 'Fiche d’engagement',
  facilitator: 'Facilitateur',
  'facilitator.structure': 'Structure du facilitateur',
  'facilitator.name': 'Nom du facilitateur',
  'facilitator.email': 'Courriel du facilitateur',
  'facilitator.phone': 'Téléphone du facilitateur',
  criterion: 'Critère d’attribution',
  'criterion.number': 'Numéro du critère',
  'criterion.weight': 'Pondération du critère',
  'criterion.support': 'Prestations support du critère',
  'criterion.subCriteria': 'Sous-critères',
  'criterion.subCriteria.key': 'Identifiant du sous-critère',
  'criterion.subCriteria.title': 'Intitulé du sous-critère',
  'criterion.subCriteria.weight': 'Part du sous-critère',
  'criterion.subCriteria.expected': 'Attendu du sous-critère',
  'criterion.maxPages': 'Nombre maximal de pages',
  derogation: 'Note motivant l’exception',
  'derogation.ground': 'Motif de dérogation',
  'derogation.groundDetail': 'Disposition invoquée',
  'derogation.justification': 'Faits qui fondent le motif',
  'derogation.examined': 'Leviers examinés',
  'derogation.otherMeasures': 'Autres mesures',
  'derogation.signatory': 'Signataire de la note',
  'derogation.place': 'Lieu de la note',
  'derogation.date': 'Date de la note',
};

/** Champs-textes qui portent un nombre : « nombre attendu » plutôt que « texte attendu ». */
const NUMERIC_FIELDS = new Set([
  'contract.amount',
  'contract.durationMonths',
  'lots.amount',
  'lots.labourShare',
  'lots.calibration.hourlyCost',
  'lots.calibration.rate',
  'lots.calibration.months',
  'lots.calibration.transferableHours',
  'lots.calibration.overrideHours',
  'execution.longContractMonths',
  'execution.conversionShare',
  'execution.conversionCost',
  'execution.correspondentDays',
  'execution.penaltyPerHour',
  'execution.penaltyCap',
  'execution.observationDays',
  'employment.contracts',
  'employment.contractMonths',
  'employment.inclusiveShare',
  'employment.proofDays',
  'employment.penalty',
  'criterion.weight',
  'criterion.subCriteria.weight',
  'criterion.maxPages',
]);

/** « Montant estimé du lot, lot 2 », « Part du sous-critère, sous-critère 1 » : le libellé et la ligne. */
function fieldName(path: string): string {
  if (!path) return 'Les réponses';
  const key = path.replace(/\.\d+/g, '');
  const lines = [...path.matchAll(/(lots|subCriteria)\.(\d+)/g)].map(([, list, i]) => `${list === 'lots' ? 'lot' : 'sous-critère'} ${Number(i) + 1}`);
  return [FIELD_LABELS[key] ?? key, ...lines].join(', ');
}

/** Un nombre JSON devenu saisie : exact, virgule décimale, jamais ambigu (trois décimales → quatre). */
function numberAsText(n: number): string {
  const text = String(n).replace('.', ',');
  return /,\d{3}$/.test(text) ? `${text}0` : text;
}

/**
 * Compare une valeur à son modèle (un brouillon neuf) : mêmes champs, mêmes types, listes d'objets de la même
 * forme que leur premier élément modèle. Renvoie la valeur réduite aux champs connus, ou ajoute les écarts à `errors`.
 */
function conform(value: unknown, model: unknown, path: string, errors: string[]): unknown {
  const at = fieldName(path);
  const key = path.replace(/\.\d+/g, '');
  if (errors.length >= 5) return undefined;
  if (typeof model === 'string') {
    const text = typeof value === 'number' && Number.isFinite(value) ? numberAsText(value) : value;
    if (typeof text !== 'string' || text.length > MAX_TEXT) errors.push(`${at} : ${NUMERIC_FIELDS.has(key) ? 'nombre' : 'texte'} attendu`);
    else if (ENUMS[key] && !ENUMS[key]!.includes(text)) errors.push(`${at} : valeur inconnue (« ${text.slice(0, 40)} »)`);
    return text;
  }
  if (typeof model === 'boolean') {
    if (typeof value !== 'boolean') errors.push(`${at} : oui ou non attendu`);
    return value;
  }
  if (Array.isArray(model)) {
    const item = model[0];
    const max = LIST_MAX[key] ?? 50;
    if (!Array.isArray(value) || value.length > max || (item !== undefined && typeof item === 'object' && value.length === 0)) {
      errors.push(`${at} : liste attendue`);
      return value;
    }
    if (item === undefined || typeof item === 'string') {
      if (value.some((v) => typeof v !== 'string' || v.length > 100)) errors.push(`${at} : liste de choix attendue`);
      return [...value];
    }
    return value.map((v, i) => conform(v, item, `${path}.${i}`, errors));
  }
  if (!isRecord(value)) {
    errors.push(`${at} : groupe de champs attendu`);
    return value;
  }
  const record = model as Record<string, unknown>;
  return Object.fromEntries(Object.keys(record).map((k) => [k, conform(value[k], record[k], path ? `${path}.${k}` : k, errors)]));
}

/** Un brouillon neuf qui sert de modèle de forme (un lot, un sous-critère). */
function shapeModel(): Answers {
  const model = newAnswers(null);
  model.criterion.subCriteria = [{ key: '', title: '', weight: '', expected: '' }];
  return model;
}

/** Vérifie des réponses venues de l'extérieur ; renvoie les réponses nettoyées ou la liste des écarts. */
export function validateAnswers(value: unknown): { ok: true; answers: Answers } | { ok: false; errors: string[] } {
  const errors: string[] = [];
  const { version: _v, ...model } = shapeModel();
  const cleaned = conform(value, model, '', errors) as Omit<Answers, 'version'>;
  if (errors.length) return { ok: false, errors };
  const answers = sanitizeAnswers({ version: ANSWERS_VERSION, ...cleaned } as Answers);
  const keys = answers.lots.map((l) => l.key);
  if (new Set(keys).size !== keys.length) return { ok: false, errors: ['Lots : identifiants de lots en double'] };
  return { ok: true, answers };
}

// --- Migration ------------------------------------------------------------------------------------

/**
 * Version 1 → 2 : en version 1, `calibration` ({ hourlyCost, rate }) valait pour tous les lots, les lots n'avaient
 * ni réservation ni méthode propre, et le levier « marché d'insertion » n'existait pas.
 */
function migrate1to2(v1: Record<string, unknown>): unknown {
  const shared = isRecord(v1.calibration) ? v1.calibration : {};
  const lots = v1.lots;
  return {
    ...v1,
    lots: Array.isArray(lots)
      ? lots.map((lot) =>
          isRecord(lot)
            ? {
                ...lot,
                reservation: 'aucune',
                calibration: {
                  ...newCalibration(),
                  ...(typeof shared.hourlyCost === 'string' ? { hourlyCost: shared.hourlyCost } : {}),
                  ...(typeof shared.rate === 'string' ? { rate: shared.rate } : {}),
                },
              }
            : lot,
        )
      : lots,
    levers: isRecord(v1.levers) ? { reservation: false, insertion: false, ...v1.levers } : v1.levers,
    calibration: undefined,
  };
}

/** Version 2 → 3 : le marché est-il alloti (oui, comme l'assistant le supposait), motif de maintien d'une clause déconseillée. */
function migrate2to3(v2: Record<string, unknown>): unknown {
  const lots = v2.lots;
  return {
    ...v2,
    contract: isRecord(v2.contract) ? { allotted: true, ...v2.contract } : v2.contract,
    lots: Array.isArray(lots)
      ? lots.map((lot) => (isRecord(lot) && isRecord(lot.calibration) ? { ...lot, calibration: { keepReason: '', ...lot.calibration } } : lot))
      : lots,
  };
}

/**
 * Version 3 → 4 : le contrat est un marché (l'assistant ne préparait que des marchés), hors services sociaux,
 * et n'est pas un accord-cadre à bons de commande : le verdict de l'obligation ne change pas.
 */
function migrate3to4(v3: Record<string, unknown>): unknown {
  return {
    ...v3,
    contract: isRecord(v3.contract)
      ? { contractType: 'marche', socialServices: false, framework: 'non', frameworkPeriod: 'duree', ...v3.contract }
      : v3.contract,
  };
}

/**
 * Version 4 → 5 : le levier « condition liée à l'emploi » n'existait pas ; il n'est pas retenu et ses réponses
 * prennent les valeurs par défaut de sa rédaction type : les pièces produites ne changent pas.
 */
function migrate4to5(v4: Record<string, unknown>): unknown {
  return {
    ...v4,
    levers: isRecord(v4.levers) ? { employment: false, ...v4.levers } : v4.levers,
    employment: newEmployment(null),
  };
}

const MIGRATIONS: Record<number, (old: Record<string, unknown>) => unknown> = { 1: migrate1to2, 2: migrate2to3, 3: migrate3to4, 4: migrate4to5 };

// --- Lecture et écriture --------------------------------------------------------------------------

const INVALID_INTRO = 'Le brouillon enregistré n’a pas pu être relu';

/** Relit un brouillon enregistré ou un fichier exporté. Ne lève jamais d'exception. */
export function readDraft(raw: string | null | undefined, what: 'enregistré' | 'importé' | 'lien' = 'enregistré'): ReadResult {
  if (raw === null || raw === undefined || raw === '') return { status: 'empty' };
  const intro = what === 'lien' ? 'Le lien de partage n’a pas pu être lu' : what === 'importé' ? 'Le fichier importé n’a pas pu être relu' : INVALID_INTRO;
  const invalid = (reason: string): ReadResult => ({ status: 'invalid', message: `${intro} : ${reason}`, original: raw });
  if (raw.length > MAX_PAYLOAD) return invalid('il est anormalement volumineux.');
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return invalid('son contenu est abîmé (ce n’est pas un texte au format attendu).');
  }
  if (!isRecord(data) || data.format !== FORMAT) return invalid('ce n’est pas un brouillon de l’assistant de rédaction.');
  const version = data.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) return invalid('sa version n’est pas indiquée.');
  if (version > ANSWERS_VERSION) {
    return invalid(`il a été créé par une version plus récente de l’assistant (format ${version}), que cette page ne sait pas relire.`);
  }
  let answers: unknown = isRecord(data.answers) ? { ...data.answers } : data.answers;
  for (let v = version; v < ANSWERS_VERSION; v++) {
    const step = MIGRATIONS[v];
    if (!step || !isRecord(answers)) return invalid(`son format (${version}) ne peut pas être converti.`);
    answers = step(answers);
  }
  const checked = validateAnswers(answers);
  if (!checked.ok) return invalid(`certaines réponses sont manquantes ou abîmées (${checked.errors.slice(0, 3).join(' ; ')}).`);
  const step = isStepId(data.step) ? data.step : null;
  const savedAt = typeof data.savedAt === 'string' ? data.savedAt : typeof data.exportedAt === 'string' ? data.exportedAt : null;
  if (version < ANSWERS_VERSION) {
    return {
      status: 'migrated',
      answers: checked.answers,
      step,
      savedAt,
      fromVersion: version,
      original: raw,
      message:
        version === 1
          ? `Ce brouillon venait d’une version antérieure de l’assistant : il a été converti au format actuel. Vérifiez le volume d’heures de chaque lot, désormais calculé lot par lot.`
          : version === 2
            ? `Ce brouillon venait d’une version antérieure de l’assistant : il a été converti au format actuel. Vérifiez à l’étape « Le marché » si le marché est divisé en lots.`
            : version === 3
              ? `Ce brouillon venait d’une version antérieure de l’assistant : il a été converti au format actuel. Vérifiez à l’étape « Le marché » s’il s’agit d’un accord-cadre à bons de commande ou de services sociaux et autres services spécifiques.`
              : `Ce brouillon venait d’une version antérieure de l’assistant : il a été converti au format actuel. L’étape « Les leviers » propose désormais une condition d’exécution liée à l’emploi, sans volume d’heures (alternance ou achat inclusif), pour les achats où un volume d’heures convient mal.`,
    };
  }
  return { status: 'ok', answers: checked.answers, step, savedAt };
}

export function serializeDraft(answers: Answers, step: StepId | null, now: Date): string {
  return JSON.stringify({ format: FORMAT, version: ANSWERS_VERSION, savedAt: now.toISOString(), step, answers });
}

/** Le contenu d'un fichier d'export : lisible, relu par `readDraft`. */
export function exportDraft(answers: Answers, now: Date): string {
  return `${JSON.stringify({ format: FORMAT, version: ANSWERS_VERSION, exportedAt: now.toISOString(), step: null, answers }, null, 2)}\n`;
}

// --- Profil du facilitateur -----------------------------------------------------------------------

export function readProfile(raw: string | null | undefined): FacilitatorProfile | null {
  if (!raw) return null;
  try {
    const data: unknown = JSON.parse(raw);
    if (!isRecord(data) || data.version !== 1 || !isRecord(data.facilitator)) return null;
    const f = data.facilitator;
    const fields = ['structure', 'name', 'email', 'phone'] as const;
    if (!fields.every((k) => typeof f[k] === 'string' && (f[k] as string).length <= 300)) return null;
    const profile = Object.fromEntries(fields.map((k) => [k, cleanText(f[k] as string)])) as unknown as FacilitatorProfile;
    return profile.structure.trim() ? profile : null;
  } catch {
    return null;
  }
}

export const serializeProfile = (profile: FacilitatorProfile) => JSON.stringify({ version: 1, facilitator: profile });

// --- Accès au stockage du navigateur --------------------------------------------------------------

export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** Accès protégé : stockage désactivé, plein ou refusé (navigation privée) ne fait jamais échouer la page. */
export function safeStore(get: () => KeyValueStore | null | undefined) {
  const store = () => {
    try {
      return get() ?? null;
    } catch {
      return null;
    }
  };
  return {
    read(key: string): string | null {
      try {
        return store()?.getItem(key) ?? null;
      } catch {
        return null;
      }
    },
    /** `false` si l'écriture a échoué (quota, stockage refusé). */
    write(key: string, value: string): boolean {
      try {
        const s = store();
        if (!s) return false;
        s.setItem(key, value);
        return true;
      } catch {
        return false;
      }
    },
    remove(key: string): void {
      try {
        store()?.removeItem(key);
      } catch {
        /* rien à faire : le stockage est indisponible */
      }
    },
  };
}
export type SafeStore = ReturnType<typeof safeStore>;
