/** La table des cas (tests/fixtures/obligation-cases.ts) : verdict de l'obligation et pièces produites, ligne par ligne. */
import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { clauseLots, needsDerogation, obligationOf } from '../../src/lib/wizard/levers';
import { newAnswers, newLot, type Answers } from '../../src/lib/wizard/model';
import { piecesFor } from '../../src/lib/wizard/pieces';
import { visibleSteps } from '../../src/lib/wizard/steps';
import { BASE, OBLIGATION_CASES, type ObligationCase } from '../fixtures/obligation-cases';
import { catalog, TODAY } from '../support/wizard-fixtures';

const referenceIds = new Set((parseYaml(readFileSync('content/references.yaml', 'utf8')) as { id: string }[]).map((r) => r.id));

/** Les réponses d'une ligne : le marché de base, les lots et les leviers de la ligne. */
function answersOf(row: ObligationCase): Answers {
  const a = newAnswers(catalog, { today: TODAY });
  const contract = { ...BASE, ...row.contract };
  const lots = (row.lots ?? [{ amount: contract.amount }]).map((l, i) => ({ ...newLot(i), name: `Lot ${i + 1}`, amount: l.amount, reservation: l.reservation ?? 'aucune' }));
  return { ...a, contract, lots, levers: { ...a.levers, ...row.levers } };
}

describe('the table of cases', () => {
  test('covers every threshold category, both sides of 22 August 2026, defence, reservation, concession, framework agreements', () => {
    const names = OBLIGATION_CASES.map((c) => c.name).join('\n');
    for (const word of ['seuil − 1 €', 'au seuil', '21 août 2026', '22 août 2026', 'défense', 'réservé', 'concession', 'accord-cadre', 'services sociaux']) {
      expect(names).toContain(word);
    }
    expect(OBLIGATION_CASES.length).toBeGreaterThanOrEqual(30);
  });

  test.each(OBLIGATION_CASES)('$name', (row) => {
    const answers = answersOf(row);
    const duty = obligationOf(answers);
    const e = row.expected;
    expect(duty.status).toBe(e.status);
    expect(duty.mandatory).toBe(e.status === 'obligatoire');
    if (e.threshold !== undefined) expect(duty.threshold?.amount).toBe(e.threshold);
    if (e.value !== undefined) expect(duty.value).toBe(e.value);
    for (const pattern of e.details ?? []) expect(duty.details.join('\n')).toMatch(pattern);
    for (const id of e.sources ?? []) expect(duty.sources).toContain(id);
    for (const id of duty.sources) expect(referenceIds.has(id), id).toBe(true);
    if (e.clauseLots) expect(clauseLots(answers).map((l) => l.number)).toEqual(e.clauseLots);
    if (e.pieces) expect(piecesFor(answers).map((p) => p.draftId)).toEqual(e.pieces);
    if (e.derogation !== undefined) expect(needsDerogation(answers)).toBe(e.derogation);
    // Jamais un dossier sans condition d'exécution ni note d'exception sur un marché soumis à l'obligation.
    if (duty.mandatory && answers.contract.contractType === 'marche') {
      const ids = piecesFor(answers).map((p) => p.draftId);
      expect(ids.includes('ccap-condition-execution') || ids.includes('ccap-condition-emploi') || ids.includes('justification-derogation')).toBe(true);
    }
    if (answers.contract.contractType === 'concession') expect(visibleSteps(answers)).toEqual(['contrat']);
  });
});
