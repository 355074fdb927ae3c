import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { templateBranding } from '../../../app/export.service'
import { BrandingSettingsSchema, DEFAULT_BRANDING_SETTINGS } from '../../../shared/schemas/branding.schema'
import { BrandingSchema } from '../../../templates/branding'

describe('one branding schema', () => {
  it('any branding the settings accept builds a document, and anything a document refuses the settings refuse too (property)', () => {
    const hex = fc.stringMatching(/^#[0-9A-Fa-f]{6}$/)
    const settings = fc.record({
      consultancyName: fc.oneof(fc.string({ maxLength: 210 }), fc.constantFrom('Tessel Advisory', '  ', 'Ünïcødé & Co')),
      accentColour: fc.oneof(hex, fc.constantFrom('#12345', 'teal', '#GGGGGG')),
      footerText: fc.string({ maxLength: 310 }),
      locale: fc.constantFrom('en-GB', 'de-DE', 'he-IL', 'pt-BR', 'zh-Hant-TW', 'xx-notalocale-123456789', 'en-GB-GB', 'en_GB', '', 'e', 'abcdefghijklmnop'),
      logo: fc.constant(null)
    })
    fc.assert(
      fc.property(settings, (raw) => {
        const candidate = { ...DEFAULT_BRANDING_SETTINGS, ...raw }
        const saved = BrandingSettingsSchema.safeParse(candidate)
        const forDocument = BrandingSchema.safeParse({ ...templateBranding({ ...DEFAULT_BRANDING_SETTINGS, ...raw } as never), logo: null })
        if (saved.success) expect(BrandingSchema.safeParse(templateBranding(saved.data)).success).toBe(true)
        if (!forDocument.success) expect(saved.success).toBe(false)
      }),
      { numRuns: 500 }
    )
  })

  it('refuses a locale that only looks like one, in the settings as in the document', () => {
    // The settings once checked only the shape (letters, dashes), which 'en-GB-GB' has; no document could use it.
    const bad = { ...DEFAULT_BRANDING_SETTINGS, locale: 'en-GB-GB' }
    expect(BrandingSettingsSchema.safeParse(bad).success).toBe(false)
    expect(BrandingSettingsSchema.safeParse({ ...DEFAULT_BRANDING_SETTINGS, locale: 'de-DE' }).success).toBe(true)
  })
})
