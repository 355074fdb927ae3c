import { join } from 'node:path'
import { writeFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { applicationMenuTemplate, contextMenuTemplate } from '../../electron/menu'
import { resolveDatabasePath } from '../../electron/paths'
import { DEFAULT_WINDOW_STATE, fitToDisplays, loadWindowState, saveWindowState } from '../../electron/window-state'
import { tempDir } from '../helpers/temp'

describe('window size and position', () => {
  it('is remembered across starts', () => {
    const { dir, cleanup } = tempDir()
    const path = join(dir, 'window-state.json')
    expect(loadWindowState(path)).toEqual(DEFAULT_WINDOW_STATE)
    saveWindowState(path, { x: 100, y: 80, width: 1400, height: 900, maximized: true })
    expect(loadWindowState(path)).toEqual({ x: 100, y: 80, width: 1400, height: 900, maximized: true })
    cleanup()
  })

  it('falls back to the default for a damaged or implausible file', () => {
    const { dir, cleanup } = tempDir()
    const path = join(dir, 'window-state.json')
    for (const bad of ['{not json', '{"width": 10, "height": 10}', '{"width": 1200, "height": 800, "evil": true}']) {
      writeFileSync(path, bad)
      expect(loadWindowState(path)).toEqual(DEFAULT_WINDOW_STATE)
    }
    cleanup()
  })

  it('forgets a position on a display that is no longer there', () => {
    const laptop = [{ x: 0, y: 0, width: 1440, height: 900 }]
    const onOldMonitor = { x: 2200, y: 100, width: 1200, height: 800, maximized: false }
    expect(fitToDisplays(onOldMonitor, laptop)).toEqual({ width: 1200, height: 800, maximized: false })
    const visible = { x: 40, y: 30, width: 1200, height: 800, maximized: false }
    expect(fitToDisplays(visible, laptop)).toEqual(visible)
  })
})

describe('menus', () => {
  it('offers platform edit actions in text fields and copy elsewhere', () => {
    const flags = { canCut: true, canCopy: true, canPaste: true, canUndo: true, canRedo: false, canSelectAll: true }
    expect(contextMenuTemplate({ isEditable: true, selectionText: '', editFlags: flags }).map((i) => i.role ?? i.type)).toEqual([
      'undo',
      'separator',
      'cut',
      'copy',
      'paste',
      'selectAll'
    ])
    expect(contextMenuTemplate({ isEditable: false, selectionText: 'hello', editFlags: flags })).toEqual([{ role: 'copy' }])
    expect(contextMenuTemplate({ isEditable: false, selectionText: '  ', editFlags: flags })).toEqual([])
  })

  it('has the app menu first on macOS and devtools only in development', () => {
    const mac = applicationMenuTemplate('darwin', 'Stagecraft', false)
    expect(mac[0]!.label).toBe('Stagecraft')
    const roles = (t: ReturnType<typeof applicationMenuTemplate>) => JSON.stringify(t)
    expect(roles(mac)).not.toContain('toggleDevTools')
    expect(roles(applicationMenuTemplate('linux', 'Stagecraft', true))).toContain('toggleDevTools')
  })
})

describe('database location', () => {
  it('lives in userData unless STAGECRAFT_DB says otherwise', () => {
    expect(resolveDatabasePath({}, '/home/u/.config/Stagecraft')).toBe(join('/home/u/.config/Stagecraft', 'stagecraft.db'))
    expect(resolveDatabasePath({ STAGECRAFT_DB: '/tmp/x.db' }, '/ignored')).toBe('/tmp/x.db')
    expect(resolveDatabasePath({ STAGECRAFT_DB: '  ' }, '/u')).toBe(join('/u', 'stagecraft.db'))
  })
})
