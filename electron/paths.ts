import { join } from 'node:path'

/** The database lives in the user's data folder unless STAGECRAFT_DB points elsewhere. */
export function resolveDatabasePath(env: NodeJS.ProcessEnv, userDataDir: string): string {
  const override = env.STAGECRAFT_DB?.trim()
  return override ? override : join(userDataDir, 'stagecraft.db')
}

export const windowStatePath = (userDataDir: string): string => join(userDataDir, 'window-state.json')
