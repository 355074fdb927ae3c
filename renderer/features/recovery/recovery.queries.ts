/** Query keys of the recovery screen. */
export const recoveryKeys = {
  status: ['recovery-status'] as const,
  checksDone: ['recovery-checks-done'] as const
}
