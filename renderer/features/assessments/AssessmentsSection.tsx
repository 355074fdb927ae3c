import { Badge, Button, Card, Group, Menu, Progress, Stack, Table, Text, Title } from '@mantine/core'
import { modals } from '@mantine/modals'
import { IconChartRadar, IconClipboardCheck, IconDots, IconFileExport, IconPlayerPlay, IconPlus, IconRepeat, IconTrash } from '@tabler/icons-react'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useNavigate } from 'react-router'
import type { AssessmentSummary } from '../../../shared/schemas/assessment.schema'
import { api, call } from '../../api'
import { notifyError, notifySaved } from '../../components/notify'
import { EmptyState, ErrorState, LoadingState } from '../../components/StateViews'
import { formatDate } from '../../format'
import { assessmentKeys, useAssessments, useCreateAssessment } from './assessments.queries'

export function AssessmentsSection({ engagementId, clientName }: { engagementId: string; clientName: string }) {
  const navigate = useNavigate()
  const qc = useQueryClient()
  const list = useAssessments(engagementId)
  const create = useCreateAssessment()
  const remove = useMutation({
    mutationFn: (id: string) => call(api.assessments.delete({ id })),
    onSuccess: () => qc.invalidateQueries({ queryKey: assessmentKeys.list(engagementId) })
  })
  const exportIntake = useMutation({ mutationFn: (assessmentId: string) => call(api.intake.export({ assessmentId })) })

  const start = async (copyFrom?: AssessmentSummary) => {
    try {
      const a = await create.mutateAsync({ engagementId, copyAnswersFrom: copyFrom?.id })
      navigate(`/workshop/${a.id}`)
    } catch (error) {
      notifyError(error, 'The assessment was not started')
    }
  }

  const confirmDelete = (a: AssessmentSummary) =>
    modals.openConfirmModal({
      title: `Delete “${a.title}”?`,
      children: <Text size="sm">Its answers and notes are removed for good. Other assessments of this engagement stay.</Text>,
      labels: { confirm: 'Delete assessment', cancel: 'Keep it' },
      confirmProps: { color: 'red' },
      onConfirm: () =>
        remove.mutate(a.id, {
          onSuccess: () => notifySaved(`Deleted ${a.title}`),
          onError: (error) => notifyError(error, 'The assessment was not deleted')
        })
    })

  const doExport = async (a: AssessmentSummary) => {
    try {
      const r = await exportIntake.mutateAsync(a.id)
      if (r.status === 'exported') {
        notifySaved(
          r.assumedAnswers
            ? `Saved ${r.fileName}. ${r.assumedAnswers} unknown answer${r.assumedAnswers === 1 ? ' was' : 's were'} written as the assumed values.`
            : `Saved ${r.fileName}`
        )
      }
    } catch (error) {
      notifyError(error, 'The intake file was not saved')
    }
  }

  const latest = list.data?.[0]

  return (
    <Stack gap="sm" mt="xl">
      <Group justify="space-between">
        <Title order={2} size="h3">
          Readiness assessments
        </Title>
        {latest && (
          <Group gap="sm">
            <Button variant="default" leftSection={<IconRepeat size={16} />} onClick={() => start(latest)} loading={create.isPending}>
              Re-assess
            </Button>
            <Button variant="default" leftSection={<IconPlus size={16} />} onClick={() => start()} loading={create.isPending}>
              Blank assessment
            </Button>
          </Group>
        )}
      </Group>
      {list.isPending ? (
        <LoadingState label="Loading assessments" rows={2} />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.length === 0 ? (
        <EmptyState
          icon={IconClipboardCheck}
          title="No assessment yet"
          action={
            <Button leftSection={<IconPlayerPlay size={16} />} onClick={() => start()} loading={create.isPending}>
              Start the workshop
            </Button>
          }
        >
          Run the readiness assessment with {clientName}: one question at a time, in large type, by keyboard. Every answer is saved as it is given.
        </EmptyState>
      ) : (
        <Card withBorder radius="lg" padding={0}>
          <Table verticalSpacing="sm" horizontalSpacing="lg" aria-label="Assessments">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Assessment</Table.Th>
                <Table.Th>Progress</Table.Th>
                <Table.Th>Date</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.map((a) => (
                <Table.Tr key={a.id}>
                  <Table.Td>
                    <Group gap="xs">
                      <Text fw={600}>{a.title}</Text>
                      <Badge color={a.status === 'complete' ? 'teal' : 'blue'}>{a.status === 'complete' ? 'Complete' : 'In progress'}</Badge>
                    </Group>
                  </Table.Td>
                  <Table.Td w={220}>
                    <Group gap="xs" wrap="nowrap">
                      <Progress value={(a.answered / a.total) * 100} w={120} aria-label={`${a.answered} of ${a.total} answered`} />
                      <Text size="sm" c="dimmed">
                        {a.answered}/{a.total}
                      </Text>
                    </Group>
                  </Table.Td>
                  <Table.Td>{formatDate(a.completedAt ?? a.createdAt)}</Table.Td>
                  <Table.Td>
                    <Group gap="xs" justify="flex-end" wrap="nowrap">
                      <Button size="xs" variant="light" leftSection={<IconPlayerPlay size={14} />} onClick={() => navigate(`/workshop/${a.id}`)}>
                        {a.status === 'complete' ? 'Workshop' : 'Continue'}
                      </Button>
                      <Button size="xs" variant="light" leftSection={<IconChartRadar size={14} />} onClick={() => navigate(`/assessments/${a.id}/results`)}>
                        Results
                      </Button>
                      <Menu position="bottom-end" withinPortal>
                        <Menu.Target>
                          <Button size="xs" variant="subtle" px={6} aria-label={`More actions for ${a.title}`}>
                            <IconDots size={16} />
                          </Button>
                        </Menu.Target>
                        <Menu.Dropdown>
                          <Menu.Item leftSection={<IconClipboardCheck size={16} />} onClick={() => navigate(`/assessments/${a.id}`)}>
                            Review answers and private notes
                          </Menu.Item>
                          <Menu.Item leftSection={<IconFileExport size={16} />} onClick={() => void doExport(a)}>
                            Export intake file…
                          </Menu.Item>
                          <Menu.Divider />
                          <Menu.Item color="red" leftSection={<IconTrash size={16} />} onClick={() => confirmDelete(a)}>
                            Delete assessment…
                          </Menu.Item>
                        </Menu.Dropdown>
                      </Menu>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Card>
      )}
    </Stack>
  )
}
