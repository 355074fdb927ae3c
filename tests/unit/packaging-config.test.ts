import { createRequire } from 'node:module'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

const root = join(import.meta.dirname, '..', '..')
const config = createRequire(import.meta.url)(join(root, 'electron-builder.config.cjs'))

describe('packaging configuration (electron-builder cannot run on build machines)', () => {
  it('names the app and ships only the build output', () => {
    expect(config.appId).toBe('app.stagecraft.desktop')
    expect(config.productName).toBe('Stagecraft')
    expect(config.files).toContain('out/**/*')
    expect(config.asar).toBe(true)
  })

  it('unpacks the native SQLite module from the archive', () => {
    expect(config.asarUnpack).toEqual(expect.arrayContaining(['**/node_modules/better-sqlite3/**', '**/*.node']))
  })

  it('builds dmg, NSIS, AppImage and deb', () => {
    expect(config.mac.target[0].target).toBe('dmg')
    expect(config.win.target[0].target).toBe('nsis')
    expect(config.linux.target).toEqual(['AppImage', 'deb'])
  })

  it('hardens Electron with fuses', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      loadBrowserProcessSpecificV8Snapshot: false,
      grantFileProtocolExtraPrivileges: false
    })
  })

  it('has a real square PNG icon of at least 512 pixels', () => {
    const icon = join(root, config.icon)
    expect(existsSync(icon)).toBe(true)
    const png = readFileSync(icon)
    expect(png.subarray(1, 4).toString()).toBe('PNG')
    const width = png.readUInt32BE(16)
    const height = png.readUInt32BE(20)
    expect(width).toBe(height)
    expect(width).toBeGreaterThanOrEqual(512)
  })

  it('points package.json main at the built main process and requires Node 22', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'))
    expect(pkg.main).toBe('./out/main/main.js')
    expect(pkg.engines.node).toMatch(/>=22/)
    expect(pkg.scripts.dist).toContain('electron-builder')
  })
})
