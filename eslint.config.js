// @ts-check
import js from '@eslint/js'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'
import { builtinModules } from 'node:module'

const nodeModules = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)]

/**
 * Folders say where code runs. These rules make that a checked fact:
 * shared/ is plain TypeScript, renderer/ never reaches the database, the Word builders
 * or the main process, and only the Electron host files import `electron`.
 */
export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
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
          })),
          patterns: [
            { group: ['**/db/**', '**/electron/**', '**/renderer/**', '**/templates/**', '**/cli/**'], message: 'shared/ depends on nothing but itself.' }
          ]
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
          })),
          patterns: [
            { group: ['**/db/**', '**/db', '**/templates/**', '**/electron/**', '**/cli/**'], message: 'The renderer never imports db/, templates/ or electron/.' }
          ]
        }
      ]
    }
  },
  {
    files: ['db/**/*.ts', 'templates/**/*.ts', 'cli/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'electron', message: 'Only electron/main.ts and electron/preload.ts import Electron.' }] }]
    }
  },
  {
    files: ['electron/**/*.ts'],
    ignores: ['electron/main.ts', 'electron/preload.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'electron', message: 'Keep main-process logic Electron-free so it is testable: take Electron pieces as parameters.' }] }]
    }
  }
)
