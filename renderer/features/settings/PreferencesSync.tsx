import { useMantineColorScheme } from '@mantine/core'
import { useEffect } from 'react'
import { PRESENTATION_FONT_SIZE } from '../../theme'
import { usePreferences } from './preferences.queries'

/** Applies stored preferences (theme, projector type size) to the whole window. */
export function PreferencesSync() {
  const { data } = usePreferences()
  const { setColorScheme } = useMantineColorScheme()
  useEffect(() => {
    if (!data) return
    setColorScheme(data.theme)
    document.documentElement.style.fontSize = PRESENTATION_FONT_SIZE[data.presentationScale]
    document.documentElement.dataset.presentation = data.presentationScale
  }, [data, setColorScheme])
  return null
}
