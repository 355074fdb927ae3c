import { Alert, Button, Group, Modal, PasswordInput, Radio, Stack, Text } from '@mantine/core'
import { useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { useNavigate } from 'react-router'
import type { ChannelOutput } from '../../../shared/ipc/contract'
import type { PortableSummary } from '../../../shared/schemas/portable.schema'
import { api, call } from '../../api'
import { notifyError, notifySaved } from '../../components/notify'
import { formatDateTime, plural } from '../../format'

type Ready = Extract<ChannelOutput<'portable:unlock'>, { status: 'ready' }>

/** Import a .stagecraft file: choose it, unlock it if needed, check what is in it, then import. */
/** What the file holds, in one phrase: "2 assessments, a plan (signed), 14 tracked tasks, 6.5 days logged, 3 documents sent and private notes". */
function describeContents(s: PortableSummary): string {
  const parts = [
    plural(s.assessments, 'assessment'),
    ...(s.hasPlan ? [s.signed ? 'a signed plan' : 'a plan'] : []),
    ...(s.trackedItems ? [plural(s.trackedItems, 'tracked task')] : []),
    ...(s.loggedDays ? [`${s.loggedDays} days logged`] : []),
    ...(s.documents ? [plural(s.documents, 'document') + ' sent'] : []),
    ...(s.privateNotes ? ['private notes'] : [])
  ]
  return parts.length > 1 ? `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}` : parts[0]!
}

export function usePortableImport() {
  const navigate = useNavigate()
  const qc = useQueryClient()
  const [step, setStep] = useState<{ kind: 'locked'; token: string } | { kind: 'ready'; info: Ready } | null>(null)
  const [passphrase, setPassphrase] = useState('')
  const [mode, setMode] = useState<'keep-both' | 'replace'>('keep-both')
  const [busy, setBusy] = useState(false)

  const start = async () => {
    try {
      const r = await call(api.portable.inspect({}))
      if (r.status === 'cancelled') return
      setStep(r.status === 'needs-passphrase' ? { kind: 'locked', token: r.token } : { kind: 'ready', info: r })
    } catch (error) {
      notifyError(error, 'That file cannot be imported')
    }
  }
  const unlock = async (token: string) => {
    setBusy(true)
    try {
      setStep({ kind: 'ready', info: await call(api.portable.unlock({ token, passphrase })) })
      setPassphrase('')
    } catch (error) {
      notifyError(error, 'The file stays locked')
    } finally {
      setBusy(false)
    }
  }
  const finish = async (info: Ready) => {
    setBusy(true)
    try {
      const r = await call(api.portable.import({ token: info.token, mode }))
      await qc.invalidateQueries()
      setStep(null)
      notifySaved(`Imported ${info.summary.engagementTitle} for ${info.summary.clientName}. A backup was taken first.`)
      navigate(`/engagements/${r.engagementId}`)
    } catch (error) {
      notifyError(error, 'Nothing was imported')
    } finally {
      setBusy(false)
    }
  }

  const modal = (
    <Modal opened={step !== null} onClose={() => setStep(null)} title="Import an engagement file" size="lg">
      {step?.kind === 'locked' && (
        <Stack>
          <Text size="sm">This file is protected with a passphrase.</Text>
          <PasswordInput
            label="Passphrase"
            value={passphrase}
            onChange={(e) => setPassphrase(e.currentTarget.value)}
            data-autofocus
            onKeyDown={(e) => e.key === 'Enter' && passphrase.length >= 8 && void unlock(step.token)}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setStep(null)}>
              Cancel
            </Button>
            <Button onClick={() => void unlock(step.token)} disabled={passphrase.length < 8} loading={busy}>
              Unlock
            </Button>
          </Group>
        </Stack>
      )}
      {step?.kind === 'ready' && (
        <Stack>
          <Text size="sm">
            <b>{step.info.summary.engagementTitle}</b> for <b>{step.info.summary.clientName}</b>: {describeContents(step.info.summary)}. Exported{' '}
            {formatDateTime(step.info.summary.exportedAt)}.
          </Text>
          {step.info.summary.exists && (
            <Alert color="yellow" variant="light" title="This engagement is already here">
              <Radio.Group value={mode} onChange={(v) => setMode(v as 'keep-both' | 'replace')}>
                <Stack gap="xs" mt="xs">
                  <Radio value="keep-both" label="Keep both (the imported copy is marked “(imported)”)" />
                  <Radio
                    value="replace"
                    label="Replace what is here with the file's version"
                    description="This engagement's assessments, plan, tracking and sent documents here are deleted and the file's put in their place. The client's details are taken from the file only where the file's are newer."
                  />
                </Stack>
              </Radio.Group>
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setStep(null)}>
              Cancel
            </Button>
            <Button onClick={() => void finish(step.info)} loading={busy} color={step.info.summary.exists && mode === 'replace' ? 'red' : undefined}>
              {step.info.summary.exists && mode === 'replace' ? 'Replace and import' : 'Import'}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  )
  return { start, modal }
}
