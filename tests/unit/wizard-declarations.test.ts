/** Ce que les choix veulent dire pour les données publiées : DECP (considerationsSociales) et avis eForms. */
import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { DECP_SOCIAL_VALUES, declarations as declare } from '../../src/lib/wizard/declarations';
import { setPath } from '../../src/lib/wizard/model';
import { reviewGroups } from '../../src/lib/wizard/summary';
import { catalog, derogationJourney, servicesJourney, worksJourney } from '../support/wizard-fixtures';

const declarations = (a: Parameters<typeof declare>[0]) => declare(a, catalog.texts.declarations);

const referenceIds = new Set((parseYaml(readFileSync('content/references.yaml', 'utf8')) as { id: string }[]).map((r) => r.id));
const decp = (a: Parameters<typeof declarations>[0]) => declarations(a).find((d) => d.field.includes('considerationsSociales'))!.values;

describe('declarations(answers)', () => {
  test('one DECP value per lever, spelt as in the schema', () => {
    expect(decp(worksJourney())).toEqual(['Clause sociale', 'Critère social']);
    expect(decp(servicesJourney())).toEqual(['Clause sociale', 'Marché réservé']);
    expect(decp(derogationJourney())).toEqual(['Pas de considération sociale']);
    for (const a of [worksJourney(), servicesJourney(), derogationJourney()]) for (const v of decp(a)) expect(DECP_SOCIAL_VALUES).toContain(v);
  });

  test('the eForms social fields are named only above the EU thresholds, with what is still to check', () => {
    const above = declarations(worksJourney()).map((d) => d.field).join(' ');
    expect(above).toMatch(/BT-06-Lot[\s\S]*BT-775-Lot/);
    expect(declarations(worksJourney()).at(-1)!.values.join(' ')).toMatch(/à vérifier/);
    const below = setPath(setPath(worksJourney(), 'contract.amount', '1 000 000'), 'lots.0.amount', '1 000 000');
    expect(declarations(below).map((d) => d.field).join(' ')).not.toMatch(/eForms/);
  });

  test('a framework agreement with purchase orders is declared as such; a concession declares nothing here', () => {
    const framework = setPath(worksJourney(), 'contract.framework', 'avec-maximum');
    expect(declarations(framework).find((d) => d.field.includes('techniques'))!.values).toEqual(['Accord-cadre', 'Bons de commande']);
    expect(declarations(setPath(worksJourney(), 'contract.contractType', 'concession'))).toEqual([]);
  });

  test('every source exists in content/references.yaml', () => {
    for (const a of [worksJourney(), servicesJourney(), derogationJourney()]) for (const d of declarations(a)) for (const id of d.sources) expect(referenceIds.has(id), id).toBe(true);
  });

  test('the review repeats the lever notices, so a reserved lot on a mandatory contract is explained there too', () => {
    const leviers = reviewGroups(servicesJourney(), catalog).find((g) => g.step === 'leviers')!;
    expect(leviers.items.map((i) => i.value).join(' ')).toMatch(/garde la clause d’heures[\s\S]*à vérifier/);
  });
});
