import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createAppProtocolHandler, resolveAppPath } from '../../electron/protocol'
import {
  APP_SCHEME_PRIVILEGES,
  CONTENT_SECURITY_POLICY,
  isAllowedNavigation,
  isAllowedRequest,
  isSafeExternalUrl,
  permissionCheckHandler,
  permissionRequestHandler,
  secureWebPreferences,
  windowOpenDecision
} from '../../electron/security'

describe('window web preferences', () => {
  it('isolates, sandboxes and denies Node to the renderer', () => {
    const prefs = secureWebPreferences('/app/preload.cjs')
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      spellcheck: false,
      disableBlinkFeatures: 'Auxclick'
    })
  })
})

describe('content security policy', () => {
  const directives = Object.fromEntries(
    CONTENT_SECURITY_POLICY.split(';').map((d) => {
      const [name, ...values] = d.trim().split(/\s+/)
      return [name, values]
    })
  )
  it('allows scripts only from our own origin, never eval or inline', () => {
    expect(directives['script-src']).toEqual(["'self'"])
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval/)
    expect(directives['default-src']).toEqual(["'none'"])
    expect(directives['object-src']).toEqual(["'none'"])
    expect(directives['base-uri']).toEqual(["'none'"])
    expect(directives['frame-ancestors']).toEqual(["'none'"])
  })
  it('names no remote origin anywhere', () => {
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:|\*|wss?:/)
  })
})

describe('navigation and requests', () => {
  it.each([
    ['app://stagecraft/index.html', true],
    ['app://stagecraft/#/clients', true],
    ['app://evil/index.html', false],
    ['https://example.com', false],
    ['file:///etc/passwd', false],
    ['javascript:alert(1)', false],
    ['not a url', false]
  ])('navigation to %s allowed: %s', (url, allowed) => {
    expect(isAllowedNavigation(url)).toBe(allowed)
  })

  it.each([
    ['app://stagecraft/assets/index.js', true],
    ['data:image/png;base64,AAAA', true],
    ['https://fonts.example.com/font.woff2', false],
    ['http://127.0.0.1:8080/', false],
    ['ws://localhost:5173', false]
  ])('request to %s allowed: %s', (url, allowed) => {
    expect(isAllowedRequest(url)).toBe(allowed)
  })

  it('allows the dev server only when one is given', () => {
    expect(isAllowedRequest('http://localhost:5173/src/main.tsx', 'http://localhost:5173')).toBe(true)
    expect(isAllowedRequest('http://localhost:5174/', 'http://localhost:5173')).toBe(false)
  })
})

describe('external links and new windows', () => {
  const allow = new Set(['stagecraft.app'])
  it.each([
    ['https://stagecraft.app/help', true],
    ['mailto:ana@example.com', true],
    ['javascript:alert(1)', false],
    ['file:///C:/Windows/system32/calc.exe', false],
    ['smb://server/share', false],
    ['http://stagecraft.app/help', false],
    ['https://stagecraft.app.evil.com/', false],
    ['https://stagecraft.app@evil.com/', false],
    ['https://user:pass@stagecraft.app/', false],
    ['https://xn--stagecraft-9za.app/', false],
    ['https://evil.com/?https://stagecraft.app', false],
    ['mailto:a@b.com?attach=/etc/passwd@', true],
    ['', false]
  ])('%s opens externally: %s', (url, safe) => {
    expect(isSafeExternalUrl(url, allow)).toBe(safe)
  })

  it('denies every window.open', () => {
    expect(windowOpenDecision('https://example.com').action).toBe('deny')
    expect(windowOpenDecision('app://stagecraft/index.html').action).toBe('deny')
  })

  it('denies every permission request and check', () => {
    let granted: boolean | undefined
    permissionRequestHandler(null, 'media', (g) => (granted = g))
    expect(granted).toBe(false)
    expect(permissionCheckHandler()).toBe(false)
  })
})

describe('the app:// protocol', () => {
  const root = join('/opt', 'stagecraft', 'renderer')
  it.each([
    ['app://stagecraft/index.html', join(root, 'index.html')],
    ['app://stagecraft/', join(root, 'index.html')],
    ['app://stagecraft/assets/app.js', join(root, 'assets', 'app.js')],
    ['app://stagecraft/assets/app.js?v=2#top', join(root, 'assets', 'app.js')]
  ])('maps %s inside the renderer folder', (url, expected) => {
    expect(resolveAppPath(root, url)).toBe(expected)
  })

  it.each([
    'app://stagecraft/%2e%2e/%2e%2e/etc/passwd',
    'app://stagecraft/../secret.txt',
    'app://stagecraft/assets/../../secret.txt',
    'app://stagecraft/.%2e/secret.txt',
    'app://stagecraft/%2E%2E%2Fsecret',
    'app://stagecraft/assets/..%2f..%2f..%2fetc%2fpasswd',
    'app://stagecraft/..%5c..%5cwindows',
    'app://stagecraft/%00.html',
    'app://stagecraft/%E0%A4%A',
    'app://other/index.html',
    'not a url'
  ])('refuses %s', (url) => {
    expect(resolveAppPath(root, url)).toBeNull()
  })

  it('serves files with the CSP header and 404s what it refuses', async () => {
    const dir = join(import.meta.dirname, '..', 'fixtures', 'protocol')
    const handler = createAppProtocolHandler(dir)
    const ok = await handler(new Request('app://stagecraft/index.html'))
    expect(ok.status).toBe(200)
    expect(ok.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY)
    expect(ok.headers.get('content-type')).toMatch(/text\/html/)
    expect(await ok.text()).toContain('protocol fixture')
    const traversal = await handler(new Request('app://stagecraft/%2e%2e/%2e%2e/package.json'))
    expect(traversal.status).toBe(404)
    const post = await handler(new Request('app://stagecraft/index.html', { method: 'POST', body: 'x' }))
    expect(post.status).toBe(405)
  })
})

describe('the app:// scheme', () => {
  it('is a standard secure origin with the code cache, and opens nothing else', () => {
    // codeCache only works on a standard scheme; bypassCSP, corsEnabled and service workers stay off.
    expect(APP_SCHEME_PRIVILEGES).toEqual({ standard: true, secure: true, supportFetchAPI: true, codeCache: true })
  })
})
