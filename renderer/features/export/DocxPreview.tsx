import { Center, Group, Loader, Text } from '@mantine/core'
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

/** Scales the pages down to the preview's width (never up), so a page is seen whole, without sideways scrolling. */
function fitPages(frame: HTMLElement, target: HTMLElement): void {
  const page = target.querySelector<HTMLElement>('section.sc-docx')
  const wrapper = target.querySelector<HTMLElement>('.sc-docx-wrapper')
  if (!page || !wrapper) return
  wrapper.style.zoom = '1'
  const needed = page.offsetWidth + 48 // the wrapper's padding on both sides
  const zoom = Math.min(1, frame.clientWidth / needed)
  wrapper.style.zoom = String(Math.floor(zoom * 1000) / 1000)
}

/**
 * Renders the document's first pages in the window (docx-preview, loaded only on this
 * screen). It is a preview: Word and LibreOffice lay text out slightly differently. While the
 * document is built, and then drawn, it says which; the pages are scaled to fit the frame.
 */
export function DocxPreview({ base64, building = false, what = 'document' }: { base64: string | undefined; building?: boolean; what?: string }) {
  const frame = useRef<HTMLDivElement>(null)
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
        if (frame.current) fitPages(frame.current, target)
        if (!cancelled) setState('idle')
      } catch {
        if (!cancelled) setState('error')
      }
    })()
    return () => {
      cancelled = true
    }
  }, [base64])
  // The frame's width changes with the window and the type size: the pages follow.
  useEffect(() => {
    const f = frame.current
    const target = container.current
    if (!f || !target) return
    const observer = new ResizeObserver(() => fitPages(f, target))
    observer.observe(f)
    return () => observer.disconnect()
  }, [])
  const busy = building ? `Building the ${what}…` : state === 'rendering' ? 'Drawing the first pages…' : null
  return (
    <div className="sc-preview" ref={frame} aria-label="Preview of the first pages" aria-busy={busy !== null}>
      {busy && (
        <Center p="md" className="sc-preview-status">
          <Group gap="sm" wrap="nowrap" role="status" aria-live="polite">
            <Loader size="sm" />
            <Text size="sm" c="dimmed" data-testid="preview-status">
              {busy}
            </Text>
          </Group>
        </Center>
      )}
      {state === 'error' && (
        <Text c="dimmed" p="md">
          The preview could not be drawn; the document itself is fine to export.
        </Text>
      )}
      <div ref={container} style={{ opacity: building ? 0.5 : 1, transition: 'opacity 120ms' }} />
    </div>
  )
}
