import {
  ActionIcon,
  Badge,
  Box,
  Button,
  Center,
  Group,
  Kbd,
  Loader,
  NumberInput,
  Progress,
  ScrollArea,
  Stack,
  Text,
  Textarea,
  Title,
  Tooltip,
  UnstyledButton
} from '@mantine/core'
import { IconArrowLeft, IconArrowRight, IconLayoutSidebar, IconX } from '@tabler/icons-react'
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { useNavigate, useParams } from 'react-router'
import { UNKNOWN, UNKNOWN_LABEL, type AnswerValue } from '../../../shared/domain/assessment/question-bank'
import { useRemWidth } from '../../components/useRemWidth'
import { ErrorState } from '../../components/StateViews'
import { useEngagement } from '../engagements/engagements.queries'
import { useAssessment, useSetAnswer, useSetNote, useUpdateAssessment } from './assessments.queries'
import { PresentField } from './PresentField'
import { workshopKey, type WorkshopKeyTarget } from './workshop-key'
import { isAnswered, SECTIONS, WORKSHOP_STEPS, type WorkshopStep } from './workshop-steps'

/**
 * Text the consultant types is kept locally and saved on every keystroke, so the field never
 * waits for the save and a reload a moment later still finds every character.
 */
/** Scrolls the field's whole block (label to bottom edge) into view, after the autosize has grown it. */
function keepInView(field: HTMLTextAreaElement): void {
  requestAnimationFrame(() => field.closest('.mantine-InputWrapper-root')?.scrollIntoView({ block: 'nearest' }))
}

function NoteField({ initial, onSave, inputRef }: { initial: string; onSave: (text: string) => void; inputRef: React.RefObject<HTMLTextAreaElement | null> }) {
  const [text, setText] = useState(initial)
  return (
    <Textarea
      ref={inputRef}
      label={
        <Group gap={6}>
          Note for the report{' '}
          <Text span size="xs" c="dimmed">
            (shared with the client · press N)
          </Text>
        </Group>
      }
      placeholder="Evidence, a quote, who said what…"
      autosize
      minRows={2}
      maxRows={6}
      maxLength={100_000}
      value={text}
      onChange={(e) => {
        setText(e.currentTarget.value)
        onSave(e.currentTarget.value)
      }}
      // The note being typed stays in full view above the controls as it grows.
      onFocus={(e) => keepInView(e.currentTarget)}
      onInput={(e) => keepInView(e.currentTarget)}
      size="md"
    />
  )
}

function CountField({
  initial,
  onSave,
  inputRef
}: {
  initial: number | ''
  onSave: (value: number | null) => void
  inputRef: React.RefObject<HTMLInputElement | null>
}) {
  const [value, setValue] = useState<number | string>(initial)
  return (
    <NumberInput
      ref={inputRef}
      aria-labelledby="workshop-question"
      size="xl"
      w={260}
      min={0}
      max={10_000_000}
      allowDecimal={false}
      allowNegative={false}
      placeholder="Type a number"
      value={value}
      onChange={(v) => {
        setValue(v)
        onSave(v === '' ? null : Number(v))
      }}
    />
  )
}

/**
 * The workshop: one question at a time in large type, answered by keyboard, saved as it
 * is given. It is what the client sees on the projector, so it shows nothing but this
 * engagement's questions: no other clients, no private notes, no day rate.
 */
