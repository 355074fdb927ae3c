import type { Kysely } from 'kysely'
import * as m0001 from './0001-clients-engagements.migration'
import * as m0002 from './0002-assessments.migration'
import * as m0003 from './0003-plans.migration'
import * as m0004 from './0004-library.migration'
import * as m0005 from './0005-exports.migration'
import * as m0006 from './0006-tracking.migration'
import * as m0007 from './0007-plan-model-v2.migration'
import * as m0008 from './0008-engagement-objective.migration'

export interface Migration {
  name: string
  up: (db: Kysely<any>) => Promise<void>
}

/**
 * The static, ordered list of migrations (the bundled main process has no migrations
 * folder to scan). The schema version is this list's length; forward only.
 */
export const migrations: readonly Migration[] = [
  { name: '0001-clients-engagements', up: m0001.up },
  { name: '0002-assessments', up: m0002.up },
  { name: '0003-plans', up: m0003.up },
  { name: '0004-library', up: m0004.up },
  { name: '0005-exports', up: m0005.up },
  { name: '0006-tracking', up: m0006.up },
  { name: '0007-plan-model-v2', up: m0007.up },
  { name: '0008-engagement-objective', up: m0008.up }
]
