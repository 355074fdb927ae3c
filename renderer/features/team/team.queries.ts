import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query'
import type { TeamSignIn, TeamStatus } from '../../../shared/schemas/team.schema'
import { api, call } from '../../api'
import { notifyError } from '../../components/notify'

export const teamKeys = {
  status: ['team', 'status'] as const,
  conflicts: ['team', 'conflicts'] as const
}

/** The status line's data: checked every 15 s while signed in (background sync runs in main). */
export const useTeamStatus = () =>
  useQuery({
    queryKey: teamKeys.status,
    queryFn: () => call(api.team.status({})),
    refetchInterval: (q) => (q.state.data?.mode === 'team' ? 15_000 : false)
  })

/** Pulled changes can touch any screen: everything but the status itself is read again. */
export const refreshAfterSync = (qc: QueryClient) => void qc.invalidateQueries({ predicate: (q) => q.queryKey[0] !== 'team' || q.queryKey[1] === 'conflicts' })

export const useConflicts = () => useQuery({ queryKey: teamKeys.conflicts, queryFn: () => call(api.team.conflicts({})) })

function useTeamMutation<I>(run: (input: I) => Promise<TeamStatus>, failure: string) {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: run,
    onSuccess: (status) => {
      qc.setQueryData(teamKeys.status, status)
      refreshAfterSync(qc)
    },
    onError: (e) => notifyError(e, failure)
  })
}

export const useSignIn = () => useTeamMutation((input: TeamSignIn) => call(api.team.signIn(input)), 'Could not sign in to the team')
export const useSignOut = () => useTeamMutation(() => call(api.team.signOut({})), 'Could not sign out')
export const useSyncNow = () => useTeamMutation(() => call(api.team.sync({})), 'Could not sync')
export const useDismissNotice = () => useTeamMutation((id: string) => call(api.team.dismiss({ id })), 'The notice was not dismissed')
export const useResolve = () =>
  useTeamMutation((input: { id: string; choice: 'current' | 'proposed' }) => call(api.team.resolve(input)), 'The conflict was not settled')
