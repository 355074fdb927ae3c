// A stand-in for Electron's main-process API that records what the app asks of it,
// then writes a report the smoke test reads. Nothing here launches a browser.
import { writeFileSync } from 'node:fs'

const report = {
  sandboxEnabled: false,
  singleInstanceRequested: false,
  schemes: [],
  protocolHandlers: [],
  ipcChannels: [],
  permissionRequestHandler: false,
  permissionCheckHandler: false,
  spellCheckerEnabled: null,
  requestFilter: false,
  applicationMenu: null,
  windows: [],
  appEvents: [],
  contentsEvents: [],
  errors: [],
  protocolProbe: null,
  ipcProbe: null,
  requestProbe: null
}
const ipcHandlers = new Map()
const protocolHandlers = new Map()
let requestFilter = null
const appListeners = new Map()

const write = () => writeFileSync(process.env.STUB_REPORT, JSON.stringify(report, null, 2))

export const app = {
  isPackaged: false,
  name: 'Stagecraft',
  getVersion: () => '0.1.0',
  getPath: (name) => {
    if (name !== 'userData') throw new Error(`unexpected getPath(${name})`)
    return process.env.STUB_USER_DATA
  },
  enableSandbox: () => {
    report.sandboxEnabled = true
  },
  requestSingleInstanceLock: () => {
    report.singleInstanceRequested = true
    return true
  },
  whenReady: () => Promise.resolve(),
  on: (event, fn) => {
    report.appEvents.push(event)
    appListeners.set(event, fn)
  },
  quit: () => {
    report.quit = true
    write()
  }
}

export const protocol = {
  registerSchemesAsPrivileged: (schemes) => report.schemes.push(...schemes),
  handle: (scheme, handler) => {
    report.protocolHandlers.push(scheme)
    protocolHandlers.set(scheme, handler)
  }
}

export const session = {
  defaultSession: {
    setPermissionRequestHandler: (fn) => {
      let granted = null
      fn(null, 'media', (g) => (granted = g))
      report.permissionRequestHandler = granted === false
    },
    setPermissionCheckHandler: (fn) => {
      report.permissionCheckHandler = fn(null, 'media') === false
    },
    setSpellCheckerEnabled: (on) => {
      report.spellCheckerEnabled = on
    },
    setSpellCheckerDictionaryDownloadURL: (url) => {
      report.spellCheckerDictionaryUrl = url
    },
    webRequest: {
      onBeforeRequest: (fn) => {
        report.requestFilter = true
        requestFilter = fn
      }
    }
  }
}

export const ipcMain = {
  handle: (channel, fn) => {
    if (ipcHandlers.has(channel)) throw new Error(`second handler for ${channel}`)
    report.ipcChannels.push(channel)
    ipcHandlers.set(channel, fn)
  }
}

export const Menu = {
  buildFromTemplate: (template) => ({ template, popup: () => {} }),
  setApplicationMenu: (menu) => {
    report.applicationMenu = menu.template.map((m) => ({ label: m.label, roles: (m.submenu ?? []).map((s) => s.role).filter(Boolean) }))
  }
}

export const screen = { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] }
export const dialog = {
  showErrorBox: (title, message) => {
    report.errors.push({ title, message })
    write()
  }
}
export const shell = { openExternal: async () => {} }
// No keychain in the stand-in: team sign-in is refused, as on a system without one.
export const safeStorage = {
  isEncryptionAvailable: () => false,
  encryptString: () => {
    throw new Error('no keychain')
  },
  decryptString: () => {
    throw new Error('no keychain')
  }
}

async function probe(url) {
  const handler = protocolHandlers.get('app')
  const entry = await handler(new Request(url))
  const traversal = await handler(new Request('app://stagecraft/%2e%2e/%2e%2e/package.json'))
  report.protocolProbe = {
    status: entry.status,
    csp: entry.headers.get('content-security-policy'),
    bodyHasRoot: (await entry.text()).includes('id="root"'),
    traversalStatus: traversal.status
  }
  const mainFrame = { url }
  const trusted = await ipcHandlers.get('clients:list')({ senderFrame: mainFrame, sender: { mainFrame } }, {})
  const foreignFrame = { url: 'https://evil.example/' }
  const foreign = await ipcHandlers.get('clients:list')({ senderFrame: foreignFrame, sender: { mainFrame: foreignFrame } }, {})
  const subFrame = { url }
  const sub = await ipcHandlers.get('clients:list')({ senderFrame: subFrame, sender: { mainFrame } }, {})
  report.ipcProbe = { trusted: trusted.ok, foreign: foreign.error?.code, subFrame: sub.error?.code }
  const decide = (u) => new Promise((resolve) => requestFilter({ url: u }, (r) => resolve(r.cancel)))
  report.requestProbe = {
    appCancelled: await decide('app://stagecraft/assets/x.js'),
    remoteCancelled: await decide('https://cdn.example.com/x.js')
  }
}

export class BrowserWindow {
  static getAllWindows = () => []
  constructor(options) {
    this.options = options
    this.contents = { events: [], windowOpenHandler: null }
    const contents = this.contents
    this.webContents = {
      on: (event) => contents.events.push(event),
      closeDevTools: () => {},
      setWindowOpenHandler: (fn) => (contents.windowOpenHandler = fn)
    }
    report.windows.push({ options })
  }
  once() {}
  on() {}
  maximize() {}
  isDestroyed() {
    return false
  }
  async loadURL(url) {
    report.windows.at(-1).loadedUrl = url
    report.windows.at(-1).webContentsEvents = this.contents.events
    // What the app registers for every web contents (navigation, redirects, new windows).
    const created = appListeners.get('web-contents-created')
    if (created) {
      const events = {}
      let openHandler = null
      created({}, { on: (e, fn) => (events[e] = fn), setWindowOpenHandler: (fn) => (openHandler = fn) })
      const nav = (e, target) => {
        let prevented = false
        events[e]({ preventDefault: () => (prevented = true) }, target)
        return prevented
      }
      report.contentsGuards = {
        events: Object.keys(events).sort(),
        blocksRemoteNavigation: nav('will-navigate', 'https://evil.example/'),
        allowsOwnNavigation: !nav('will-navigate', 'app://stagecraft/index.html'),
        blocksRemoteRedirect: nav('will-redirect', 'https://evil.example/'),
        windowOpen: openHandler?.({ url: 'https://evil.example/' })?.action
      }
    }
    try {
      await probe(url)
    } catch (error) {
      report.errors.push({ title: 'probe failed', message: String(error?.stack ?? error) })
    }
    write()
  }
}
