import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { PreferencesPatch } from '../../../shared/schemas/settings.schema'
import { api, call } from '../../api'
import { notifyError } from '../../components/notify'
import { keys } from '../../query'

export const usePreferences = () => useQuery({ queryKey: keys.preferences, queryFn: () => call(api.preferences.get({})) })

export function useUpdatePreferences() {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: (patch: PreferencesPatch) => call(api.preferences.update(patch)),
    onSuccess: (prefs) => qc.setQueryData(keys.preferences, prefs),
    onError: (error) => notifyError(error, 'The setting was not saved')
  })
}

export const useAppInfo = () => useQuery({ queryKey: keys.appInfo, queryFn: () => call(api.app.info({})) })
