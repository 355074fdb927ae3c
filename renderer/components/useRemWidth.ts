import { useSyncExternalStore } from 'react'

/**
 * The window's width in rem: how many characters of body type fit across, whatever the
 * screen's pixels and the chosen type size (large type makes a 1280 px projector 64 rem
 * wide, extra-large 53). Layouts that must fit decide on this rather than on pixels.
 */
function remWidth(): number {
  const root = Number.parseFloat(getComputedStyle(document.documentElement).fontSize) || 16
  return window.innerWidth / root
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('resize', onChange)
  // The type size changes by a style on <html> (see PreferencesSync).
  const observer = new MutationObserver(onChange)
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['style', 'data-presentation'] })
  return () => {
    window.removeEventListener('resize', onChange)
    observer.disconnect()
  }
}

/** The window's width in rem, rounded down to a tenth so small changes do not re-render. */
export function useRemWidth(): number {
  return useSyncExternalStore(subscribe, () => Math.floor(remWidth() * 10) / 10)
}

/** The root font size in px (16 at normal type, 20 at large, 24 at extra-large). */
export function useRootFontPx(): number {
  return useSyncExternalStore(subscribe, () => Number.parseFloat(getComputedStyle(document.documentElement).fontSize) || 16)
}
