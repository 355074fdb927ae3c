/**
 * Every security decision of the main process as a pure function, so each one is
 * tested without launching Electron (see docs/security.md).
 */

export const APP_SCHEME = 'app'

/**
 * How app:// is registered: a standard, secure origin with fetch, and V8's code cache so a
 * second start does not compile the renderer's JavaScript again (needs `standard`). No
 * CSP bypass, no service workers, no CORS opening.
 */
export const APP_SCHEME_PRIVILEGES = { standard: true, secure: true, supportFetchAPI: true, codeCache: true } as const
export const APP_HOST = 'stagecraft'
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`

/** The window's web preferences: isolated, sandboxed, no Node, no remote spell-check. */
export function secureWebPreferences(preloadPath: string) {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    enableBlinkFeatures: '',
    // Middle-click would otherwise open a link in a new window, past the navigation guards.
    disableBlinkFeatures: 'Auxclick',
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: false,
    safeDialogs: true
  } as const
}

/**
 * The Content-Security-Policy sent with every app:// response. Scripts only from our
 * own origin (no eval, no inline script); styles allow inline because the component
 * library sets CSS variables at run time; no network origin at all.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "manifest-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-src 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
  "worker-src 'self' blob:"
].join('; ')

/** Only our own entry page may be loaded in the window; everything else is refused. */
export function isAllowedNavigation(url: string): boolean {
  try {
    const u = new URL(url)
    return u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST
  } catch {
    return false
  }
}

const EXTERNAL_HOSTS = new Set<string>([])

/**
 * Links the app may hand to the operating system: https only, no credentials in the
 * URL, and only hosts on the allow-list (mailto: opens the mail client).
 */
export function isSafeExternalUrl(raw: string, allowedHosts: ReadonlySet<string> = EXTERNAL_HOSTS): boolean {
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    return false
  }
  if (url.protocol === 'mailto:') return /^[^@\s/\\]+@[^@\s/\\]+$/.test(decodeURIComponent(url.pathname))
  if (url.protocol !== 'https:') return false
  if (url.username || url.password) return false
  return allowedHosts.has(url.hostname.toLowerCase())
}

/** Every permission request (camera, notifications, geolocation…) is denied. */
export const permissionRequestHandler = (_webContents: unknown, _permission: string, callback: (granted: boolean) => void): void => callback(false)

export const permissionCheckHandler = (): boolean => false

/** New windows are never opened by the renderer; safe links go to the system browser. */
export function windowOpenDecision(url: string): { action: 'deny'; openExternally: boolean } {
  return { action: 'deny', openExternally: isSafeExternalUrl(url) }
}

/**
 * Requests the window may make at all: our own origin and inline data. Anything with a
 * network origin is cancelled, so no remote content can ever load.
 */
export function isAllowedRequest(url: string, devServerUrl?: string): boolean {
  if (devServerUrl && (url.startsWith(devServerUrl) || url.startsWith(devServerUrl.replace(/^http/, 'ws')))) return true
  try {
    const u = new URL(url)
    if (u.protocol === 'data:' || u.protocol === 'blob:' || u.protocol === 'devtools:') return true
    return u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST
  } catch {
    return false
  }
}
