import { Button, Card, Select, Stack, Table, Text, Textarea, Title } from '@mantine/core'
import { IconPlayerPlay } from '@tabler/icons-react'
import { useState } from 'react'
import { useNavigate, useParams } from 'react-router'
import { UNKNOWN, UNKNOWN_LABEL } from '../../../shared/domain/assessment/question-bank'
import { PageHeader } from '../../components/PageHeader'
import { ErrorState, LoadingState } from '../../components/StateViews'
import { useEngagement } from '../engagements/engagements.queries'
import { useAssessment, useSetAnswer, useSetNote } from './assessments.queries'
import { PresentField } from './PresentField'
import { SECTIONS } from './workshop-steps'
import { EngagementCrumbs } from '../../components/EngagementCrumbs'

function NoteCell({ initial, label, onSave }: { initial: string; label: string; onSave: (text: string) => void }) {
  const [text, setText] = useState(initial)
  return (
    <Textarea
      aria-label={label}
      autosize
      minRows={1}
      maxRows={5}
      maxLength={100_000}
      value={text}
      onChange={(e) => {
        setText(e.currentTarget.value)
        onSave(e.currentTarget.value)
      }}
    />
  )
}

/** Every answer on one page, with the shared and the private notes; never shown while presenting. */
export function AnswersPage() {
  const { assessmentId = '' } = useParams()
  const navigate = useNavigate()
  const assessment = useAssessment(assessmentId)
  const engagement = useEngagement(assessment.data?.engagementId ?? '')
  const setAnswer = useSetAnswer(assessmentId)
  const setNote = useSetNote(assessmentId)

  if (assessment.isPending) return <LoadingState label="Loading answers" />
  if (assessment.isError) return <ErrorState error={assessment.error} onRetry={() => void assessment.refetch()} />
  const a = assessment.data
  const e = engagement.data

  return (
    <>
      <PageHeader
        eyebrow={e && <EngagementCrumbs engagement={e} here={a.title} />}
        title={`Answers: ${a.title}`}
        description="Shared notes go into reports; private notes are yours alone and never shown while presenting or exported."
        actions={
          <Button leftSection={<IconPlayerPlay size={16} />} onClick={() => navigate(`/workshop/${a.id}`)}>
            Open the workshop
          </Button>
        }
      />
      <Stack gap="xl">
        <Card withBorder radius="lg" padding="lg" maw={760}>
          <PresentField assessmentId={a.id} present={a.present} />
        </Card>
        {SECTIONS.map((section) => (
          <Card key={section.id} withBorder radius="lg" padding={0}>
            <Title order={2} size="h4" p="md">
              {section.name}
            </Title>
            <Table verticalSpacing="xs" horizontalSpacing="md" layout="fixed">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w="34%">Question</Table.Th>
                  <Table.Th w="22%">Answer</Table.Th>
                  <Table.Th>Shared note</Table.Th>
                  <Table.Th>Private note</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {section.steps.map((step) => {
                  const ans = a.answers[step.id]
                  const options =
                    step.kind === 'count'
                      ? [{ value: UNKNOWN, label: UNKNOWN_LABEL }, ...Array.from({ length: 51 }, (_, n) => ({ value: String(n), label: String(n) }))]
                      : [...step.options.map((o) => ({ value: o.id, label: `${o.id}. ${o.label}` })), { value: UNKNOWN, label: UNKNOWN_LABEL }]
                  const current = ans?.value == null ? null : String(ans.value)
                  return (
                    <Table.Tr key={step.id}>
                      <Table.Td>
                        <Text size="sm">{step.text}</Text>
                      </Table.Td>
                      <Table.Td>
                        <Select
                          aria-label={`Answer: ${step.text}`}
                          data={current && !options.some((o) => o.value === current) ? [...options, { value: current, label: current }] : options}
                          value={current}
                          placeholder="Not answered"
                          clearable
                          searchable={step.kind === 'count'}
                          onChange={(v) =>
                            setAnswer.mutate({
                              questionId: step.id,
                              value: v === null ? null : step.kind === 'count' && v !== UNKNOWN ? Number(v) : v
                            })
                          }
                          comboboxProps={{ width: 420, position: 'bottom-start' }}
                        />
                      </Table.Td>
                      <Table.Td>
                        <NoteCell
                          initial={ans?.note ?? ''}
                          label={`Shared note: ${step.text}`}
                          onSave={(text) => setNote.mutate({ questionId: step.id, kind: 'note', text })}
                        />
                      </Table.Td>
                      <Table.Td>
                        <NoteCell
                          initial={ans?.privateNote ?? ''}
                          label={`Private note: ${step.text}`}
                          onSave={(text) => setNote.mutate({ questionId: step.id, kind: 'private', text })}
                        />
                      </Table.Td>
                    </Table.Tr>
                  )
                })}
              </Table.Tbody>
            </Table>
          </Card>
        ))}
      </Stack>
    </>
  )
}
