// Type-aware linting needs the TypeScript compiler API, so TypeScript is pinned to 5.9 (TypeScript 7 has none).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'var/', 'coverage/', 'dist/'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'off',
      // The core receives its dependencies through ports; a chat library in src/core is a design error.
      'no-restricted-imports': 'off',
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['grammy', '@grammyjs/*', 'discord.js', '@discordjs/*', 'better-sqlite3', 'pino', 'pino-*', 'croner', 'prom-client', 'node:fs', 'fs'],
              message: 'src/core is platform-agnostic: receive this through a port.',
            },
          ],
        },
      ],
      // The time and randomness come through the Clock and RandomSource ports, so tests can fix them.
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'Read the time through the Clock port.' },
        { object: 'Math', property: 'random', message: 'Draw through a RandomSource.' },
      ],
      'no-restricted-syntax': ['error', { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'Read the time through the Clock port.' }],
    },
  },
  { files: ['**/*.js'], extends: [tseslint.configs.disableTypeChecked] },
);
