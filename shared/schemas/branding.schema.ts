import { z } from 'zod'

/** Logos travel as base64 across IPC; main checks the bytes really are the image they claim. */
export const LogoUploadSchema = z.strictObject({
  mime: z.enum(['image/png', 'image/jpeg', 'image/svg+xml']),
  dataBase64: z
    .string()
    .max(3_000_000, { message: 'The logo must be under 2 MB' })
    .regex(/^[A-Za-z0-9+/=]*$/, { message: 'The logo data is damaged' })
})
export type LogoUpload = z.infer<typeof LogoUploadSchema>

/** The consultancy's branding and document defaults, set once in Settings. */
export const BrandingSettingsSchema = z.strictObject({
  consultancyName: z.string().trim().min(1, { message: 'Consultancy name is required' }).max(200),
  accentColour: z.string().regex(/^#[0-9A-Fa-f]{6}$/, { message: 'Accent colour must be written #RRGGBB' }),
  footerText: z.string().max(300, { message: 'Footer text must be at most 300 characters' }),
  locale: z
    .string()
    .min(2)
    .max(35)
    .regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, { message: 'Locale must look like en-GB' }),
  defaultTerms: z.string().max(20_000),
  /** A short word about the consultancy for the proposal; the standard one when blank. */
  aboutUs: z.string().max(4000).default(''),
  /** How the work is governed and reported, replacing the standard section when set. */
  governance: z.string().max(4000).default(''),
  /** The law the terms are governed by, e.g. "the law of England and Wales". */
  governingLaw: z.string().max(200).default(''),
  logo: LogoUploadSchema.nullable()
})
export type BrandingSettings = z.infer<typeof BrandingSettingsSchema>

export const DEFAULT_BRANDING_SETTINGS: BrandingSettings = {
  consultancyName: 'Your consultancy',
  accentColour: '#0D9084',
  footerText: 'Confidential: prepared for the client named on the cover.',
  locale: 'en-GB',
  defaultTerms: '',
  aboutUs: '',
  governance: '',
  governingLaw: '',
  logo: null
}
