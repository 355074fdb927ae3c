import { secureWebPreferences } from '../../electron/security'
import { spawn } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { CHANNELS } from '../../shared/ipc/channels'
import { tempDir } from '../helpers/temp'

const root = join(import.meta.dirname, '..', '..')
const mainJs = join(root, 'out', 'main', 'main.js')
const preloadJs = join(root, 'out', 'preload', 'preload.cjs')

function runMain(userData: string, reportPath: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', join(root, 'tests/helpers/electron-stub/register.mjs'), mainJs], {
      env: { ...process.env, STUB_USER_DATA: userData, STUB_REPORT: reportPath, STAGECRAFT_DB: '' },
      stdio: ['ignore', 'pipe', 'pipe']
    })
    let stderr = ''
    child.stderr.on('data', (d) => (stderr += String(d)))
    const timer = setInterval(() => {
      if (!existsSync(reportPath)) return
      const report = JSON.parse(readFileSync(reportPath, 'utf8'))
      if (report.ipcProbe || report.errors.length) {
        clearInterval(timer)
        child.kill()
        resolve()
      }
    }, 50)
    child.on('exit', (code) => {
      clearInterval(timer)
      if (existsSync(reportPath)) resolve()
      else reject(new Error(`main exited with ${code} before reporting:\n${stderr}`))
    })
  })
}

describe('the built main process under a stand-in electron module', () => {
  let report: any
  let userData: string
  beforeAll(async () => {
    if (!existsSync(mainJs)) throw new Error('Build first: `npm run build:renderer` (npm test does this).')
    const t = tempDir()
    userData = t.dir
    const reportPath = join(userData, 'report.json')
    await runMain(userData, reportPath)
    report = JSON.parse(readFileSync(reportPath, 'utf8'))
  }, 60_000)

  it('starts without errors, sandboxed and single-instance', () => {
    expect(report.errors).toEqual([])
    expect(report.sandboxEnabled).toBe(true)
    expect(report.singleInstanceRequested).toBe(true)
  })

  it('creates the database in userData', () => {
    expect(existsSync(join(userData, 'stagecraft.db'))).toBe(true)
    expect(existsSync(join(userData, 'backups'))).toBe(true) // the first daily backup
  })

  it('opens one secure window on app://', () => {
    expect(report.windows).toHaveLength(1)
    const { options, loadedUrl } = report.windows[0]
    expect(loadedUrl).toBe('app://stagecraft/index.html')
    // Exactly the tested secure preferences, written out in main.ts where the window is made.
    expect(options.webPreferences).toEqual(secureWebPreferences(options.webPreferences.preload))
    expect(options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, disableBlinkFeatures: 'Auxclick' })
    expect(options.webPreferences.preload).toMatch(/preload[\\/]preload\.cjs$/)
    expect(existsSync(options.webPreferences.preload)).toBe(true)
  })

  it('registers app:// as a privileged scheme and serves the renderer with the CSP, refusing traversal', () => {
    expect(report.schemes).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } }])
    expect(report.protocolHandlers).toEqual(['app'])
    expect(report.protocolProbe).toMatchObject({ status: 200, bodyHasRoot: true, traversalStatus: 404 })
    expect(report.protocolProbe.csp).toContain("script-src 'self'")
  })

  it('registers every contract channel exactly once and checks the sender', () => {
    expect([...report.ipcChannels].sort()).toEqual([...CHANNELS].sort())
    expect(report.ipcProbe).toEqual({ trusted: true, foreign: 'FORBIDDEN', subFrame: 'FORBIDDEN' })
  })

  it('denies permissions, disables the spell-checker download and cancels remote requests', () => {
    expect(report.permissionRequestHandler).toBe(true)
    expect(report.permissionCheckHandler).toBe(true)
    expect(report.spellCheckerEnabled).toBe(false)
    expect(report.requestFilter).toBe(true)
    expect(report.requestProbe).toEqual({ appCancelled: false, remoteCancelled: true })
  })

  it('guards navigation, redirects and new windows for every web contents', () => {
    expect(report.contentsGuards).toMatchObject({
      blocksRemoteNavigation: true,
      allowsOwnNavigation: true,
      blocksRemoteRedirect: true,
      windowOpen: 'deny'
    })
    expect(report.contentsGuards.events).toEqual(expect.arrayContaining(['will-navigate', 'will-redirect', 'will-attach-webview']))
  })

  it('has an Edit menu so copy, paste and undo work on macOS', () => {
    const edit = report.applicationMenu.find((m: { label: string }) => m.label === 'Edit')
    expect(edit.roles).toEqual(expect.arrayContaining(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll']))
  })
})

describe('the built preload', () => {
  it('is one CommonJS file that requires nothing but electron', () => {
    const source = readFileSync(preloadJs, 'utf8')
    const required = [...source.matchAll(/require\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1])
    expect(required).toEqual(['electron'])
    expect(source).not.toMatch(/^\s*import\s|^\s*export\s/m)
  })

  it('exposes only the contract functions through the context bridge', async () => {
    const source = readFileSync(preloadJs, 'utf8')
    const exposed: Record<string, unknown> = {}
    const invoked: [string, unknown][] = []
    const fakeElectron = {
      contextBridge: { exposeInMainWorld: (key: string, value: unknown) => (exposed[key] = value) },
      ipcRenderer: { invoke: async (channel: string, payload: unknown) => void invoked.push([channel, payload]) }
    }
    const fn = new Function('require', 'module', 'exports', source)
    fn(
      (name: string) => {
        if (name !== 'electron') throw new Error(`preload required ${name}`)
        return fakeElectron
      },
      { exports: {} },
      {}
    )
    expect(Object.keys(exposed)).toEqual(['stagecraft'])
    const api = exposed.stagecraft as Record<string, Record<string, (p: unknown) => Promise<unknown>>>
    const names = Object.entries(api).flatMap(([d, fns]) => Object.keys(fns).map((f) => `${d}.${f}`))
    expect(names).toHaveLength(CHANNELS.length)
    await api.clients!.list!({ search: 'x' })
    expect(invoked).toEqual([['clients:list', { search: 'x' }]])
  })
})
