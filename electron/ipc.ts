import { CHANNELS } from '../shared/ipc/channels'
import type { Dispatch, SenderInfo } from './dispatcher'

/** The slice of Electron's IpcMainInvokeEvent the sender check needs. */
export interface InvokeEventLike {
  senderFrame: { url: string } | null
  sender: { mainFrame: unknown }
}

export interface IpcMainLike {
  handle: (channel: string, listener: (event: InvokeEventLike, payload: unknown) => Promise<unknown>) => void
}

export function senderInfo(event: InvokeEventLike): SenderInfo {
  const frame = event.senderFrame
  return { url: frame?.url ?? '', isMainFrame: frame !== null && frame === event.sender.mainFrame }
}

/** Registers every contract channel once, all in this one place. */
export function registerIpc(ipcMain: IpcMainLike, dispatch: Dispatch): string[] {
  const seen = new Set<string>()
  for (const channel of CHANNELS) {
    if (seen.has(channel)) throw new Error(`IPC channel registered twice: ${channel}`)
    seen.add(channel)
    ipcMain.handle(channel, (event, payload) => dispatch(channel, payload, senderInfo(event)))
  }
  return [...seen]
}
