import { readFile } from 'node:fs/promises'
import { extname, join, normalize, relative, isAbsolute, sep } from 'node:path'
import { APP_HOST, CONTENT_SECURITY_POLICY } from './security'

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.ico': 'image/x-icon'
}

/**
 * Maps an app:// URL to a file inside the renderer folder, or null when it would leave
 * that folder (`..`, encoded `%2e%2e`, backslashes, absolute paths) or names another host.
 */
export function resolveAppPath(rendererDir: string, rawUrl: string): string | null {
  // Dot segments, raw or percent-encoded, are never part of a legitimate asset URL:
  // refuse them outright rather than trusting normalisation to keep us inside the folder.
  if (/(^|[/\\])(\.|%2e){2}([/\\?#]|%2f|%5c|$)/i.test(rawUrl) || /%2e%2e|\.\.%2f|\.\.%5c/i.test(rawUrl)) return null
  let url: URL
  try {
    url = new URL(rawUrl)
  } catch {
    return null
  }
  if (url.host !== APP_HOST) return null
  let pathname: string
  try {
    pathname = decodeURIComponent(url.pathname)
  } catch {
    return null
  }
  if (pathname.includes('\0') || pathname.includes('\\')) return null
  const wanted = pathname === '/' || pathname === '' ? '/index.html' : pathname
  const target = normalize(join(rendererDir, wanted))
  const rel = relative(rendererDir, target)
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel) || rel.split(sep).includes('..')) return null
  return target
}

/** The handler `protocol.handle('app', …)` uses; built on the web's Request and Response. */
export function createAppProtocolHandler(rendererDir: string) {
  return async (request: Request): Promise<Response> => {
    const headers = {
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
      'Cross-Origin-Opener-Policy': 'same-origin'
    }
    if (request.method !== 'GET') return new Response('Method not allowed', { status: 405, headers })
    const path = resolveAppPath(rendererDir, request.url)
    if (!path) return new Response('Not found', { status: 404, headers })
    try {
      const body = await readFile(path)
      return new Response(body, {
        status: 200,
        headers: { ...headers, 'Content-Type': MIME[extname(path).toLowerCase()] ?? 'application/octet-stream' }
      })
    } catch {
      return new Response('Not found', { status: 404, headers })
    }
  }
}
