import { randomUUID } from 'node:crypto'

/** Time and identity come in from outside so tests are deterministic. */
export interface Deps {
  now: () => Date
  newId: () => string
}

export const systemDeps: Deps = {
  now: () => new Date(),
  newId: () => randomUUID()
}

export const timestamp = (deps: Deps): string => deps.now().toISOString()
