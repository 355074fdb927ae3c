import { PasswordInput } from '@mantine/core'
import { IconLock } from '@tabler/icons-react'
import { useState } from 'react'

export const MIN_PASSPHRASE = 8

/** A new passphrase typed twice: the state, whether it is usable, and a reset. */
export function useNewPassphrase() {
  const [passphrase, setPassphrase] = useState('')
  const [again, setAgain] = useState('')
  return {
    passphrase,
    again,
    setPassphrase,
    setAgain,
    ready: passphrase.length >= MIN_PASSPHRASE && passphrase === again,
    reset: () => {
      setPassphrase('')
      setAgain('')
    }
  }
}

/** The two fields for a new passphrase, with the length and match said in place. */
export function NewPassphraseFields({ state, description }: { state: ReturnType<typeof useNewPassphrase>; description: string }) {
  const tooShort = state.passphrase.length > 0 && state.passphrase.length < MIN_PASSPHRASE
  const mismatch = state.again.length > 0 && state.again !== state.passphrase
  return (
    <>
      <PasswordInput
        label="Passphrase"
        description={description}
        value={state.passphrase}
        onChange={(e) => state.setPassphrase(e.currentTarget.value)}
        error={tooShort ? `Use at least ${MIN_PASSPHRASE} characters` : undefined}
        leftSection={<IconLock size={16} />}
        data-autofocus
      />
      <PasswordInput
        label="Passphrase again"
        value={state.again}
        onChange={(e) => state.setAgain(e.currentTarget.value)}
        error={mismatch ? 'The two do not match' : undefined}
      />
    </>
  )
}
