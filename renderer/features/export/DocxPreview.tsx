import { Center, Loader, Text } from '@mantine/core'
import { useEffect, useRef, useState } from 'react'

/**
 * Word, LibreOffice and the other readers number pages as they lay them out; this preview
 * breaks pages only where the document forces a break and does not number them, so the
 * footers' "Page … of …" would read "Page  of " (or "Page  of 7"). The preview leaves out the
 * page numbering: from the run that starts with "Page" to the end of its line.
 */
function withoutPageNumbering(root: HTMLElement): void {
  for (const footer of root.querySelectorAll('footer')) {
    for (const span of footer.querySelectorAll('span')) {
      if (!span.isConnected || span.children.length > 0 || !/^\s*Page\s*$/.test(span.textContent ?? '')) continue
      let next = span.nextElementSibling
      span.remove()
      while (next) {
        const after = next.nextElementSibling
        next.remove()
        next = after
      }
    }
  }
}

/**
 * Renders the document's first pages in the window (docx-preview, loaded only on this
 * screen). It is a preview: Word and LibreOffice lay text out slightly differently.
 */
export function DocxPreview({ base64 }: { base64: string | undefined }) {
  const container = useRef<HTMLDivElement>(null)
  const [state, setState] = useState<'idle' | 'rendering' | 'error'>('idle')
  useEffect(() => {
    if (!base64 || !container.current) return
    let cancelled = false
    const target = container.current
    setState('rendering')
    void (async () => {
      try {
        const { renderAsync } = await import('docx-preview')
        const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))
        target.replaceChildren()
        await renderAsync(bytes, target, undefined, {
          className: 'sc-docx',
          inWrapper: true,
          ignoreLastRenderedPageBreak: true,
          useBase64URL: true,
          renderHeaders: true,
          renderFooters: true,
          experimental: false
        })
        // Only the first pages: the rest stays in the file.
        const pages = target.querySelectorAll('section.sc-docx')
        pages.forEach((p, i) => i >= 4 && p.remove())
        withoutPageNumbering(target)
        if (!cancelled) setState('idle')
      } catch {
        if (!cancelled) setState('error')
      }
    })()
    return () => {
      cancelled = true
    }
  }, [base64])
  return (
    <div className="sc-preview" aria-label="Preview of the first pages">
      {state === 'rendering' && (
        <Center p="xl">
          <Loader size="sm" aria-label="Rendering the preview" />
        </Center>
      )}
      {state === 'error' && (
        <Text c="dimmed" p="md">
          The preview could not be drawn; the document itself is fine to export.
        </Text>
      )}
      <div ref={container} />
    </div>
  )
}
