import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, safeStorage, screen, session, shell } from 'electron'
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { systemDeps } from '../db/deps'
import { DatabaseOpenError } from '../db/errors'
import { createAppController, type AppController } from './app-controller'
import { registerIpc, type IpcMainLike } from './ipc'
import { applicationMenuTemplate, contextMenuTemplate } from './menu'
import { resolveDatabasePath, windowStatePath } from './paths'
import { createAppProtocolHandler } from './protocol'
import {
  APP_ENTRY_URL,
  APP_ORIGIN,
  APP_SCHEME,
  APP_SCHEME_PRIVILEGES,
  isAllowedNavigation,
  isAllowedRequest,
  permissionCheckHandler,
  permissionRequestHandler,
  secureWebPreferences,
  windowOpenDecision
} from './security'
import { keychainSecrets } from './team-secrets'
import { DEFAULT_WINDOW_STATE, fitToDisplays, loadWindowState, saveWindowState } from './window-state'

const here = fileURLToPath(new URL('.', import.meta.url))
const devServerUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined
const isDev = devServerUrl !== undefined

// Must happen before `ready`: app:// behaves like a normal secure origin.
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: APP_SCHEME_PRIVILEGES }])
app.enableSandbox()

let controller: AppController | undefined
let mainWindow: BrowserWindow | undefined
// The save dialog opens where the user saved last time.
let lastFolder: string | undefined

function showFatal(message: string): void {
  dialog.showErrorBox('Stagecraft cannot open your data', message)
  app.quit()
}

function createWindow(): BrowserWindow {
  const statePath = windowStatePath(app.getPath('userData'))
  const state = fitToDisplays(
    loadWindowState(statePath),
    screen.getAllDisplays().map((d) => d.workArea)
  )
  const win = new BrowserWindow({
    ...state,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'Stagecraft',
    backgroundColor: '#101113',
    // Written out where the window is made, so a reviewer or a scanner (Electronegativity, in
    // CI) sees every decision here; `satisfies` keeps it identical to secureWebPreferences(),
    // which the unit tests check, and main-smoke checks that these are the options used.
    webPreferences: {
      preload: join(here, '../preload/preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      enableBlinkFeatures: '',
      disableBlinkFeatures: 'Auxclick',
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      safeDialogs: true
    } satisfies ReturnType<typeof secureWebPreferences>
  })
  if (state.maximized) win.maximize()
  win.once('ready-to-show', () => win.show())
  const remember = () => {
    if (win.isDestroyed()) return
    const bounds = win.getNormalBounds()
    saveWindowState(statePath, { ...DEFAULT_WINDOW_STATE, ...bounds, maximized: win.isMaximized() })
  }
  win.on('close', remember)
  win.webContents.on('context-menu', (_event, params) => {
    const template = contextMenuTemplate(params)
    if (template.length) Menu.buildFromTemplate(template as Electron.MenuItemConstructorOptions[]).popup({ window: win })
  })
  if (!isDev) win.webContents.on('devtools-opened', () => win.webContents.closeDevTools())
  void win.loadURL(devServerUrl ?? APP_ENTRY_URL)
  return win
}

function hardenContents(): void {
  app.on('web-contents-created', (_event, contents) => {
    const allowed = (url: string) => isAllowedNavigation(url) || (isDev && url.startsWith(devServerUrl!))
    contents.on('will-navigate', (event, url) => {
      if (!allowed(url)) event.preventDefault()
    })
    contents.on('will-redirect', (event, url) => {
      if (!allowed(url)) event.preventDefault()
    })
    contents.on('will-attach-webview', (event) => event.preventDefault())
    contents.setWindowOpenHandler(({ url }) => {
      const decision = windowOpenDecision(url)
      if (decision.openExternally) void shell.openExternal(url)
      return { action: decision.action }
    })
  })
}

async function start(): Promise<void> {
  const ses = session.defaultSession
  ses.setPermissionRequestHandler(permissionRequestHandler)
  ses.setPermissionCheckHandler(permissionCheckHandler)
  // No remote content ever: the spell-checker would otherwise download dictionaries.
  ses.setSpellCheckerEnabled(false)
  ses.setSpellCheckerDictionaryDownloadURL('https://0.0.0.0/')
  ses.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !isAllowedRequest(details.url, isDev ? devServerUrl : undefined) })
  })
  protocol.handle(APP_SCHEME, createAppProtocolHandler(join(here, '../renderer')))

  try {
    controller = createAppController({
      quit: () => app.quit(),
      shell: { openPath: (path) => shell.openPath(path), showItemInFolder: (path) => shell.showItemInFolder(path) },
      databasePath: resolveDatabasePath(process.env, app.getPath('userData')),
      deps: systemDeps,
      appVersion: app.getVersion(),
      trustedOrigin: isDev ? new URL(devServerUrl!).origin : APP_ORIGIN,
      dailyBackup: true,
      deferContentChecks: true,
      dialogs: {
        chooseFileToOpen: async ({ title, filters }) => {
          const options = { title, filters, properties: ['openFile' as const] }
          const r = mainWindow ? await dialog.showOpenDialog(mainWindow, options) : await dialog.showOpenDialog(options)
          return r.canceled ? null : (r.filePaths[0] ?? null)
        },
        chooseFileToSave: async ({ title, defaultName, filters }) => {
          const options = { title, defaultPath: join(lastFolder ?? app.getPath('documents'), defaultName), filters }
          const r = mainWindow ? await dialog.showSaveDialog(mainWindow, options) : await dialog.showSaveDialog(options)
          if (r.canceled || !r.filePath) return null
          lastFolder = dirname(r.filePath)
          return r.filePath
        },
        chooseFolder: async ({ title }) => {
          const options = { title, properties: ['openDirectory' as const, 'createDirectory' as const] }
          const r = mainWindow ? await dialog.showOpenDialog(mainWindow, options) : await dialog.showOpenDialog(options)
          return r.canceled ? null : (r.filePaths[0] ?? null)
        }
      },
      secrets: keychainSecrets(safeStorage, join(app.getPath('userData'), 'team-sign-in.bin'), {
        read: (p) => (existsSync(p) ? readFileSync(p) : null),
        write: (p, data) => writeFileSync(p, data, { mode: 0o600 }),
        remove: (p) => rmSync(p, { force: true })
      }),
      syncEveryMs: 60_000,
      onUnexpectedError: (channel, error) => console.error(`[ipc ${channel}]`, error)
    })
    // A damaged database is quarantined and the window opens on the recovery screen.
    await controller.start()
  } catch (error) {
    showFatal(error instanceof DatabaseOpenError ? error.message : `An unexpected problem stopped Stagecraft: ${String(error)}`)
    return
  }
  registerIpc(ipcMain as unknown as IpcMainLike, controller.dispatch)
  Menu.setApplicationMenu(Menu.buildFromTemplate(applicationMenuTemplate(process.platform, app.name, isDev) as Electron.MenuItemConstructorOptions[]))
  mainWindow = createWindow()
}

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return
    if (mainWindow.isMinimized()) mainWindow.restore()
    mainWindow.focus()
  })
  hardenContents()
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
  app.on('activate', () => {
    if (controller && BrowserWindow.getAllWindows().length === 0) mainWindow = createWindow()
  })
  // A last backup and a clean close before the process exits.
  let closing = false
  app.on('will-quit', (event) => {
    if (closing || !controller) return
    closing = true
    event.preventDefault()
    void controller.close().finally(() => app.quit())
  })
  void app.whenReady().then(start)
}
