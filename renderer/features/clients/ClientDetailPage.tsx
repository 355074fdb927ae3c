import { Anchor, Badge, Breadcrumbs, Button, Card, Group, Menu, SimpleGrid, Stack, Text, Title } from '@mantine/core'
import { useDisclosure, useHotkeys } from '@mantine/hooks'
import { IconArchive, IconBriefcase, IconDots, IconEdit, IconPlus, IconTrash } from '@tabler/icons-react'
import { Link, useNavigate, useParams } from 'react-router'
import { api, call } from '../../api'
import { notifyError } from '../../components/notify'
import { confirmDelete, toggleArchived } from '../../components/recordActions'
import { PageHeader } from '../../components/PageHeader'
import { EmptyState, ErrorState, LoadingState } from '../../components/StateViews'
import { EngagementFormModal } from '../engagements/EngagementFormModal'
import { useEngagements } from '../engagements/engagements.queries'
import { EngagementTable } from '../engagements/EngagementTable'
import { ClientFormModal } from './ClientFormModal'
import { useArchiveClient, useClient, useDeleteClient } from './clients.queries'

function Field({ label, value }: { label: string; value: React.ReactNode }) {
  return (
    <div>
      <Text size="xs" tt="uppercase" fw={600} c="dimmed">
        {label}
      </Text>
      <Text>
        {value || (
          <Text span c="dimmed">
            —
          </Text>
        )}
      </Text>
    </div>
  )
}

export function ClientDetailPage() {
  const { clientId = '' } = useParams()
  const navigate = useNavigate()
  const client = useClient(clientId)
  const engagements = useEngagements({ clientId, includeArchived: true })
  const archive = useArchiveClient()
  const remove = useDeleteClient()
  const [editOpen, edit] = useDisclosure(false)
  const [newOpen, newEngagement] = useDisclosure(false)
  useHotkeys([['mod+N', newEngagement.open]])

  if (client.isPending) return <LoadingState label="Loading client" rows={4} />
  if (client.isError) return <ErrorState error={client.error} onRetry={() => void client.refetch()} />
  const c = client.data

  const askToDelete = async () => {
    let preview
    try {
      preview = await call(api.clients.deletePreview({ id: c.id }))
    } catch (error) {
      notifyError(error)
      return
    }
    const count = preview.engagements.length
    confirmDelete({
      name: c.name,
      title: `Delete ${c.name}?`,
      children: (
        <Stack gap="xs">
          <Text size="sm">
            {count === 0
              ? 'This client has no engagements. Deleting it cannot be undone.'
              : `This also deletes ${count} engagement${count === 1 ? '' : 's'} and everything in ${count === 1 ? 'it' : 'them'}. This cannot be undone.`}
          </Text>
          {count > 0 && (
            <Stack gap={2} component="ul" pl="md" m={0}>
              {preview.engagements.slice(0, 8).map((e) => (
                <Text component="li" size="sm" key={e.id}>
                  {e.title}
                </Text>
              ))}
              {count > 8 && (
                <Text size="sm" c="dimmed">
                  and {count - 8} more
                </Text>
              )}
            </Stack>
          )}
          <Text size="sm" c="dimmed">
            To keep the history but hide the client, archive it instead.
          </Text>
        </Stack>
      ),
      size: 'md',
      confirmLabel: count ? `Delete client and ${count} engagement${count === 1 ? '' : 's'}` : 'Delete client',
      remove: () => remove.mutateAsync(c.id),
      afterDelete: () => navigate('/clients'),
      failed: 'The client was not deleted'
    })
  }

  const toggleArchive = () => toggleArchived({ name: c.name, archivedAt: c.archivedAt }, (archived) => archive.mutateAsync({ id: c.id, archived }))

  return (
    <>
      <PageHeader
        eyebrow={
          <Breadcrumbs>
            <Anchor component={Link} to="/clients" size="sm">
              Clients
            </Anchor>
            <Text size="sm">{c.name}</Text>
          </Breadcrumbs>
        }
        title={
          <Group gap="sm">
            {c.name}
            {c.archivedAt && <Badge color="gray">Archived</Badge>}
          </Group>
        }
        description={[c.industry, c.headcount != null ? `${c.headcount.toLocaleString()} people` : null].filter(Boolean).join(' · ') || undefined}
        actions={
          <>
            <Button variant="default" leftSection={<IconEdit size={16} />} onClick={edit.open}>
              Edit
            </Button>
            <Menu position="bottom-end" withinPortal>
              <Menu.Target>
                <Button variant="default" aria-label="More actions" px="xs">
                  <IconDots size={18} />
                </Button>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Item leftSection={<IconArchive size={16} />} onClick={toggleArchive}>
                  {c.archivedAt ? 'Restore from archive' : 'Archive client'}
                </Menu.Item>
                <Menu.Divider />
                <Menu.Item color="red" leftSection={<IconTrash size={16} />} onClick={askToDelete}>
                  Delete client…
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
          </>
        }
      />
      <SimpleGrid cols={{ base: 1, md: 3 }} mb="xl">
        <Card withBorder radius="lg" padding="lg">
          <Stack gap="sm">
            <Field label="Contact" value={c.contactName} />
            <Field label="Email" value={c.contactEmail && <Anchor href={`mailto:${c.contactEmail}`}>{c.contactEmail}</Anchor>} />
          </Stack>
        </Card>
        <Card withBorder radius="lg" padding="lg" style={{ gridColumn: 'span 2' }}>
          <Field label="Notes" value={c.notes && <Text style={{ whiteSpace: 'pre-wrap' }}>{c.notes}</Text>} />
        </Card>
      </SimpleGrid>

      <Group justify="space-between" mb="sm">
        <Title order={2} size="h3">
          Engagements
        </Title>
        <Button leftSection={<IconPlus size={16} />} onClick={newEngagement.open}>
          New engagement
        </Button>
      </Group>
      {engagements.isPending ? (
        <LoadingState label="Loading engagements" rows={2} />
      ) : engagements.isError ? (
        <ErrorState error={engagements.error} onRetry={() => void engagements.refetch()} />
      ) : engagements.data.items.length === 0 ? (
        <EmptyState icon={IconBriefcase} title="No engagements yet">
          An engagement holds the assessment, the plan and the proposal for one piece of work with {c.name}.
        </EmptyState>
      ) : (
        <Card withBorder radius="lg" padding={0}>
          <EngagementTable items={engagements.data.items} label={`Engagements of ${c.name}`} showClient={false} />
        </Card>
      )}
      <ClientFormModal opened={editOpen} onClose={edit.close} client={c} />
      <EngagementFormModal opened={newOpen} onClose={newEngagement.close} clientId={c.id} onSaved={(e) => navigate(`/engagements/${e.id}`)} />
    </>
  )
}
