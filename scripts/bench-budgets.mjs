/**
 * Compare les mesures du banc (bench-results/latest.json) aux budgets (scripts/bench-budgets.json).
 * Un budget est { "max": n }, { "min": n } ou { "equals": v }, placé au même chemin que la mesure.
 * Une mesure absente (page qui n'existe pas encore) est signalée comme un échec, pas ignorée.
 */
export function checkBudgets(results, budgets, path = []) {
  const failures = [];
  for (const [key, budget] of Object.entries(budgets)) {
    if (key.startsWith('$')) continue; // commentaires ($doc, $why)
    const where = [...path, key];
    const actual = where.reduce((v, k) => (v == null ? undefined : v[k]), results);
    const isRule = budget && typeof budget === 'object' && ('max' in budget || 'min' in budget || 'equals' in budget);
    if (!isRule) { failures.push(...checkBudgets(results, budget, where)); continue; }
    const name = where.join(' › ');
    if (actual === undefined) failures.push(`${name} : mesure absente`);
    else if ('max' in budget && !(actual <= budget.max)) failures.push(`${name} : ${actual} > ${budget.max}`);
    else if ('min' in budget && !(actual >= budget.min)) failures.push(`${name} : ${actual} < ${budget.min}`);
    else if ('equals' in budget && actual !== budget.equals) failures.push(`${name} : ${actual} ≠ ${budget.equals}`);
  }
  return failures;
}
