/**
 * Analyse statique (`npm run lint`, lancée par `npm test`) : ESLint plutôt que Biome, parce qu'il faut des règles
 * qui lisent les types (promesses oubliées, `any` qui fuit, conditions toujours vraies) dans les .ts, les .tsx ET
 * les .astro : typescript-eslint (`strictTypeChecked`, sur le programme TypeScript du tsconfig « strictest ») et
 * eslint-plugin-astro sont l'outillage établi pour cela ; Biome n'a qu'une inférence de types partielle et ne lit
 * des .astro que les scripts (frontmatter, <script>), pas le balisage. Accessibilité du balisage : jsx-a11y
 * (version eslint-plugin-jsx-a11y-x, qui suit ESLint 10) pour les îlots Preact, ses règles reprises par
 * eslint-plugin-astro pour les .astro. Pas de règle de mise en forme : le style n'est pas l'affaire de cet outil.
 * Pas de cache : avec des règles typées, un fichier inchangé change de verdict quand un type qu'il importe change.
 * Chaque règle désactivée ou assouplie porte sa raison sur sa ligne.
 */
import js from '@eslint/js';
import astro from 'eslint-plugin-astro';
import jsxA11y from 'eslint-plugin-jsx-a11y-x';
import { defineConfig, globalIgnores } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig(
  globalIgnores(['dist/', '.astro/', 'test-results/', 'bench-results/', 'public/', 'content/']),
  js.configs.recommended,
  tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // Avec noUncheckedIndexedAccess (tsconfig « strictest »), `tableau[i]!` après un contrôle est l'idiome attendu.
      '@typescript-eslint/no-non-null-assertion': 'off',
      // Les nombres dans les gabarits de texte (« 3 contrats », « 400 heures ») sont voulus ; le reste reste interdit.
      '@typescript-eslint/restrict-template-expressions': [
        'error',
        { allowNumber: true, allowAny: false, allowBoolean: false, allowNullish: false, allowRegExp: false, allowNever: false },
      ],
      // `onClick={() => act(…)}` est l'écriture courante des gestionnaires Preact ; un `return f()` reste signalé.
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true }],
      // Même convention que tsc (noUnusedLocals) : un nom commençant par `_` écarte volontairement une valeur.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
    },
  },
  // Les .mjs (scripts, configuration d'Astro) ne sont pas vérifiés par tsc (pas de checkJs) : tout y est `any`,
  // les règles qui lisent les types n'y diraient que cela ; restent les règles qui n'en ont pas besoin.
  { files: ['**/*.mjs'], extends: [tseslint.configs.disableTypeChecked] },
  { files: ['scripts/**', 'tests/**', '*.config.mjs'], languageOptions: { globals: globals.node } },
  { files: ['**/*.tsx'], extends: [jsxA11y.configs.strict] },
  astro.configs.recommended,
  astro.configs['jsx-a11y-strict'],
  {
    files: ['**/*.astro'],
    // astro-eslint-parser ne connaît pas `projectService` : les .astro passent par le tsconfig directement.
    languageOptions: { parserOptions: { projectService: false, project: './tsconfig.json' } },
  },
  {
    // Les <script> des .astro deviennent des fichiers virtuels hors du programme TypeScript (astro check les vérifie) :
    // sans cette ligne ils ne seraient pas analysés du tout (erreur d'analyse passée sous silence par le plugin).
    files: ['**/*.astro/*.ts', '**/*.astro/*.js'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { parserOptions: { projectService: false, project: null }, globals: globals.browser },
    // Dans le navigateur, stockage ou JSON refusés laissent l'état par défaut : `catch {}` vide y est voulu.
    rules: { 'no-empty': ['error', { allowEmptyCatch: true }] },
  },
);
