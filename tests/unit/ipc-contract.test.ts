import { describe, expect, it, vi } from 'vitest'
import { createApi } from '../../shared/ipc/api'
import { CHANNELS } from '../../shared/ipc/channels'
import { contract } from '../../shared/ipc/contract'
import { z } from 'zod'

describe('the IPC contract', () => {
  it('lists exactly the contract channels, each named domain:kebab-action', () => {
    expect([...CHANNELS].sort()).toEqual(Object.keys(contract).sort())
    for (const channel of CHANNELS) expect(channel).toMatch(/^[a-z]+:[a-z]+(-[a-z]+)*$/)
    expect(new Set(CHANNELS).size).toBe(CHANNELS.length)
  })

  it('refuses unknown keys in every object input', () => {
    for (const [channel, spec] of Object.entries(contract)) {
      const schema = spec.input as z.ZodType
      const withExtra = schema.safeParse({ __unexpected: true })
      expect(withExtra.success, channel).toBe(false)
    }
  })

  it('builds one function per channel that calls invoke with the channel name', async () => {
    const invoke = vi.fn(async (channel: string, payload: unknown) => ({ ok: true, value: { channel, payload } }))
    const api = createApi(invoke)
    await api.clients.deletePreview({ id: 'x' })
    expect(invoke).toHaveBeenCalledWith('clients:delete-preview', { id: 'x' })
    await api.app.info({})
    expect(invoke).toHaveBeenLastCalledWith('app:info', {})
    const names = Object.entries(api).flatMap(([d, fns]) => Object.keys(fns).map((f) => `${d}.${f}`))
    expect(names).toHaveLength(CHANNELS.length)
    for (const group of Object.values(api)) for (const fn of Object.values(group)) expect(typeof fn).toBe('function')
  })
})
