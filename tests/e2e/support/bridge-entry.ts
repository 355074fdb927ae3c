/// <reference lib="dom" />
import { API_GLOBAL, createApi } from '../../../shared/ipc/api'

declare global {
  interface Window {
    __stagecraftInvoke: (channel: string, payload: unknown) => Promise<unknown>
  }
}

// The same createApi the preload uses, with Playwright's binding as the transport.
Object.defineProperty(window, API_GLOBAL, {
  value: Object.freeze(createApi((channel, payload) => window.__stagecraftInvoke(channel, payload))),
  writable: false
})
