// ESLint flat config: typescript-eslint's recommended and stylistic rules for every TypeScript file,
// prettier owns the layout (eslint-config-prettier switches off the rules that would fight it).
// `npm run lint` runs this and `prettier --check`; `npm run format` rewrites with both.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['lib/', 'coverage/', 'build/', '.bench/', 'node_modules'] },
  { linterOptions: { reportUnusedDisableDirectives: 'error' } },
  js.configs.recommended,
  tseslint.configs.recommended,
  tseslint.configs.stylistic,
  {
    files: ['**/*.ts'],
    languageOptions: { globals: globals.node },
    rules: {
      // The code writes string[] for simple element types and Array<...> for the rest.
      '@typescript-eslint/array-type': ['error', { default: 'array-simple' }],
      // Both forms are used on purpose: a type alias (unlike an interface) is assignable to
      // Record<string, unknown>, which authData, inputData and sample objects need.
      '@typescript-eslint/consistent-type-definitions': 'off',
      // Recursive JSON and XML value types need an index signature: Record<string, Json> inside Json's own
      // definition is a circular reference to TypeScript (the rule's fix would break the build).
      '@typescript-eslint/consistent-indexed-object-style': 'off',
      // A leading underscore marks a value left out on purpose (e.g. picked off before a rest spread).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
    },
  },
  {
    // XML 1.0's Char and NameChar productions name control characters and combining marks by range;
    // these files match them character by character on purpose.
    files: ['src/measoft/xml-reader.ts', 'src/measoft/xml-writer.ts', 'test/reliability/hostile-input.test.ts'],
    rules: { 'no-control-regex': 'off', 'no-misleading-character-class': 'off' },
  },
  {
    // The PHP-in-WebAssembly runner of the tests is an ES module run by Node on its own.
    files: ['**/*.mjs'],
    languageOptions: { sourceType: 'module', globals: globals.node },
  },
  {
    // index.js and jest.config.js are CommonJS, loaded by Zapier's CLI and jest as they are.
    files: ['**/*.js'],
    languageOptions: { sourceType: 'commonjs', globals: globals.node },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  prettier,
);
