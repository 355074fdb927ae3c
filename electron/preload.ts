import { contextBridge, ipcRenderer } from 'electron'
import { API_GLOBAL, createApi } from '../shared/ipc/api'

// Only the contract's functions cross into the page: no ipcRenderer, no Node.
contextBridge.exposeInMainWorld(
  API_GLOBAL,
  createApi((channel, payload) => ipcRenderer.invoke(channel, payload))
)
