import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Document, Packer, type Paragraph } from 'docx'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { hasRtl, isRtlText, normaliseText, safeParagraph, safeParagraphs, singleLine, splitParagraphs } from '../../../templates/text'
import { unzip, visibleText, xmllint } from '../../helpers/readers'

/** The document.xml of a document holding just these paragraphs. */
async function documentXml(paragraphs: Paragraph[]): Promise<string> {
  const buffer = await Packer.toBuffer(new Document({ sections: [{ children: paragraphs }] }))
  const xml = unzip(buffer).get('word/document.xml')
  if (!xml) throw new Error('no word/document.xml')
  return xml.toString('utf8')
}

/** What a reader sees: the body's paragraphs, tabs as \t and line breaks as \n. */
async function seen(value: string): Promise<string> {
  return visibleText(await documentXml([safeParagraph(value)])).join('\n')
}

/** The rule, written out independently of the implementation. */
function expected(value: string): string {
  return (
    value
      .replace(/\r\n/g, '\n')
      // eslint-disable-next-line no-control-regex -- the rule under test
      .replace(/[\r\u000B\u000C]/g, '\n')
      // eslint-disable-next-line no-control-regex -- the rule under test
      .replace(/[\u0000-\u0008\u000E-\u001F]/g, '')
      .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD')
      .replace(/[\uFFFE\uFFFF]/g, '\uFFFD')
  )
}

/** Checks well-formedness with xmllint (one run for many documents). */
function assertWellFormed(xmls: readonly string[]): void {
  const dir = mkdtempSync(join(tmpdir(), 'text-xml-'))
  try {
    const files = xmls.map((xml, i) => {
      const file = join(dir, `doc-${i}.xml`)
      writeFileSync(file, xml)
      return file
    })
    expect(xmllint(files)).toBe('')
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

describe('safe text in Word', () => {
  it('turns \\n into a line break and keeps the text on both sides', async () => {
    const xml = await documentXml([safeParagraph('first line\nsecond line')])
    expect(xml).toContain('<w:br/>')
    expect(xml).not.toMatch(/<w:t[^>]*>[^<]*\n/)
    expect(visibleText(xml)).toEqual(['first line\nsecond line'])
  })

  it('writes \\t as a real tab', async () => {
    const xml = await documentXml([safeParagraph('name\tvalue')])
    expect(xml).toContain('<w:tab/>')
    expect(visibleText(xml)).toEqual(['name\tvalue'])
  })

  it('turns vertical tab, form feed, CR and CRLF into line breaks without losing text', async () => {
    expect(await seen('a\u000Bb\u000Cc\rd\r\ne')).toBe('a\nb\nc\nd\ne')
  })

  it('removes the other C0 control characters', async () => {
    expect(await seen('a\u0000b\u0007c\u001Bd\u0008e\u001Ff')).toBe('abcdef')
  })

  it('replaces U+FFFE, U+FFFF and lone surrogates with U+FFFD, and keeps real surrogate pairs', async () => {
    const xml = await documentXml([safeParagraph('x\uFFFEy\uFFFFz \uD800 \uDC00 🚀👩‍💻')])
    expect(visibleText(xml).join('')).toBe('x\uFFFDy\uFFFDz \uFFFD \uFFFD 🚀👩‍💻')
    assertWellFormed([xml])
  })

  it('escapes XML markup characters', async () => {
    const text = `CON<>:"/\\|?*. & 'quoted' ]]> <w:t>`
    const xml = await documentXml([safeParagraph(text)])
    expect(visibleText(xml)).toEqual([text])
    assertWellFormed([xml])
  })

  it('keeps leading, trailing and repeated spaces', async () => {
    expect(await seen('  two  spaces  ')).toBe('  two  spaces  ')
  })

  it('keeps a 100,000-character string whole', async () => {
    const long = 'Lorem ipsum dolor sit amet. '.repeat(4000).slice(0, 100_000)
    expect(long).toHaveLength(100_000)
    expect(await seen(long)).toBe(long)
  })

  it('splits paragraphs at blank lines (also lines of only spaces) and keeps single newlines as breaks', () => {
    expect(splitParagraphs('one\ntwo\n\nthree\n  \t\nfour\n\n\n')).toEqual(['one\ntwo', 'three', 'four'])
    expect(safeParagraphs('one\n\ntwo')).toHaveLength(2)
    expect(safeParagraphs('   \n\n ')).toHaveLength(0)
    expect(safeParagraphs(null, { placeholder: '—' })).toHaveLength(1)
  })

  it('writes multi-paragraph text as separate Word paragraphs', async () => {
    const xml = await documentXml(safeParagraphs('Para one\nline two\n\nPara two'))
    expect(visibleText(xml)).toEqual(['Para one\nline two', 'Para two'])
  })

  it('marks Hebrew and Arabic paragraphs right-to-left and their runs as RTL', async () => {
    const hebrew = await documentXml([safeParagraph('שלום עולם, זה מבחן')])
    expect(hebrew).toMatch(/<w:pPr>[\s\S]*<w:bidi\/>[\s\S]*<\/w:pPr>/)
    expect(hebrew).toContain('<w:rtl/>')
    const arabic = await documentXml([safeParagraph('مرحبا بالعالم')])
    expect(arabic).toContain('<w:bidi/>')
    expect(arabic).toContain('<w:rtl/>')
    expect(visibleText(arabic)).toEqual(['مرحبا بالعالم'])
  })

  it('keeps an English paragraph left-to-right but marks the Hebrew run inside it', async () => {
    const xml = await documentXml([safeParagraph('The client שלום said hello')])
    expect(xml).not.toContain('<w:bidi/>')
    expect(xml).toContain('<w:rtl/>')
    expect(visibleText(xml)).toEqual(['The client שלום said hello'])
    expect(isRtlText('123 שלום')).toBe(true)
    expect(isRtlText('Hello שלום')).toBe(false)
    expect(hasRtl('Hello שלום')).toBe(true)
  })

  it('makes single-line text for properties and headers', () => {
    expect(singleLine('  a\nb\tc\u0000 ')).toBe('a b c')
    expect(normaliseText('\uFFFF')).toBe('\uFFFD')
  })

  it('any string survives as text: the XML parses and the visible text is the input minus removed controls', async () => {
    const anyUnit = fc.oneof(
      fc.constantFrom('\n', '\t', '\r', '\u000B', '\u000C', '\u0000', '\u001B', '\uFFFE', '\uFFFF', '\uD800', '\uDFFF', '&', '<', ']]>', 'ש', 'ع', '😀', ' '),
      fc.integer({ min: 0, max: 0xffff }).map((n) => String.fromCharCode(n)),
      fc.string({ unit: 'binary', maxLength: 3 })
    )
    const xmls: string[] = []
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: anyUnit, maxLength: 60 }), async (value) => {
        const xml = await documentXml([safeParagraph(value)])
        xmls.push(xml)
        expect(visibleText(xml).join('\n')).toBe(expected(value))
      }),
      { numRuns: 120 }
    )
    assertWellFormed(xmls)
  })
})
