/**
 * La construction refuse un contenu invalide : dans une copie du projet, on casse une fiche et on vérifie
 * que `astro build` échoue en nommant le fichier et le champ.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { copyProject, type ProjectCopy } from '../support/project-copy';

let project: ProjectCopy;
beforeAll(() => { project = copyProject('build'); });
afterAll(() => project.remove());

/** Construit avec la fiche E2 modifiée, puis la remet en état. */
function buildWithFiche(change: (source: string) => string) {
  const file = project.path('src/content/docs/fiches/e2.mdx');
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
    expect(output).toMatch(/fiches\/e2/);
    expect(output).toMatch(/references/);
    expect(output).toMatch(/Référence juridique inconnue : « article-imaginaire »/);
  });

  test('a fiche with a missing required field fails the build, naming the field', () => {
    const { status, output } = buildWithFiche((s) => s.replace(/^updated: .*\n/m, ''));
    expect(status).not.toBe(0);
    expect(output).toMatch(/fiches\/e2/);
    expect(output).toMatch(/Champ obligatoire pour une fiche : « updated »/);
  });

  test('a change entry citing an unknown fiche fails the build, naming the file, the entry and the field', () => {
    const file = project.path('content/changes.yaml');
    const original = readFileSync(file, 'utf8');
    writeFileSync(file, original.replace('fiches: [C5]', 'fiches: [C5, Z9]'));
    try {
      const { status, output } = project.build();
      expect(status).not.toBe(0);
      expect(output).toMatch(/content\/changes\.yaml \(critere-environnemental-l2152-7\) : fiches\.1 : Fiche inconnue : « Z9 »/);
    } finally {
      writeFileSync(file, original);
    }
  });
});
