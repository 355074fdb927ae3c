import { Alert, Anchor, Button, Card, Checkbox, Grid, Group, Modal, Radio, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core'
import { IconAlertTriangle, IconDownload, IconExternalLink, IconFileText, IconFolderOpen } from '@tabler/icons-react'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useMemo, useState } from 'react'
import { Link, useParams } from 'react-router'
import { DOCUMENTS, localIsoDate, startsInThePast, type DocumentInfo } from '../../../shared/domain/documents'
import { DEFAULT_BRANDING_SETTINGS } from '../../../shared/schemas/branding.schema'
import { api, call } from '../../api'
import { notifyError, notifySaved } from '../../components/notify'
import { PageHeader } from '../../components/PageHeader'
import { EmptyState, ErrorState, LoadingState } from '../../components/StateViews'
import { formatBytes, formatDate, formatDateTime } from '../../format'
import { useAssessments } from '../assessments/assessments.queries'
import { useEngagement } from '../engagements/engagements.queries'
import { usePlan } from '../plan/plan.queries'
import { DocxPreview } from './DocxPreview'
import { EngagementCrumbs } from '../../components/EngagementCrumbs'
import { exportKeys } from './export.queries'
import { brandingKeys } from '../settings/branding.queries'

export function ExportPage() {
  const { engagementId = '' } = useParams()
  const qc = useQueryClient()
  const engagement = useEngagement(engagementId)
  const assessments = useAssessments(engagementId)
  const plan = usePlan(engagementId)
  const [templateName, setTemplateName] = useState<DocumentInfo['name']>('proposal')
  const doc = DOCUMENTS.find((d) => d.name === templateName)!
  const [off, setOff] = useState<Record<string, boolean>>({})
  const [assessmentId, setAssessmentId] = useState<string | null>(null)
  const [last, setLast] = useState<{ id: string; fileName: string } | null>(null)
  const chosenAssessment = assessmentId ?? (assessments.data?.find((a) => a.status === 'complete') ?? assessments.data?.[0])?.id
  const sections = useMemo(() => Object.fromEntries(doc.sections.map((s) => [s.id, !off[s.id]])), [doc, off])
  const request = { engagementId, template: templateName, sections, ...(chosenAssessment ? { assessmentId: chosenAssessment } : {}) }

  const preview = useQuery({
    queryKey: exportKeys.preview(request),
    queryFn: () => call(api.exports.preview(request)),
    enabled: Boolean(chosenAssessment) && (doc.needs !== 'plan' || Boolean(plan.data)),
    staleTime: 30_000
  })
  const snapshots = useQuery({ queryKey: exportKeys.snapshots(engagementId), queryFn: () => call(api.exports.list({ engagementId })) })
  const create = useMutation({
    mutationFn: () => call(api.exports.create(request)),
    onSuccess: (r) => {
      if (r.status !== 'exported') return
      setLast({ id: r.snapshot.id, fileName: r.snapshot.fileName })
      notifySaved(`Saved ${r.snapshot.fileName}`)
      return qc.invalidateQueries({ queryKey: exportKeys.snapshots(engagementId) })
    },
    onError: (e) => notifyError(e, 'The document was not saved')
  })
  // A document sent with "Your consultancy" on its cover is one a consultant must apologise for:
  // until the name is set, Export asks for it first.
  const branding = useQuery({ queryKey: brandingKeys.all, queryFn: () => call(api.branding.get({})) })
  const unnamed = branding.data !== undefined && branding.data.consultancyName === DEFAULT_BRANDING_SETTINGS.consultancyName
  const [askingName, setAskingName] = useState(false)
  const [name, setName] = useState('')
  const nameAndExport = useMutation({
    mutationFn: async () => {
      await call(api.branding.update({ ...branding.data!, consultancyName: name.trim() }))
      await qc.invalidateQueries({ queryKey: brandingKeys.all })
      await qc.invalidateQueries({ queryKey: exportKeys.previews })
    },
    onSuccess: () => {
      setAskingName(false)
      create.mutate()
    },
    onError: (e) => notifyError(e, 'The name was not saved')
  })
  const exportNow = () => (unnamed ? setAskingName(true) : create.mutate())
  const copy = useMutation({
    mutationFn: (snapshotId: string) => call(api.exports.saveCopy({ snapshotId })),
    onSuccess: (r, snapshotId) => {
      if (r.status === 'saved') {
        setLast({ id: snapshotId, fileName: r.fileName })
        notifySaved(`Saved ${r.fileName}, exactly as it was sent`)
      }
    },
    onError: (e) => notifyError(e, 'The copy was not saved')
  })
  const reveal = useMutation({
    mutationFn: (args: { snapshotId: string; action: 'open' | 'show' }) => call(api.exports.reveal(args)),
    onError: (e) => notifyError(e)
  })

  if (engagement.isPending || assessments.isPending) return <LoadingState label="Loading" />
  if (engagement.isError) return <ErrorState error={engagement.error} onRetry={() => void engagement.refetch()} />
  const e = engagement.data

  return (
    <>
      <PageHeader
        eyebrow={<EngagementCrumbs engagement={e} here="Export" />}
        title="Export a Word document"
        description="Editable .docx files with real Word styles, in your branding (Settings → Branding)."
        actions={
          chosenAssessment ? (
            // At the top, where it is on screen at any size: the page's one primary action.
            <Button
              size="md"
              leftSection={<IconDownload size={18} />}
              onClick={exportNow}
              loading={create.isPending}
              disabled={doc.needs === 'plan' && !plan.data}
            >
              Export…
            </Button>
          ) : undefined
        }
      />
      {chosenAssessment && startsInThePast(doc, e.startDate, localIsoDate(new Date())) && (
        <Alert color="yellow" variant="light" radius="md" mb="lg" icon={<IconAlertTriangle size={18} />} title="The plan starts in the past">
          <Text size="sm">
            This engagement starts on {formatDate(e.startDate)}, so the {doc.title.toLowerCase()}, dated today, would set weeks of work that are already over.{' '}
            <Anchor component={Link} to={`/engagements/${e.id}`} size="sm" underline="always">
              Change the start date
            </Anchor>{' '}
            before you send it.
          </Text>
        </Alert>
      )}

      {!chosenAssessment ? (
        <EmptyState icon={IconFileText} title="Nothing to export yet">
          Run the readiness assessment first: every document starts from it.
        </EmptyState>
      ) : (
        <Grid gap="xl">
          <Grid.Col span={{ base: 12, lg: 4 }}>
            <Stack gap="lg">
              <Card withBorder radius="lg" padding="lg">
                <Radio.Group label="Document" value={templateName} onChange={(v) => setTemplateName(v as DocumentInfo['name'])}>
                  <Stack gap="sm" mt="xs">
                    {DOCUMENTS.map((d) => (
                      <Radio key={d.name} value={d.name} label={d.title} description={d.description} />
                    ))}
                  </Stack>
                </Radio.Group>
              </Card>
              <Card withBorder radius="lg" padding="lg">
                <Select
                  label="Assessment"
                  allowDeselect={false}
                  data={(assessments.data ?? []).map((a) => ({ value: a.id, label: a.title }))}
                  value={chosenAssessment}
                  onChange={setAssessmentId}
                  mb="md"
                />
                <Text fw={600} size="sm" mb={6}>
                  Sections
                </Text>
                <Stack gap={6}>
                  {doc.sections.map((s) => (
                    <Checkbox key={s.id} label={s.label} checked={!off[s.id]} onChange={(ev) => setOff({ ...off, [s.id]: !ev.currentTarget.checked })} />
                  ))}
                </Stack>
              </Card>
              {last && (
                <Card withBorder radius="lg" padding="md">
                  <Text size="sm" mb="xs">
                    Saved <b>{last.fileName}</b>.
                  </Text>
                  <Group gap="xs">
                    <Button
                      size="xs"
                      variant="light"
                      leftSection={<IconExternalLink size={14} />}
                      onClick={() => reveal.mutate({ snapshotId: last.id, action: 'open' })}
                    >
                      Open file
                    </Button>
                    <Button
                      size="xs"
                      variant="light"
                      leftSection={<IconFolderOpen size={14} />}
                      onClick={() => reveal.mutate({ snapshotId: last.id, action: 'show' })}
                    >
                      Show in folder
                    </Button>
                  </Group>
                </Card>
              )}
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, lg: 8 }}>
            <Card withBorder radius="lg" padding={0}>
              {doc.needs === 'plan' && !plan.isPending && !plan.data ? (
                <Stack p="xl" align="flex-start">
                  <Text>The {doc.title.toLowerCase()} presents the plan, and this engagement has none yet.</Text>
                  <Button component={Link} to={`/engagements/${engagementId}/plan`} variant="light">
                    Make the plan
                  </Button>
                </Stack>
              ) : preview.isError ? (
                <ErrorState error={preview.error} onRetry={() => void preview.refetch()} />
              ) : (
                <DocxPreview base64={preview.data?.dataBase64} building={preview.isFetching} what={doc.title.toLowerCase()} />
              )}
            </Card>
          </Grid.Col>
        </Grid>
      )}
      <Modal opened={askingName} onClose={() => setAskingName(false)} title="Whose name goes on the document?">
        <form
          onSubmit={(ev) => {
            ev.preventDefault()
            if (name.trim()) nameAndExport.mutate()
          }}
        >
          <Stack gap="md">
            <Text size="sm">
              Your consultancy’s name is not set yet, so the {doc.title.toLowerCase()} would say “{DEFAULT_BRANDING_SETTINGS.consultancyName}” on its cover and
              in its terms. It is saved in Settings → Branding for every document after this one.
            </Text>
            <TextInput label="Consultancy name" value={name} onChange={(ev) => setName(ev.currentTarget.value)} maxLength={200} data-autofocus required />
            <Group justify="space-between">
              <Anchor component={Link} to="/settings" size="sm" underline="always">
                All branding settings
              </Anchor>
              <Group gap="xs">
                <Button variant="default" onClick={() => setAskingName(false)}>
                  Cancel
                </Button>
                <Button type="submit" disabled={!name.trim()} loading={nameAndExport.isPending || create.isPending}>
                  Save and export…
                </Button>
              </Group>
            </Group>
          </Stack>
        </form>
      </Modal>
      <Title order={2} size="h3" mt="xl" mb="sm">
        Sent before
      </Title>
      {snapshots.isPending ? (
        <LoadingState label="Loading past exports" rows={2} />
      ) : snapshots.isError ? (
        <ErrorState error={snapshots.error} onRetry={() => void snapshots.refetch()} />
      ) : snapshots.data.length === 0 ? (
        <Text c="dimmed">Every export is recorded here exactly as it was saved, so you can re-create what a client received.</Text>
      ) : (
        <Card withBorder radius="lg" padding={0}>
          <Table verticalSpacing="sm" horizontalSpacing="lg" aria-label="Past exports">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>File</Table.Th>
                <Table.Th>Document</Table.Th>
                <Table.Th>Saved</Table.Th>
                <Table.Th ta="right">Size</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {snapshots.data.map((s) => (
                <Table.Tr key={s.id}>
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {s.fileName}
                    </Text>
                    <Text size="xs" c="dimmed" ff="monospace">
                      SHA-256 {s.sha256.slice(0, 12)}…
                    </Text>
                  </Table.Td>
                  <Table.Td>{DOCUMENTS.find((d) => d.name === s.template)?.title ?? s.template}</Table.Td>
                  <Table.Td>{formatDateTime(s.createdAt)}</Table.Td>
                  <Table.Td ta="right">{formatBytes(s.sizeBytes)}</Table.Td>
                  <Table.Td ta="right">
                    <Button size="xs" variant="light" onClick={() => copy.mutate(s.id)} loading={copy.isPending && copy.variables === s.id}>
                      Save a copy…
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Card>
      )}
    </>
  )
}
