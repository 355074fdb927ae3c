import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { BrandingLogoError, prepareLogo } from '../../../templates/branding'
import { svgToPng } from '../../../templates/charts'
import { sanitiseSvgLogo } from '../../../templates/svg-logo'
import { tempDir } from '../../helpers/temp'

const NS = 'xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"'
const svgLogo = (body: string, size = 'width="40" height="10" viewBox="0 0 40 10"') => `<svg ${NS} ${size}>${body}</svg>`
const logo = (svg: string) => prepareLogo({ mime: 'image/svg+xml', bytes: new TextEncoder().encode(svg) })
const problem = (svg: string): string => {
  try {
    logo(svg)
  } catch (error) {
    if (error instanceof BrandingLogoError) return error.message
    throw error
  }
  throw new Error('expected the logo to be refused')
}
const RECT = '<rect width="40" height="10" fill="#0a7"/>'

describe('SVG logos are parsed and cleaned before they are drawn', () => {
  it('a picture on the laptop named in the logo is not drawn into the document', () => {
    const { dir, cleanup } = tempDir('stagecraft-logo-')
    try {
      const secret = join(dir, 'secret.png')
      writeFileSync(secret, svgToPng(svgLogo('<rect width="40" height="10" fill="red"/>'), { width: 40 }))
      for (const link of [`xlink:href="${secret}"`, `href="${secret}"`, `xlink:href="file://${secret}"`, `href=" ${secret}"`]) {
        const withPicture = logo(svgLogo(`${RECT}<image x="0" y="0" width="40" height="10" ${link}/>`))
        expect(Buffer.from(withPicture.data).equals(Buffer.from(logo(svgLogo(RECT)).data)), link).toBe(true)
      }
    } finally {
      cleanup()
    }
  })

  it('keeps an embedded picture and links inside the file, and the drawing itself', () => {
    const png = Buffer.from(svgToPng(svgLogo('<rect width="40" height="10" fill="blue"/>'), { width: 40 })).toString('base64')
    const clean = sanitiseSvgLogo(
      svgLogo(
        `<defs><linearGradient id="g"><stop offset="0" stop-color="#000"/></linearGradient></defs><rect width="40" height="10" fill="url(#g)"/><use xlink:href="#g"/><image width="40" height="10" xlink:href="data:image/png;base64,${png}"/>`
      )
    )
    expect(clean).toContain('fill="url(#g)"')
    expect(clean).toContain('xlink:href="#g"')
    expect(clean).toContain(`data:image/png;base64,${png}`)
  })

  it('removes scripts, foreign objects, feImage, event handlers and style sheets that reach outside', () => {
    const clean = sanitiseSvgLogo(
      svgLogo(
        `<script>alert(1)</script><foreignObject><div xmlns="http://www.w3.org/1999/xhtml">x</div></foreignObject><filter id="f"><feImage href="/etc/passwd"/></filter><style>@import url(http://example.com/a.css);</style><rect onload="x()" style="fill:url(/tmp/a.svg#p)" width="4" height="4"/><?xml-stylesheet href="a.css"?>`
      )
    )
    expect(clean).not.toMatch(/script|foreignObject|feImage|@import|onload|\/tmp\/a\.svg|xml-stylesheet/i)
    expect(clean).toContain('<rect')
  })

  it.each([
    ['a document type declaration', `<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "x">]>${svgLogo(RECT)}`, /declares a document type/],
    ['markup that does not parse', `<svg ${NS}><rect></svg>`, /not well-formed XML/],
    ['a drawing far taller than wide', svgLogo(RECT, 'width="1" height="20000"'), /far taller than it is wide/],
    [
      'a blur wide enough to freeze the drawing',
      svgLogo(`<filter id="b"><feGaussianBlur stdDeviation="100000"/></filter><rect filter="url(#b)" width="40" height="10"/>`),
      /blur too wide/
    ],
    ['more filter steps than any logo has', svgLogo(`<filter id="b">${'<feOffset dx="1"/>'.repeat(60)}</filter>`), /more than 40 filter steps/],
    ['more elements than any logo has', svgLogo('<g/>'.repeat(25_000)), /more than 20,000 elements/]
  ])('refuses %s, with a message that says so', (_label, svg, message) => {
    expect(problem(svg)).toMatch(message)
  })

  it('still draws an ordinary logo', () => {
    const prepared = logo(svgLogo(`${RECT}<text x="2" y="8" font-size="6">Northwind</text>`))
    expect(prepared).toMatchObject({ type: 'png', width: 1200, height: 300 })
  })
})
