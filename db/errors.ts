/** Why a database could not be opened; the message is written for the user. */
export type DatabaseProblem = 'too-new' | 'not-a-database' | 'foreign-app' | 'corrupt' | 'migration-failed'

export class DatabaseOpenError extends Error {
  readonly problem: DatabaseProblem
  readonly path: string
  constructor(problem: DatabaseProblem, path: string, message: string, options?: { cause?: unknown }) {
    super(message, options)
    this.name = 'DatabaseOpenError'
    this.problem = problem
    this.path = path
  }
}
