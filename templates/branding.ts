/**
 * Branding for exported documents: who the consultancy is, its accent colour and font, the
 * footer line, the locale dates and amounts are written in, and an optional logo.
 *
 * A logo is checked before it reaches a document: PNG and JPEG by their magic bytes and
 * header (which also give the size), SVG by rasterising it to PNG with the bundled renderer.
 * A broken logo is a `BrandingLogoError` with a message the app can show, never a broken file.
 */
import { z } from 'zod'
import { brandingFields } from '../shared/schemas/branding.schema'
import { CHART_FONT_FAMILY, svgSize, svgToPng } from './charts'
import { sanitiseSvgLogo, SvgLogoProblem } from './svg-logo'
import { singleLine } from './text'

export { LOGO_MIME_TYPES, type LogoMime } from '../shared/schemas/branding.schema'

/** The largest logo file accepted (a logo, not a photo album). */
export const MAX_LOGO_BYTES = 5 * 1024 * 1024

export const LogoSchema = z.strictObject({
  mime: brandingFields.logoMime,
  bytes: z
    .custom<Uint8Array>((v) => v instanceof Uint8Array, { message: 'Logo must be the bytes of an image file' })
    .refine((b) => b.byteLength > 0, { message: 'Logo file is empty' })
    .refine((b) => b.byteLength <= MAX_LOGO_BYTES, { message: 'Logo file is larger than 5 MB' })
})
export type Logo = z.infer<typeof LogoSchema>

