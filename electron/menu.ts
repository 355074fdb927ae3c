/** The application menu as data (Electron's MenuItemConstructorOptions shape). */
export interface MenuItemSpec {
  label?: string
  role?: string
  type?: 'separator'
  accelerator?: string
  submenu?: MenuItemSpec[]
  id?: string
}

export function applicationMenuTemplate(platform: NodeJS.Platform, appName: string, isDev: boolean): MenuItemSpec[] {
  const mac = platform === 'darwin'
  const template: MenuItemSpec[] = []
  if (mac) {
    template.push({
      label: appName,
      submenu: [
        { role: 'about' },
        { type: 'separator' },
        { role: 'services' },
        { type: 'separator' },
        { role: 'hide' },
        { role: 'hideOthers' },
        { role: 'unhide' },
        { type: 'separator' },
        { role: 'quit' }
      ]
    })
  }
  template.push({ label: 'File', submenu: [mac ? { role: 'close' } : { role: 'quit' }] })
  // Without an Edit menu, copy, paste and undo do not work in text fields on macOS.
  template.push({
    label: 'Edit',
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'pasteAndMatchStyle' },
      { role: 'delete' },
      { role: 'selectAll' }
    ]
  })
  const view: MenuItemSpec[] = [{ role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, { type: 'separator' }, { role: 'togglefullscreen' }]
  if (isDev) view.unshift({ role: 'reload' }, { role: 'toggleDevTools' }, { type: 'separator' })
  template.push({ label: 'View', submenu: view })
  template.push({ label: 'Window', submenu: mac ? [{ role: 'minimize' }, { role: 'zoom' }, { role: 'front' }] : [{ role: 'minimize' }, { role: 'close' }] })
  return template
}

/** The right-click menu in text fields: what the platform offers, nothing more. */
export function contextMenuTemplate(params: {
  isEditable: boolean
  selectionText: string
  editFlags: { canCut: boolean; canCopy: boolean; canPaste: boolean; canUndo: boolean; canRedo: boolean; canSelectAll: boolean }
}): MenuItemSpec[] {
  const { isEditable, selectionText, editFlags } = params
  if (isEditable) {
    const items: MenuItemSpec[] = []
    if (editFlags.canUndo) items.push({ role: 'undo' })
    if (editFlags.canRedo) items.push({ role: 'redo' })
    if (items.length) items.push({ type: 'separator' })
    if (editFlags.canCut) items.push({ role: 'cut' })
    if (editFlags.canCopy) items.push({ role: 'copy' })
    if (editFlags.canPaste) items.push({ role: 'paste' })
    if (editFlags.canSelectAll) items.push({ role: 'selectAll' })
    return items
  }
  return selectionText.trim() ? [{ role: 'copy' }] : []
}
