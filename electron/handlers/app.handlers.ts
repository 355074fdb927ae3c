import { PreferencesSchema, type Preferences } from '../../shared/schemas/settings.schema'
import type { Handlers } from '../dispatcher'
import { readSetting, writeSetting } from '../../db/repositories/setting.repository'
import { timestamp } from '../../db/deps'
import type { HandlerContext } from './context'

const PREFERENCES_KEY = 'preferences'

async function readPreferences(ctx: HandlerContext): Promise<Preferences> {
  const raw = await readSetting(ctx.db, PREFERENCES_KEY)
  let stored: unknown
  try {
    stored = raw ? JSON.parse(raw) : {}
  } catch {
    stored = {}
  }
  // A preference written by a newer version, or damaged, falls back to its default.
  const parsed = PreferencesSchema.safeParse(stored)
  return parsed.success ? parsed.data : PreferencesSchema.parse({})
}

export function appHandlers(ctx: HandlerContext): Pick<Handlers, 'app:info' | 'preferences:get' | 'preferences:update'> {
  return {
    'app:info': () => ({
      version: ctx.appVersion,
      databasePath: ctx.databasePath,
      schemaVersion: ctx.schemaVersion
    }),
    'preferences:get': () => readPreferences(ctx),
    'preferences:update': async (patch) => {
      const next = PreferencesSchema.parse({ ...(await readPreferences(ctx)), ...patch })
      await writeSetting(ctx.db, PREFERENCES_KEY, JSON.stringify(next), timestamp(ctx.deps))
      return next
    }
  }
}
