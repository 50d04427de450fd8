/**
 * Passage d'un calcul de la fiche C3 à l'assistant : le calculateur construit un lien vers /assistant/ avec
 * ses paramètres ; l'assistant les relit au démarrage et préremplit un lot. Les valeurs restent des saisies :
 * l'assistant les valide comme les autres.
 */
export interface CalculatorValues {
  amount: string;
  labourShare: string;
  hourlyCost: string;
  rate: string;
}

const PARAMS = { amount: 'montant', labourShare: 'part', hourlyCost: 'cout', rate: 'taux' } as const;
const FROM = 'depuis';

/** L'adresse sans les paramètres du calculateur : une fois lus, ils ne doivent pas resservir au rechargement. */
export function withoutHandoff(url: URL): URL {
  const copy = new URL(url.href);
  for (const name of [FROM, ...Object.values(PARAMS)]) copy.searchParams.delete(name);
  return copy;
}

/** Le lien vers l'assistant (`base` : la base du site, « / » ou « /recueil/ »). */
export function wizardLink(base: string, values: CalculatorValues): string {
  const params = new URLSearchParams({ [FROM]: 'c3' });
  for (const [key, name] of Object.entries(PARAMS)) {
    const v = values[key as keyof CalculatorValues].trim();
    if (v) params.set(name, v.slice(0, 40));
  }
  return `${base.replace(/\/?$/, '/')}assistant/?${params.toString()}`;
}

/** Les valeurs transmises par le calculateur, ou `null` si l'adresse n'en porte pas. */
export function readHandoff(search: string): CalculatorValues | null {
  const params = new URLSearchParams(search);
  if (params.get(FROM) !== 'c3') return null;
  const get = (name: string) => (params.get(name) ?? '').slice(0, 40);
  return { amount: get(PARAMS.amount), labourShare: get(PARAMS.labourShare), hourlyCost: get(PARAMS.hourlyCost), rate: get(PARAMS.rate) };
}

/** Préremplit un brouillon neuf avec le calcul de la fiche C3 (un lot, ses paramètres de calibrage). */
export function applyHandoff<A extends { contract: { amount: string }; lots: { amount: string; labourShare: string; calibration: { hourlyCost: string; rate: string; method: string } }[] }>(
  answers: A,
  values: CalculatorValues,
): A {
  const [first, ...rest] = answers.lots;
  if (!first) return answers;
  const lot = {
    ...first,
    amount: values.amount || first.amount,
    labourShare: values.labourShare || first.labourShare,
    calibration: { ...first.calibration, method: 'standard', hourlyCost: values.hourlyCost || first.calibration.hourlyCost, rate: values.rate || first.calibration.rate },
  };
  return { ...answers, contract: { ...answers.contract, amount: answers.contract.amount || values.amount }, lots: [lot, ...rest] };
}
