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
  'recovery:restore-latest',
  'recovery:start-empty',
  'recovery:quit',
  'backups:list',
  'backups:create',
  'backups:restore',
  'portable:export',
  'portable:inspect',
  'portable:unlock',
  'portable:import'
] as const

export type Channel = (typeof CHANNELS)[number]

/** Channels the app controller answers itself: they work even when no database is open. */
export const CONTROLLER_CHANNELS = [
  'recovery:status',
  'recovery:restore-latest',
  'recovery:start-empty',
  'recovery:quit',
  'backups:list',
  'backups:create',
  'backups:restore'
] as const satisfies readonly Channel[]
export type ControllerChannel = (typeof CONTROLLER_CHANNELS)[number]
export type BackendChannel = Exclude<Channel, ControllerChannel>
