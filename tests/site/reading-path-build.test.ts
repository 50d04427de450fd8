/**
 * Un parcours « Vous êtes… » qui cite une fiche inexistante fait échouer `astro build`
 * avec un message en français qui nomme la page, l'étape et le code (copie du projet, vraie construction).
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { copyProject, type ProjectCopy } from '../support/project-copy';

let project: ProjectCopy;
beforeAll(() => { project = copyProject('parcours'); });
afterAll(() => project.remove());

test('a reading path citing an unknown fiche fails the build, naming the page, the step and the code', () => {
  const page = project.path('src/content/docs/publics/acheteur.mdx');
  writeFileSync(page, readFileSync(page, 'utf8').replace("code: 'C3',", "code: 'C9',"));
  const { status, output } = project.build();
  expect(status).not.toBe(0);
  expect(output).toMatch(/Parcours de lecture \(\/publics\/acheteur\/\), étape 3 : la fiche « C9 » n’existe pas/);
});
