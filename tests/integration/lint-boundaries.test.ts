import { ESLint } from 'eslint'
import { describe, expect, it } from 'vitest'

const eslint = new ESLint({ cwd: new URL('../..', import.meta.url).pathname })

async function problems(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath })
  return (result?.messages ?? []).map((m) => `${m.ruleId}: ${m.message}`)
}

describe('folder boundaries are enforced by lint', () => {
  it.each([
    ['shared/domain/x.ts', "import { readFileSync } from 'node:fs'\nexport const a = readFileSync"],
    ['shared/domain/x.ts', "import { app } from 'electron'\nexport const a = app"],
    ['shared/domain/x.ts', "import { openDatabase } from '../../db/connection'\nexport const a = openDatabase"],
    ['shared/domain/x.ts', 'export const w = window.innerWidth'],
    ['renderer/features/x.tsx', "import { openDatabase } from '../../db/connection'\nexport const a = openDatabase"],
    ['renderer/features/x.tsx', "import { createAppProtocolHandler } from '../../electron/protocol'\nexport const a = createAppProtocolHandler"],
    ['renderer/features/x.tsx', "import { ipcRenderer } from 'electron'\nexport const a = ipcRenderer"],
    ['db/x.ts', "import { app } from 'electron'\nexport const a = app"],
    ['electron/handlers/x.ts', "import { app } from 'electron'\nexport const a = app"],
    ['app/x.ts', "import { app } from 'electron'\nexport const a = app"],
    ['db/x.ts', "import { AppError } from '../shared/ipc/result'\nexport const a = AppError"],
    ['db/repositories/x.ts', "import { AppError } from '../../shared/ipc/result'\nexport const a = AppError"],
    ['db/repositories/x.ts', "declare const AppError: new (c: string, m: string) => Error\nexport const f = () => { throw new AppError('NOT_FOUND', 'x') }"]
  ])('refuses a forbidden import in %s', async (file, code) => {
    const found = await problems(file, code)
    expect(
      found.some((p) => /no-restricted-(imports|globals|syntax)|stagecraft\/layers/.test(p)),
      found.join('\n')
    ).toBe(true)
  })

  // Each layer may import only from the layers below it (scripts/eslint/layers.mjs).
  it.each([
    ['shared/domain/x.ts', '../../db/connection'],
    ['shared/domain/x.ts', '../../templates/index'],
    ['shared/domain/x.ts', '../../app/files'],
    ['shared/x.ts', '../renderer/api'],
    ['db/repositories/x.ts', '../../templates/index'],
    ['db/x.ts', '../app/files'],
    ['db/x.ts', '../electron/dispatcher'],
    ['templates/x.ts', '../db/connection'],
    ['templates/x.ts', '../app/export.service'],
    ['app/x.ts', '../electron/dispatcher'],
    ['app/x.ts', '../cli/cli-io'],
    ['app/x.ts', '../renderer/api'],
    ['app/x.ts', '../tests/helpers/temp'],
    ['electron/handlers/x.ts', '../../cli/intake-file'],
    ['electron/x.ts', '../renderer/api'],
    ['cli/x.ts', '../electron/dispatcher'],
    ['cli/commands/x.ts', '../../electron/handlers/index'],
    ['server/x.ts', '../electron/dispatcher'],
    ['renderer/features/x.tsx', '../../db/connection'],
    ['renderer/features/x.tsx', '../../templates/index'],
    ['renderer/features/x.tsx', '../../app/files'],
    ['renderer/features/x.tsx', '../../electron/protocol'],
    ['renderer/features/x.tsx', '../../cli/cli-io']
  ])('%s may not import %s', async (file, source) => {
    for (const code of [`import { a } from '${source}'\nexport const b = a`, `export { a } from '${source}'`, `export const m = () => import('${source}')`]) {
      const found = await problems(file, code)
      expect(
        found.some((p) => p.startsWith('stagecraft/layers:')),
        `${code}\n${found.join('\n')}`
      ).toBe(true)
    }
  })

  it.each([
    ['shared/domain/x.ts', '../schemas/common'],
    ['db/repositories/x.ts', '../../shared/ipc/result'],
    ['templates/x.ts', '../shared/domain/catalogue'],
    ['app/x.ts', '../db/connection'],
    ['app/x.ts', '../templates/index'],
    ['app/x.ts', '../shared/ipc/result'],
    ['electron/handlers/x.ts', '../../app/files'],
    ['electron/x.ts', '../db/connection'],
    ['cli/commands/x.ts', '../../app/intake.service'],
    ['cli/x.ts', '../templates/index'],
    ['renderer/features/x.tsx', '../../shared/ipc/api']
  ])('%s may import %s', async (file, source) => {
    expect(await problems(file, `import { a } from '${source}'\nexport const b = a`)).toEqual([])
  })

  it('the renderer takes query keys from the key factories, never as literals', async () => {
    const literal = "declare const useQuery: (o: object) => void\nexport const q = () => useQuery({ queryKey: ['library'], queryFn: () => 1 })"
    expect((await problems('renderer/features/library/x.tsx', literal)).join('\n')).toMatch(/query-key factory/)
    const setLiteral = "declare const qc: { setQueryData: (k: unknown, v: unknown) => void }\nexport const f = () => qc.setQueryData(['branding'], 1)"
    expect((await problems('renderer/features/settings/x.tsx', setLiteral)).join('\n')).toMatch(/query-key factory/)
    expect(await problems('renderer/features/library/library.queries.ts', "export const libraryKeys = { all: ['library'] as const }")).toEqual([])
  })

  it('names the layers a folder may use when it refuses', async () => {
    const [message] = await problems('app/x.ts', "import { a } from '../electron/dispatcher'\nexport const b = a")
    expect(message).toMatch(/app\/ .* may not import from electron\/\. It may use app\/, shared\/, db\/, templates\//)
  })

  it('allows what each folder may use', async () => {
    expect(await problems('shared/domain/x.ts', "import { z } from 'zod'\nexport const s = z.string()")).toEqual([])
    expect(await problems('renderer/features/x.tsx', "import { api } from '../api'\nexport const a = api")).toEqual([])
    expect(await problems('electron/main.ts', "import { app } from 'electron'\nexport const a = app")).toEqual([])
  })
})
