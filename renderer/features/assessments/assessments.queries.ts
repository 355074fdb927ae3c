import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { AnswerValue } from '../../../shared/domain/assessment/question-bank'
import type { Assessment } from '../../../shared/schemas/assessment.schema'
import { api, call } from '../../api'
import { notifyError } from '../../components/notify'

export const assessmentKeys = {
  list: (engagementId: string) => ['assessments', engagementId] as const,
  one: (id: string) => ['assessment', id] as const
}

export const useAssessments = (engagementId: string) =>
  useQuery({
    queryKey: assessmentKeys.list(engagementId),
    queryFn: () => call(api.assessments.list({ engagementId })),
    enabled: Boolean(engagementId)
  })

/** One assessment; with `keepPrevious`, the one shown before stays while another loads (a comparison switched). */
export const useAssessment = (id: string | undefined, options: { keepPrevious?: boolean } = {}) =>
  useQuery({
    queryKey: assessmentKeys.one(id ?? ''),
    queryFn: () => call(api.assessments.get({ id: id! })),
    enabled: Boolean(id),
    ...(options.keepPrevious ? { placeholderData: keepPreviousData } : {}),
    // Answers are edited in this window only: what is in the cache is what was saved.
    staleTime: Number.POSITIVE_INFINITY
  })

export function useCreateAssessment() {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: (input: { engagementId: string; title?: string; copyAnswersFrom?: string; present?: string[] }) => call(api.assessments.create(input)),
    onSuccess: (a) => {
      qc.setQueryData(assessmentKeys.one(a.id), a)
      return qc.invalidateQueries({ queryKey: assessmentKeys.list(a.engagementId) })
    }
  })
}

export function useUpdateAssessment() {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: (input: { id: string; patch: { title?: string; present?: string[]; cursor?: string | null; status?: 'in_progress' | 'complete' } }) =>
      call(api.assessments.update(input)),
    onSuccess: (a) => {
      qc.setQueryData(assessmentKeys.one(a.id), a)
      return qc.invalidateQueries({ queryKey: assessmentKeys.list(a.engagementId) })
    },
    onError: (error) => notifyError(error, 'The assessment was not updated')
  })
}

type Patch = { value?: AnswerValue | null; note?: string | null; privateNote?: string | null }

/** Applies an answer or note to the cached assessment at once; the save follows. */
function patchCache(qc: ReturnType<typeof useQueryClient>, id: string, questionId: string, patch: Patch) {
  qc.setQueryData<Assessment>(assessmentKeys.one(id), (old) => {
    if (!old) return old
    const prev = old.answers[questionId] ?? { value: null, note: null, privateNote: null, updatedAt: old.updatedAt }
    return { ...old, answers: { ...old.answers, [questionId]: { ...prev, ...patch } } }
  })
}

/** Saves an answer the moment it is given (no save button). */
export function useSetAnswer(assessmentId: string) {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: (input: { questionId: string; value: AnswerValue | null }) => call(api.assessments.setAnswer({ assessmentId, ...input })),
    onMutate: ({ questionId, value }) => patchCache(qc, assessmentId, questionId, { value }),
    onError: (error) => {
      notifyError(error, 'The answer was not saved')
      return qc.invalidateQueries({ queryKey: assessmentKeys.one(assessmentId) })
    }
  })
}

/** Saves a note on every keystroke; the main process applies them in order. */
export function useSetNote(assessmentId: string) {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: (input: { questionId: string; kind: 'note' | 'private'; text: string }) => call(api.assessments.setNote({ assessmentId, ...input })),
    onMutate: ({ questionId, kind, text }) =>
      patchCache(qc, assessmentId, questionId, kind === 'note' ? { note: text || null } : { privateNote: text || null }),
    onError: (error) => notifyError(error, 'The note was not saved')
  })
}
