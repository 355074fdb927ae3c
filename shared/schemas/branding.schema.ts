import { z } from 'zod'

/**
 * The one definition of branding's fields. The settings the consultant saves
 * (BrandingSettingsSchema, below) and the branding a document is built with
 * (templates/branding.ts, BrandingSchema) are both made of these, so a value the settings
 * accept is one every document accepts.
 */

export const LOGO_MIME_TYPES = ['image/png', 'image/jpeg', 'image/svg+xml'] as const
export type LogoMime = (typeof LOGO_MIME_TYPES)[number]

const isLocale = (value: string): boolean => {
  try {
    return Intl.getCanonicalLocales(value).length === 1
  } catch {
    return false
  }
}

export const brandingFields = {
  consultancyName: z
    .string()
    .trim()
    .min(1, { message: 'Consultancy name is required' })
    .max(200, { message: 'Consultancy name must be at most 200 characters' }),
  accentColour: z.string().regex(/^#[0-9A-Fa-f]{6}$/, { message: 'Accent colour must be a hex colour written #RRGGBB' }),
  footerText: z.string().max(300, { message: 'Footer text must be at most 300 characters' }),
  /** BCP 47 language tag, e.g. en-GB, de-DE, he-IL. */
  locale: z
    .string()
    .min(2, { message: 'Locale must be a BCP 47 language tag such as en-GB' })
    .max(35, { message: 'Locale must be a BCP 47 language tag such as en-GB' })
    .refine(isLocale, { message: 'Locale must be a BCP 47 language tag such as en-GB' }),
  logoMime: z.enum(LOGO_MIME_TYPES, { message: 'Logo must be a PNG, JPEG or SVG image' })
}

/** Logos travel as base64 across IPC; main checks the bytes really are the image they claim. */
export const LogoUploadSchema = z.strictObject({
  mime: brandingFields.logoMime,
  dataBase64: z
    .string()
    .max(3_000_000, { message: 'The logo must be under 2 MB' })
    .regex(/^[A-Za-z0-9+/=]*$/, { message: 'The logo data is damaged' })
})
export type LogoUpload = z.infer<typeof LogoUploadSchema>

/** The consultancy's branding and document defaults, set once in Settings. */
export const BrandingSettingsSchema = z.strictObject({
  consultancyName: brandingFields.consultancyName,
  accentColour: brandingFields.accentColour,
  footerText: brandingFields.footerText,
  locale: brandingFields.locale,
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
