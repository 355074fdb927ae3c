#!/usr/bin/env node
// Launches the team server (server/main.ts) through tsx's loader, from any directory.
import { register } from 'tsx/esm/api'

register()
await import(new URL('../server/main.ts', import.meta.url).href)
