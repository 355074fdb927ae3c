// Loaded with `node --import` so the built main process gets our stand-in for `electron`.
import { register } from 'node:module'

register('./hooks.mjs', import.meta.url)
