// The project's layers as an allow-list: each top-level folder names the folders it may
// import from, and an import of anything else is an error. Modelled on VS Code's layer
// check (code-import-patterns): adding a folder means deciding where it sits.
import { dirname, relative, resolve, sep } from 'node:path'

/** Which project folders each folder may import from (besides itself). */
export const LAYERS = {
  shared: [],
  db: ['shared'],
  templates: ['shared'],
  app: ['shared', 'db', 'templates'],
  electron: ['app', 'shared', 'db', 'templates'],
  cli: ['app', 'shared', 'db', 'templates'],
  server: ['app', 'shared', 'db', 'templates'],
  renderer: ['shared']
}

const RUNS_WHERE = {
  shared: 'plain TypeScript that runs anywhere',
  db: 'storage',
  templates: 'the Word documents',
  app: 'application services (no Electron, no CLI)',
  electron: 'the desktop host',
  cli: 'the command line',
  server: 'the team server',
  renderer: 'the screen'
}

/** @type {import('eslint').Rule.RuleModule} */
const layers = {
  meta: {
    type: 'problem',
    docs: { description: 'Each folder imports only from the folders its layer allows.' },
    schema: [{ type: 'object', properties: { root: { type: 'string' } }, additionalProperties: false }],
    messages: {
      forbidden: '{{from}}/ ({{fromRuns}}) may not import from {{to}}/. It may use {{allowed}}.'
    }
  },
  create(context) {
    const root = context.options[0]?.root ?? context.cwd
    const file = context.filename
    const from = relative(root, file).split(sep)[0]
    const allowed = LAYERS[from]
    if (!allowed) return {}
    const check = (node, source) => {
      if (typeof source !== 'string' || !source.startsWith('.')) return
      const target = relative(root, resolve(dirname(file), source))
      const to = target.split(sep)[0]
      if (to === from || allowed.includes(to)) return
      const allowedList = [from, ...allowed].map((f) => `${f}/`).join(', ')
      context.report({ node, messageId: 'forbidden', data: { from, fromRuns: RUNS_WHERE[from], to: to || '.', allowed: allowedList } })
    }
    return {
      ImportDeclaration: (node) => check(node, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value),
      ExportAllDeclaration: (node) => check(node, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node, node.source.value)
    }
  }
}

export default { rules: { layers } }