/** Branding as a document is built with it: the saved settings' fields (shared/schemas/branding.schema.ts), a font and the logo's bytes. */
export const BrandingSchema = z.strictObject({
  consultancyName: brandingFields.consultancyName,
  accentColour: brandingFields.accentColour,
  /** A font the document asks for; Inter is bundled and embedded, other fonts must be on the reader's machine. */
  fontFamily: z
    .string()
    .trim()
    .min(1)
    .max(64)
    .regex(/^[^"<>&;\\]+$/, { message: 'Font family contains characters a font name cannot have' }),
  footerText: brandingFields.footerText,
  locale: brandingFields.locale,
  logo: LogoSchema.nullable().optional()
})
export type Branding = z.infer<typeof BrandingSchema>
export type BrandingInput = z.input<typeof BrandingSchema>

export const DEFAULT_BRANDING: Branding = {
  consultancyName: 'Stagecraft',
  accentColour: '#0D9084',
  fontFamily: 'Inter',
  footerText: 'Confidential: prepared for the client named on the cover.',
  locale: 'en-GB',
  logo: null
}

/** Branding with defaults filled in for whatever is left out. Throws a ZodError on invalid values. */
export function parseBranding(input: Partial<BrandingInput> = {}): Branding {
  const merged = { ...DEFAULT_BRANDING, ...Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) }
  return BrandingSchema.parse(merged)
}

// ---------------------------------------------------------------------------------------
// Logos

export type LogoProblem = 'empty' | 'too_large' | 'unsupported_type' | 'not_png' | 'not_jpeg' | 'not_svg' | 'bad_dimensions'

/** A logo that cannot go into a document; `message` is written for the person who chose it. */
export class BrandingLogoError extends Error {
  constructor(
    readonly problem: LogoProblem,
    message: string
  ) {
    super(message)
    this.name = 'BrandingLogoError'
  }
}

/** A logo ready for a document: PNG or JPEG bytes and their size in pixels. */
export interface PreparedLogo {
  type: 'png' | 'jpg'
  data: Uint8Array
  width: number
  height: number
}

/** What every document model starts with: its sections, the branding and logo, the locale. */
export interface DocumentModelBase<S extends string> {
  sections: Record<S, boolean>
  branding: Branding
  /** The logo, checked and ready for the document (PNG or JPEG); null without one. */
  logo: PreparedLogo | null
  locale: string
}

/**
 * What every document resolves first from its input: the branding validated (throws ZodError),
 * the locale to write in, the logo prepared (throws BrandingLogoError for a broken one) and
 * the client's name on one line.
 */
export function resolveDocumentFrame(input: { branding: Branding | BrandingInput; locale?: string; client: { name: string } }): {
  branding: Branding
  locale: string
  logo: PreparedLogo | null
  clientName: string
} {
  const branding = BrandingSchema.parse(input.branding)
  return {
    branding,
    locale: input.locale ?? branding.locale,
    logo: branding.logo ? prepareLogo(branding.logo) : null,
    clientName: singleLine(input.client.name) || 'The client'
  }
}

/** The cover's facts every document shows. */
export interface CoverMeta {
  clientName: string
  industry: string | null
  engagementTitle: string
  consultant: string
  consultancyName: string
  /** The cover's date, formatted. */
  date: string
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]

/** Width and height from a PNG's IHDR chunk, or null when the bytes are not a PNG. */
export function pngSize(bytes: Uint8Array): { width: number; height: number } | null {
  if (bytes.length < 33 || PNG_SIGNATURE.some((b, i) => bytes[i] !== b)) return null
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const type = String.fromCharCode(bytes[12]!, bytes[13]!, bytes[14]!, bytes[15]!)
  if (type !== 'IHDR') return null
  return { width: view.getUint32(16), height: view.getUint32(20) }
}

/** Width and height from a JPEG's start-of-frame marker, or null when the bytes are not a JPEG. */
export function jpegSize(bytes: Uint8Array): { width: number; height: number } | null {
  if (bytes.length < 4 || bytes[0] !== 0xff || bytes[1] !== 0xd8 || bytes[2] !== 0xff) return null
  let i = 2
  while (i + 9 < bytes.length) {
    if (bytes[i] !== 0xff) return null
    const marker = bytes[i + 1]!
    if (marker === 0xff) {
      i += 1
      continue
    }
    const length = (bytes[i + 2]! << 8) | bytes[i + 3]!
    const isFrame = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc
    if (isFrame) {
      const height = (bytes[i + 5]! << 8) | bytes[i + 6]!
      const width = (bytes[i + 7]! << 8) | bytes[i + 8]!
      return { width, height }
    }
    if (length < 2) return null
    i += 2 + length
  }
  return null
}

const plausible = (size: { width: number; height: number }): boolean => size.width > 0 && size.height > 0 && size.width <= 20_000 && size.height <= 20_000

/** The pixel width SVG logos are rasterised to (crisp at the sizes a document shows them). */
export const SVG_LOGO_WIDTH = 1200

/**
 * Checks a logo and turns it into something a document can hold. Throws BrandingLogoError
 * with a message naming the problem.
 */
export function prepareLogo(logo: Logo): PreparedLogo {
  const { mime, bytes } = logo
  if (bytes.byteLength === 0) throw new BrandingLogoError('empty', 'The logo file is empty. Choose a PNG, JPEG or SVG image.')
  if (bytes.byteLength > MAX_LOGO_BYTES) {
    throw new BrandingLogoError('too_large', 'The logo file is larger than 5 MB. Choose a smaller image.')
  }
  if (mime === 'image/png') {
    const size = pngSize(bytes)
    if (!size) throw new BrandingLogoError('not_png', 'The logo is not a valid PNG image (the file may be damaged or of another type).')
    if (!plausible(size)) throw new BrandingLogoError('bad_dimensions', `The logo PNG says it is ${size.width}×${size.height} pixels, which cannot be right.`)
    return { type: 'png', data: bytes, ...size }
  }
  if (mime === 'image/jpeg') {
    const size = jpegSize(bytes)
    if (!size) throw new BrandingLogoError('not_jpeg', 'The logo is not a valid JPEG image (the file may be damaged or of another type).')
    if (!plausible(size)) throw new BrandingLogoError('bad_dimensions', `The logo JPEG says it is ${size.width}×${size.height} pixels, which cannot be right.`)
    return { type: 'jpg', data: bytes, ...size }
  }
  if (mime === 'image/svg+xml') {
    const raw = new TextDecoder('utf-8', { fatal: false }).decode(bytes)
    if (!/<svg[\s>]/i.test(raw)) throw new BrandingLogoError('not_svg', 'The logo is not an SVG image (no <svg> element found).')
    // Parsed and cleaned first: nothing in a logo reaches outside its own file.
    let text: string
    try {
      text = sanitiseSvgLogo(raw)
    } catch (error) {
      if (error instanceof SvgLogoProblem) throw new BrandingLogoError('not_svg', `The SVG logo cannot be used: ${error.message}.`)
      throw error
    }
    let png: Uint8Array
    try {
      // Drawn SVG_LOGO_WIDTH wide: a drawing far taller than wide would be millions of pixels high.
      const declared = svgSize(text)
      const height = (SVG_LOGO_WIDTH * declared.height) / Math.max(declared.width, 1e-9)
      if (!(height >= 1 && height <= SVG_LOGO_WIDTH * 4)) {
        throw new BrandingLogoError(
          'bad_dimensions',
          `The SVG logo is ${declared.width}×${declared.height}, far taller than it is wide; a logo is drawn across, not down.`
        )
      }
      png = svgToPng(text, { width: SVG_LOGO_WIDTH, fontFamily: CHART_FONT_FAMILY })
    } catch (error) {
      if (error instanceof BrandingLogoError) throw error
      const detail = error instanceof Error ? singleLine(error.message).slice(0, 160) : 'unknown error'
      throw new BrandingLogoError('not_svg', `The SVG logo could not be read: ${detail}`)
    }
    const size = pngSize(png)
    if (!size || !plausible(size)) throw new BrandingLogoError('bad_dimensions', 'The SVG logo has no usable size.')
    return { type: 'png', data: png, ...size }
  }
  throw new BrandingLogoError('unsupported_type', 'The logo must be a PNG, JPEG or SVG image.')
}
