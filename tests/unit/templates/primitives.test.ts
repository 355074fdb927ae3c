/**
 * Layout rules of the document primitives that keep pages from ending or starting with a
 * scrap: lists keep their ends together, and a heading that starts a page sits at the top
 * margin in every reader.
 */
import { Packer, Document } from 'docx'
import { describe, expect, it } from 'vitest'
import { bulletList, heading, listItemKeptWithNext, numberedList } from '../../../templates/primitives'
import { unzip } from '../../helpers/readers'

async function bodyXml(children: ConstructorParameters<typeof Document>[0]['sections'][number]['children']): Promise<string> {
  const bytes = await Packer.toBuffer(new Document({ numbering: { config: [] }, sections: [{ children }] }))
  return unzip(bytes).get('word/document.xml')!.toString('utf8')
}

const paragraphs = (xml: string) => [...xml.matchAll(/<w:p>[\s\S]*?<\/w:p>/g)].map((m) => m[0])

describe('lists keep their ends together', () => {
  it.each([
    [1, [false]],
    [2, [true, false]],
    [4, [true, true, true, false]],
    [5, [true, false, false, true, false]],
    [8, [true, false, false, false, false, false, true, false]]
  ])('a list of %i items', (n, expected) => {
    expect(Array.from({ length: n }, (_, i) => listItemKeptWithNext(i, n))).toEqual(expected)
  })

  it('writes the keeps into the bulleted and the numbered lists', async () => {
    const items = ['one', 'two', 'three', 'four', 'five', 'six']
    for (const list of [bulletList(items), numberedList(items, 1)]) {
      const kept = paragraphs(await bodyXml(list)).map((p) => p.includes('<w:keepNext/>'))
      expect(kept).toEqual([true, false, false, false, true, false])
    }
  })
})

describe('headings', () => {
  it('a heading that starts a page drops its space above; one in the flow keeps its style’s', async () => {
    const [onNewPage, inFlow] = paragraphs(await bodyXml([heading('Terms', 1, { pageBreakBefore: true }), heading('Acceptance', 1)]))
    expect(onNewPage).toMatch(/<w:pageBreakBefore\/>/)
    expect(onNewPage).toMatch(/<w:spacing w:before="0"\/>/)
    expect(inFlow).not.toMatch(/<w:spacing|pageBreakBefore/)
  })
})
