/**
 * Channel names only, with no schema library attached, so the sandboxed preload can
 * build the API from them without bundling validation code. A test checks that this
 * list and the contract's keys are the same.
 */
export const CHANNELS = [
  'app:info',
  'preferences:get',
  'preferences:update',
  'clients:list',
  'clients:get',
  'clients:create',
  'clients:update',
  'clients:set-archived',
  'clients:delete-preview',
  'clients:delete',
  'engagements:list',
  'engagements:get',
  'engagements:create',
  'engagements:update',
  'engagements:set-archived',
  'engagements:delete',
  'assessments:list',
  'assessments:get',
  'assessments:create',
  'assessments:update',
  'assessments:set-answer',
  'assessments:set-note',
  'assessments:delete',
  'samples:create',
  'intake:import',
  'intake:export',
  'plans:get',
  'plans:create',
  'plans:save-edits',
  'plans:save-settings',
  'plans:regenerate',
  'plans:delete',
  'library:get',
  'library:save-task',
  'library:save-role',
  'library:save-question',
  'library:export',
  'library:import',
  'branding:get',
  'branding:update',
  'exports:preview',
  'exports:create',
  'exports:list',
  'exports:save-copy',
  'exports:reveal',
  'recovery:status',
  'recovery:checks-done',
  'recovery:restore-latest',
  'recovery:start-empty',
  'recovery:retry',
  'recovery:use-salvage',
  'recovery:set-aside-journal',
  'recovery:quit',
  'backups:list',
  'backups:create',
  'backups:restore',
  'backups:set-folder',
  'backups:stop-copies',
  'backups:restore-copy',
  'portable:export',
  'portable:inspect',
  'portable:unlock',
  'portable:import',
  'engagements:set-status',
  'engagements:history',
  'tracking:get',
  'tracking:update-item',
  'tracking:log-time',
  'tracking:delete-time',
  'tracking:set-gate',
  'tracking:mark-signed',
  'dashboard:get',
  'dashboard:load',
  'search:query',
  'time:export-csv',
  'team:status',
  'team:sign-in',
  'team:sign-out',
  'team:sync',
  'team:conflicts',
  'team:resolve',
  'team:dismiss'
] as const

export type Channel = (typeof CHANNELS)[number]

/** Channels the app controller answers itself: they work even when no database is open. */
export const CONTROLLER_CHANNELS = [
  'recovery:status',
  'recovery:checks-done',
  'recovery:restore-latest',
  'recovery:start-empty',
  'recovery:retry',
  'recovery:use-salvage',
  'recovery:set-aside-journal',
  'recovery:quit',
  'backups:list',
  'backups:create',
  'backups:restore',
  'backups:set-folder',
  'backups:stop-copies',
  'backups:restore-copy'
] as const satisfies readonly Channel[]
export type ControllerChannel = (typeof CONTROLLER_CHANNELS)[number]

/**
 * Channels that only read (a test proves none of them changes the database, dirty plans
 * included). They are served while the start-up content checks still run; every other
 * channel waits for the checks.
 */
export const READ_ONLY_CHANNELS = [
  'app:info',
  'preferences:get',
  'clients:list',
  'clients:get',
  'clients:delete-preview',
  'engagements:list',
  'engagements:get',
  'engagements:history',
  'assessments:list',
  'assessments:get',
  'plans:get',
  'library:get',
  'branding:get',
  'exports:list',
  'search:query'
] as const satisfies readonly Channel[]
export type BackendChannel = Exclude<Channel, ControllerChannel>