export function WorkshopPage() {
  const { assessmentId = '' } = useParams()
  const navigate = useNavigate()
  const assessment = useAssessment(assessmentId)
  const engagement = useEngagement(assessment.data?.engagementId ?? '')
  const setAnswer = useSetAnswer(assessmentId)
  const setNote = useSetNote(assessmentId)
  const update = useUpdateAssessment()
  // A separate mutation for finishing, so cursor saves never show as a busy button.
  const complete = useUpdateAssessment()
  const [index, setIndex] = useState<number | null>(null)
  // The section overview shows when there is room for it beside the question (70 rem: a
  // 1280 px projector at normal type, not at large); the O key or the button decides otherwise.
  const remWidth = useRemWidth()
  const [overviewChoice, setOverview] = useState<boolean | null>(null)
  const overview = overviewChoice ?? remWidth >= 70
  const noteRef = useRef<HTMLTextAreaElement>(null)
  const countRef = useRef<HTMLInputElement>(null)
  const total = WORKSHOP_STEPS.length

  // Resume where the workshop left off.
  useEffect(() => {
    if (index !== null || !assessment.data) return
    const at = WORKSHOP_STEPS.findIndex((s) => s.id === assessment.data.cursor)
    setIndex(at >= 0 ? at : 0)
  }, [assessment.data, index])

  const answers = useMemo(() => assessment.data?.answers ?? {}, [assessment.data])
  const answeredCount = WORKSHOP_STEPS.filter((s) => isAnswered(answers[s.id]?.value)).length
  const step: WorkshopStep | undefined = index !== null ? WORKSHOP_STEPS[index] : undefined
  const current = step ? answers[step.id] : undefined

  const goTo = useCallback(
    (next: number) => {
      const clamped = Math.max(0, Math.min(total, next))
      setIndex(clamped)
      const stepId = WORKSHOP_STEPS[clamped]?.id ?? null
      update.mutate({ id: assessmentId, patch: { cursor: stepId } })
    },
    [assessmentId, total, update]
  )

  const firstUnanswered = useMemo(() => WORKSHOP_STEPS.findIndex((s) => !isAnswered(answers[s.id]?.value)), [answers])

  const answer = useCallback(
    (value: AnswerValue | null) => {
      if (!step) return
      setAnswer.mutate({ questionId: step.id, value })
    },
    [setAnswer, step]
  )

  const finish = () => {
    complete.mutate({ id: assessmentId, patch: { status: 'complete', cursor: null } }, { onSuccess: () => navigate(`/present/${assessmentId}/results`) })
  }

  // Keyboard: what each key does is decided by workshopKey (workshop-key.ts); here it is done.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (index === null) return
      const target = event.target
      const where: WorkshopKeyTarget =
        target instanceof HTMLTextAreaElement
          ? 'note'
          : target instanceof HTMLInputElement && target.hasAttribute('data-present-field')
            ? { present: { empty: target.dataset.enterOnEmpty === 'true' } }
            : target === countRef.current
              ? 'count'
              : target instanceof HTMLInputElement
                ? 'other-field'
                : 'page'
      const { action, preventDefault } = workshopKey(event, where, { index, total, step, firstUnanswered, overview })
      if (preventDefault) event.preventDefault()
      switch (action.type) {
        case 'blur':
          return (target as HTMLElement).blur()
        case 'finish':
          return finish()
        case 'go':
          return goTo(action.to)
        case 'answer':
          return answer(action.value)
        case 'focus-note':
          return noteRef.current?.focus()
        case 'overview':
          return setOverview(action.open)
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  })

  useEffect(() => {
    if (step?.kind === 'count') countRef.current?.focus()
  }, [step])

  if (assessment.isError)
    return (
      <Center h="100vh">
        <ErrorState error={assessment.error} onRetry={() => void assessment.refetch()} />
      </Center>
    )
  if (!assessment.data || index === null) {
    return (
      <Center h="100vh">
        <Loader aria-label="Loading the workshop" />
      </Center>
    )
  }

  const sectionOf = step ? SECTIONS.findIndex((s) => s.id === step.sectionId) : -1

  return (
    <Box className="sc-workshop" data-presenting="true">
      <header className="sc-workshop-top">
        <Group justify="space-between" wrap="nowrap" gap="lg">
          <Group gap="sm" wrap="nowrap">
            <div className="sc-brand-mark" aria-hidden>
              S
            </div>
            <div>
              <Text fw={700} size="lg" lh={1.2}>
                {engagement.data?.clientName ?? ' '}
              </Text>
              <Text size="sm" c="dimmed">
                {engagement.data?.title} · {assessment.data.title}
              </Text>
            </div>
          </Group>
          <Box style={{ flex: 1, maxWidth: 560 }}>
            <Group justify="space-between" mb={4}>
              <Text size="sm" fw={600}>
                {answeredCount} of {total} answered
              </Text>
              <Text size="sm" c="dimmed">
                {step ? `Question ${index + 1} of ${total}` : 'Review'}
              </Text>
            </Group>
            <Progress value={(answeredCount / total) * 100} size="lg" radius="xl" aria-label="Answered" />
          </Box>
          <Group gap="xs" wrap="nowrap">
            <Tooltip label="Section overview (O)">
              <ActionIcon variant="default" size="xl" aria-label="Toggle section overview" onClick={() => setOverview(!overview)}>
                <IconLayoutSidebar size={20} />
              </ActionIcon>
            </Tooltip>
            <Tooltip label="Leave the workshop (everything is saved)">
              <ActionIcon
                variant="default"
                size="xl"
                aria-label="Leave the workshop"
                onClick={() => navigate(engagement.data ? `/engagements/${engagement.data.id}` : '/')}
              >
                <IconX size={20} />
              </ActionIcon>
            </Tooltip>
          </Group>
        </Group>
      </header>

      <div className="sc-workshop-body">
        {overview && (
          <nav className="sc-workshop-overview" aria-label="Sections">
            <ScrollArea h="100%" type="auto">
              <Stack gap="md" p="md">
                {SECTIONS.map((section, si) => {
                  const done = section.steps.filter((s) => isAnswered(answers[s.id]?.value)).length
                  return (
                    <div key={section.id}>
                      <Group justify="space-between" mb={6} wrap="nowrap">
                        <Text size="sm" fw={si === sectionOf ? 700 : 600} c={si === sectionOf ? undefined : 'dimmed'}>
                          {section.name}
                        </Text>
                        <Badge color={done === section.steps.length ? 'teal' : 'gray'} variant="light" style={{ flexShrink: 0 }}>
                          {done}/{section.steps.length}
                        </Badge>
                      </Group>
                      <Group gap={6}>
                        {section.steps.map((s) => {
                          const at = WORKSHOP_STEPS.indexOf(s)
                          const value = answers[s.id]?.value
                          return (
                            <UnstyledButton
                              key={s.id}
                              className="sc-step-dot"
                              data-state={at === index ? 'current' : value === UNKNOWN ? 'unknown' : isAnswered(value) ? 'answered' : 'open'}
                              aria-label={`Question ${at + 1}: ${s.text}${isAnswered(value) ? '' : ' (not answered)'}`}
                              aria-current={at === index ? 'step' : undefined}
                              onClick={() => goTo(at)}
                            >
                              {at + 1}
                            </UnstyledButton>
                          )
                        })}
                      </Group>
                    </div>
                  )
                })}
              </Stack>
            </ScrollArea>
          </nav>
        )}

        <main className="sc-workshop-main">
          {step ? (
            <>
              <div className="sc-workshop-scroll">
                <Stack className="sc-workshop-step" maw={980} mx="auto" w="100%">
                  <div>
                    <Text className="sc-workshop-section" c="dimmed" fw={700} tt="uppercase">
                      {step.section}
                    </Text>
                    <Title order={1} className="sc-workshop-question" id="workshop-question" data-question-id={step.id}>
                      {step.text}
                    </Title>
                    <Text className="sc-workshop-help" c="dimmed" mt="sm">
                      {step.help}
                    </Text>
                  </div>

                  {step.kind === 'choice' ? (
                    <div role="radiogroup" aria-labelledby="workshop-question" className="sc-options">
                      {step.options.map((option, i) => {
                        const selected = current?.value === option.id
                        return (
                          <UnstyledButton
                            key={option.id}
                            role="radio"
                            aria-checked={selected}
                            className="sc-option"
                            data-selected={selected || undefined}
                            onClick={() => answer(option.id)}
                          >
                            <span className="sc-option-key" aria-hidden>
                              {option.id}
                              <small>{i}</small>
                            </span>
                            <span className="sc-option-label">{option.label}</span>
                          </UnstyledButton>
                        )
                      })}
                      <UnstyledButton
                        role="radio"
                        aria-checked={current?.value === UNKNOWN}
                        className="sc-option sc-option-unknown"
                        data-selected={current?.value === UNKNOWN || undefined}
                        onClick={() => answer(UNKNOWN)}
                      >
                        <span className="sc-option-key" aria-hidden>
                          U
                        </span>
                        <span className="sc-option-label">{UNKNOWN_LABEL}</span>
                      </UnstyledButton>
                    </div>
                  ) : (
                    <Group align="flex-end" gap="md">
                      <CountField key={step.id} inputRef={countRef} initial={typeof current?.value === 'number' ? current.value : ''} onSave={answer} />
                      <Button
                        size="xl"
                        variant={current?.value === UNKNOWN ? 'filled' : 'default'}
                        onClick={() => answer(UNKNOWN)}
                        aria-pressed={current?.value === UNKNOWN}
                      >
                        {UNKNOWN_LABEL} <Kbd ml="sm">U</Kbd>
                      </Button>
                    </Group>
                  )}

                  <NoteField
                    key={step.id}
                    inputRef={noteRef}
                    initial={current?.note ?? ''}
                    onSave={(text) => setNote.mutate({ questionId: step.id, kind: 'note', text })}
                  />
                </Stack>
              </div>
              {/* Always on screen, whatever the question's length and the type size. */}
              <footer className="sc-workshop-controls">
                <Group justify="space-between" wrap="nowrap" gap="md" maw={980} mx="auto" w="100%">
                  <Button variant="default" size="lg" leftSection={<IconArrowLeft size={18} />} onClick={() => goTo(index - 1)} disabled={index === 0}>
                    Back
                  </Button>
                  <Text c="dimmed" size="sm" ta="center" className="sc-workshop-legend">
                    Answer with <Kbd>0</Kbd>–<Kbd>9</Kbd> or a letter, <Kbd>U</Kbd> if unknown; <Kbd>←</Kbd> <Kbd>→</Kbd> to move
                  </Text>
                  <Button size="lg" rightSection={<IconArrowRight size={18} />} onClick={() => goTo(index + 1)}>
                    {isAnswered(current?.value) ? 'Next' : 'Skip for now'}
                  </Button>
                </Group>
              </footer>
            </>
          ) : (
            <div className="sc-workshop-scroll">
              <Stack gap="lg" maw={760} mx="auto" w="100%" align="flex-start">
                <Title order={1} className="sc-workshop-question">
                  {answeredCount === total
                    ? 'Every question is answered'
                    : `${total - answeredCount} question${total - answeredCount === 1 ? '' : 's'} still open`}
                </Title>
                <Text className="sc-workshop-help" c="dimmed">
                  {answeredCount === total
                    ? 'The results are ready to show.'
                    : 'Open questions count as unknown: the results list them as assumptions to check, and say which ones could change the recommendation.'}
                </Text>
                <Box w="100%">
                  <PresentField assessmentId={assessmentId} present={assessment.data.present} size="lg" autoFocus />
                </Box>
                <Group>
                  {firstUnanswered >= 0 && (
                    <Button size="lg" variant="default" onClick={() => goTo(firstUnanswered)}>
                      Go to the first open question <Kbd ml="sm">S</Kbd>
                    </Button>
                  )}
                  <Button size="lg" onClick={finish} loading={complete.isPending}>
                    Show the results <Kbd ml="sm">Enter</Kbd>
                  </Button>
                </Group>
              </Stack>
            </div>
          )}
        </main>
      </div>
    </Box>
  )
}
