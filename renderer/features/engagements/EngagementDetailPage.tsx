import { Anchor, Badge, Breadcrumbs, Button, Card, Group, Menu, SimpleGrid, Stack, Text } from '@mantine/core'
import { useDisclosure } from '@mantine/hooks'
import { IconArchive, IconCalendarStats, IconChecklist, IconDots, IconEdit, IconFileText, IconTrash } from '@tabler/icons-react'
import { Link, useNavigate, useParams } from 'react-router'
import { confirmDelete, toggleArchived } from '../../components/recordActions'
import { PageHeader } from '../../components/PageHeader'
import { ErrorState, LoadingState } from '../../components/StateViews'
import { formatDate, formatMoney } from '../../format'
import { AssessmentsSection } from '../assessments/AssessmentsSection'
import { PortableExportModal } from '../portable/PortableExportModal'
import { EngagementFormModal } from './EngagementFormModal'
import { useArchiveEngagement, useDeleteEngagement, useEngagement } from './engagements.queries'
import { StatusBadge } from './StatusBadge'

function Stat({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Card withBorder radius="lg" padding="lg">
      <Text size="xs" tt="uppercase" fw={600} c="dimmed">
        {label}
      </Text>
      <Text size="xl" fw={600} mt={4}>
        {children}
      </Text>
    </Card>
  )
}

export function EngagementDetailPage() {
  const { engagementId = '' } = useParams()
  const navigate = useNavigate()
  const engagement = useEngagement(engagementId)
  const archive = useArchiveEngagement()
  const remove = useDeleteEngagement()
  const [editOpen, edit] = useDisclosure(false)
  const [portableOpen, portable] = useDisclosure(false)

  if (engagement.isPending) return <LoadingState label="Loading engagement" rows={4} />
  if (engagement.isError) return <ErrorState error={engagement.error} onRetry={() => void engagement.refetch()} />
  const e = engagement.data

  const askToDelete = () =>
    confirmDelete({
      name: e.title,
      title: `Delete “${e.title}”?`,
      children: <Text size="sm">The engagement and everything recorded in it are removed for good. To keep its history, archive it instead.</Text>,
      confirmLabel: 'Delete engagement',
      remove: () => remove.mutateAsync(e.id),
      afterDelete: () => navigate(`/clients/${e.clientId}`),
      failed: 'The engagement was not deleted'
    })

  const toggleArchive = () => toggleArchived({ name: e.title, archivedAt: e.archivedAt }, (archived) => archive.mutateAsync({ id: e.id, archived }))

  return (
    <>
      <PageHeader
        eyebrow={
          <Breadcrumbs>
            <Anchor component={Link} to="/clients" size="sm">
              Clients
            </Anchor>
            <Anchor component={Link} to={`/clients/${e.clientId}`} size="sm">
              {e.clientName}
            </Anchor>
            <Text size="sm">{e.title}</Text>
          </Breadcrumbs>
        }
        title={
          <Group gap="sm">
            {e.title}
            <StatusBadge status={e.status} />
            {e.archivedAt && <Badge color="gray">Archived</Badge>}
          </Group>
        }
        description={`${e.clientName} · led by ${e.consultant}`}
        actions={
          <>
            <Button leftSection={<IconCalendarStats size={16} />} onClick={() => navigate(`/engagements/${e.id}/plan`)}>
              Plan
            </Button>
            <Button variant="default" leftSection={<IconChecklist size={16} />} onClick={() => navigate(`/engagements/${e.id}/tracking`)}>
              Tracking
            </Button>
            <Button variant="default" leftSection={<IconFileText size={16} />} onClick={() => navigate(`/engagements/${e.id}/export`)}>
              Export
            </Button>
            <Button variant="default" leftSection={<IconEdit size={16} />} onClick={edit.open}>
              Edit
            </Button>
            <Menu position="bottom-end" withinPortal returnFocus>
              <Menu.Target>
                <Button variant="default" aria-label="More actions" px="xs">
                  <IconDots size={18} />
                </Button>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Item leftSection={<IconFileText size={16} />} onClick={portable.open}>
                  Export as a .stagecraft file…
                </Menu.Item>
                <Menu.Item leftSection={<IconArchive size={16} />} onClick={toggleArchive}>
                  {e.archivedAt ? 'Restore from archive' : 'Archive engagement'}
                </Menu.Item>
                <Menu.Divider />
                <Menu.Item color="red" leftSection={<IconTrash size={16} />} onClick={askToDelete}>
                  Delete engagement…
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
          </>
        }
      />
      <SimpleGrid cols={{ base: 1, sm: 3 }} mb="lg">
        <Stat label="Day rate">{formatMoney(e.dayRate, e.currency)}</Stat>
        <Stat label="Starts">{formatDate(e.startDate)}</Stat>
        <Stat label="Last updated">{formatDate(e.updatedAt)}</Stat>
      </SimpleGrid>
      <Card withBorder radius="lg" padding="lg" mb="md">
        <Stack gap={4}>
          <Text size="xs" tt="uppercase" fw={600} c="dimmed">
            Objective and success metric
          </Text>
          {e.objective ? (
            <Text style={{ whiteSpace: 'pre-wrap' }}>{e.objective}</Text>
          ) : (
            <Text c="dimmed">
              Not set yet: edit the engagement to add what the client wants from the work and how success is measured. The proposal prints it.
            </Text>
          )}
        </Stack>
      </Card>
      <Card withBorder radius="lg" padding="lg">
        <Stack gap={4}>
          <Text size="xs" tt="uppercase" fw={600} c="dimmed">
            Notes
          </Text>
          {e.notes ? <Text style={{ whiteSpace: 'pre-wrap' }}>{e.notes}</Text> : <Text c="dimmed">No notes yet.</Text>}
        </Stack>
      </Card>
      <AssessmentsSection engagementId={e.id} clientName={e.clientName} />
      <PortableExportModal engagementId={e.id} opened={portableOpen} onClose={portable.close} />
      <EngagementFormModal opened={editOpen} onClose={edit.close} clientId={e.clientId} engagement={e} />
    </>
  )
}
