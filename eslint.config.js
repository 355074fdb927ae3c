// @ts-check
import js from '@eslint/js'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'
import { builtinModules } from 'node:module'
import layers from './scripts/eslint/layers.mjs'

const nodeModules = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)]

/**
 * Folders say where code runs. These rules make that a checked fact:
 * - the layers are an allow-list (scripts/eslint/layers.mjs): shared/ → nothing;
 *   db/, templates/ → shared/; app/ → shared/, db/, templates/; electron/, cli/ and
 *   server/ → app/ and below; renderer/ → shared/ only;
 * - shared/ is plain TypeScript (no Node, DOM or storage), the renderer reaches no Node
 *   module, and only the Electron host files import `electron`;
 * - db/ reads and writes rows: it raises no AppError (decisions live in app/ and shared/domain).
 * tests/integration/lint-boundaries.test.ts shows each rule refusing a violating import.
 */
export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['{shared,db,templates,app,electron,cli,server,renderer}/**/*.{ts,tsx}'],
    plugins: { stagecraft: layers },
    rules: { 'stagecraft/layers': 'error' }
  },
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
      'no-empty-pattern': 'off'
    }
  },
  {
    files: ['shared/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [...nodeModules, 'electron', 'react', 'react-dom', 'better-sqlite3', 'kysely', 'docx'].map((name) => ({
            name,
            message: 'shared/ is plain TypeScript: no Node, DOM, Electron or storage imports.'
          }))
        }
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'process', 'Buffer', 'require', '__dirname', 'localStorage', 'navigator']
    }
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'react-hooks/set-state-in-effect': 'off',
      'no-restricted-imports': [
        'error',
        {
          paths: [...nodeModules, 'electron', 'better-sqlite3', 'kysely', 'docx'].map((name) => ({
            name,
            message: 'The renderer talks to main only through the IPC client in renderer/api.ts.'
          }))
        }
      ]
    }
  },
  {
    // Query keys come from each feature's key factory (features/*/*.queries.ts, query.ts), so
    // an invalidation can never miss the query it means because of a typo.
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/**/*.queries.ts', 'renderer/query.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "Property[key.name='queryKey'] > ArrayExpression",
          message: "Use the feature's query-key factory (features/<feature>/<feature>.queries.ts), not a literal key."
        },
        {
          selector: 'CallExpression[callee.property.name=/^(setQueryData|getQueryData)$/] > ArrayExpression:first-child',
          message: "Use the feature's query-key factory (features/<feature>/<feature>.queries.ts), not a literal key."
        }
      ]
    }
  },
  {
    files: ['templates/**/*.ts', 'app/**/*.ts', 'cli/**/*.ts', 'server/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'electron', message: 'Only electron/main.ts and electron/preload.ts import Electron.' }] }]
    }
  },
  {
    files: ['db/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'Only electron/main.ts and electron/preload.ts import Electron.' },
            ...['../shared/ipc/result', '../../shared/ipc/result'].map((name) => ({
              name,
              importNames: ['AppError'],
              message: 'db/ returns rows and raises no AppError: refuse in app/ or shared/domain, where the decision is made.'
            }))
          ]
        }
      ],
      'no-restricted-syntax': ['error', { selector: "NewExpression[callee.name='AppError']", message: 'db/ raises no AppError.' }]
    }
  },
  {
    files: ['electron/**/*.ts'],
    ignores: ['electron/main.ts', 'electron/preload.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'electron', message: 'Keep main-process logic Electron-free so it is testable: take Electron pieces as parameters.' }] }
      ]
    }
  }
)
