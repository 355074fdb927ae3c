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
    ['electron/handlers/x.ts', "import { app } from 'electron'\nexport const a = app"]
  ])('refuses a forbidden import in %s', async (file, code) => {
    const found = await problems(file, code)
    expect(found.some((p) => /no-restricted-(imports|globals)/.test(p)), found.join('\n')).toBe(true)
  })

  it('allows what each folder may use', async () => {
    expect(await problems('shared/domain/x.ts', "import { z } from 'zod'\nexport const s = z.string()")).toEqual([])
    expect(await problems('renderer/features/x.tsx', "import { api } from '../../api'\nexport const a = api")).toEqual([])
    expect(await problems('electron/main.ts', "import { app } from 'electron'\nexport const a = app")).toEqual([])
  })
})
