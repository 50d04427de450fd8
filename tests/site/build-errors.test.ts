/**
 * La construction refuse un contenu invalide : dans une copie du projet, on casse une fiche ou une rédaction type et
 * on vérifie que `astro build` échoue au format d'erreur commun (fichier:ligne, champ, attendu, trouvé).
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { copyProject, type ProjectCopy } from '../support/project-copy';

let project: ProjectCopy;
beforeAll(() => { project = copyProject('build'); });
afterAll(() => project.remove());

/** Construit avec le fichier modifié (la fiche E2 par défaut), puis le remet en état. */
function buildWithFiche(change: (source: string) => string, path = 'src/content/docs/fiches/e2.mdx') {
  const file = project.path(path);
  const original = readFileSync(file, 'utf8');
  writeFileSync(file, change(original));
  try {
    return project.build();
  } finally {
    writeFileSync(file, original);
  }
}

describe('build-time content validation', () => {
  test('a fiche citing an unknown legal reference fails the build, naming the file and the field', () => {
    const { status, output } = buildWithFiche((s) => s.replace(/^references: \[/m, 'references: [article-imaginaire, '));
    expect(status).not.toBe(0);
    expect(output).toMatch(/src\/content\/docs\/fiches\/e2\.mdx:\d+, champ « references\.0 » : Référence juridique inconnue : « article-imaginaire »/);
  });

  test('a fiche with a missing required field fails the build, naming the field', () => {
    const { status, output } = buildWithFiche((s) => s.replace(/^updated: .*\n/m, ''));
    expect(status).not.toBe(0);
    expect(output).toMatch(/src\/content\/docs\/fiches\/e2\.mdx:\d+, champ « updated » : Champ obligatoire pour une fiche : « updated »/);
  });

  test('a model draft with a malformed field fails the build, naming the file, its line, the field, expected and found', () => {
    const { status, output } = buildWithFiche((s) => s.replace(/^fiche: .*$/m, 'fiche: Z9'), 'content/redactions/bilan-execution.yaml');
    expect(status).not.toBe(0);
    expect(output).toMatch(/content\/redactions\/bilan-execution\.yaml:\d+, champ « fiche » : attendu un code de fiche \(ex\. « C4 »\), trouvé « Z9 »/);
  });

  test('a change entry citing an unknown fiche fails the build, naming the file, the entry and the field', () => {
    const file = project.path('content/changes.yaml');
    const original = readFileSync(file, 'utf8');
    writeFileSync(file, original.replace('fiches: [C5]', 'fiches: [C5, Z9]'));
    try {
      const { status, output } = project.build();
      expect(status).not.toBe(0);
      expect(output).toMatch(/content\/changes\.yaml:\d+, champ « critere-environnemental-l2152-7\.fiches\.1 » : Fiche inconnue : « Z9 »/);
    } finally {
      writeFileSync(file, original);
    }
  });
});
