#!/usr/bin/env node
// Launches the TypeScript CLI (cli/main.ts) through tsx's loader, from any directory.
import { register } from 'tsx/esm/api'

register()
await import(new URL('../cli/main.ts', import.meta.url).href)
