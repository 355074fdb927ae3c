import { z } from 'zod'

export const ThemeSchema = z.enum(['light', 'dark', 'auto'])

/** Preferences the user sets in the app; every field has a default so old rows stay valid. */
export const PreferencesSchema = z.strictObject({
  theme: ThemeSchema.default('auto'),
  /** Larger type and higher contrast for a projector. */
  presentationScale: z.enum(['normal', 'large', 'xlarge']).default('normal')
})
export type Preferences = z.infer<typeof PreferencesSchema>

export const PreferencesPatchSchema = z.strictObject({
  theme: ThemeSchema.optional(),
  presentationScale: z.enum(['normal', 'large', 'xlarge']).optional()
})
export type PreferencesPatch = z.infer<typeof PreferencesPatchSchema>
