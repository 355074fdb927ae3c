import { z } from 'zod'

/** Team mode as the screens see it. */
export const TeamRoleSchema = z.enum(['admin', 'partner', 'consultant'])

export const TeamStatusSchema = z.discriminatedUnion('mode', [
  z.strictObject({ mode: z.literal('solo') }),
  z.strictObject({
    mode: z.literal('team'),
    serverUrl: z.string(),
    user: z.strictObject({ name: z.string(), email: z.string(), role: TeamRoleSchema }),
    /**
     * synced: nothing waiting; pending: changes not sent yet; offline: the server cannot be
     * reached (work goes on); attention: signed out by the server, refused changes or open
     * conflicts; syncing: a sync is running.
     */
    state: z.enum(['synced', 'pending', 'offline', 'attention', 'syncing']),
    pending: z.number().int().nonnegative(),
    openConflicts: z.number().int().nonnegative(),
    lastSyncAt: z.string().nullable(),
    message: z.string().nullable(),
    /** What the team did to this laptop, kept until the consultant dismisses it. */
    notices: z.array(z.strictObject({ id: z.string(), message: z.string(), at: z.string() }))
  })
])
export type TeamStatus = z.infer<typeof TeamStatusSchema>

export const TeamSignInSchema = z.strictObject({
  serverUrl: z
    .string()
    .trim()
    .max(300)
    .refine((v) => {
      try {
        const u = new URL(v)
        // Plain http only to this computer (a local test server); anything else must be https.
        return u.protocol === 'https:' || (u.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(u.hostname))
      } catch {
        return false
      }
    }, 'must be an https:// address (http:// only for this computer)'),
  email: z.email({ message: 'is not an email address' }),
  code: z.string().trim().min(8, 'is too short to be a sign-in code').max(200)
})
export type TeamSignIn = z.infer<typeof TeamSignInSchema>

const Value = z.union([z.string(), z.number(), z.null()])
export const TeamConflictSchema = z.strictObject({
  id: z.string(),
  /** What the disagreement is about, in words: "Day rate of Platform build (Acme)". */
  subject: z.string(),
  field: z.string(),
  table: z.string(),
  engagementId: z.string().nullable(),
  /** Each side's value, and the same in words ("1,750 EUR a day"). */
  current: z.strictObject({ value: Value, display: z.string(), by: z.string() }),
  proposed: z.strictObject({ value: Value, display: z.string(), by: z.string() }),
  status: z.enum(['open', 'resolved']),
  resolvedBy: z.string().nullable(),
  resolvedDisplay: z.string().nullable()
})
export type TeamConflict = z.infer<typeof TeamConflictSchema>

export const TeamResolveSchema = z.strictObject({ id: z.string().min(1).max(100), choice: z.enum(['current', 'proposed']) })
export const TeamDismissSchema = z.strictObject({ id: z.string().min(1).max(100) })
