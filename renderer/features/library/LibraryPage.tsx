import { Badge, Button, Card, Group, Modal, NumberInput, Select, SimpleGrid, Stack, Table, Tabs, Text, Textarea, TextInput } from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import { IconBooks, IconFileExport, IconFileImport, IconPlus } from '@tabler/icons-react'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { PHASES } from '../../../shared/domain/catalogue'
import { QUESTION_GROUPS, type InterviewQuestion, type Library, type RoleProfile, type TaskTemplate } from '../../../shared/schemas/library.schema'
import { api, call } from '../../api'
import { notifyError, notifySaved } from '../../components/notify'
import { PageHeader } from '../../components/PageHeader'
import { SearchField } from '../../components/SearchField'
import { EmptyState, ErrorState, LoadingState } from '../../components/StateViews'
import { libraryKeys } from './library.queries'

const GROUP_LABEL: Record<string, string> = {
  ml_practice: 'ML practice',
  software_engineering: 'Software engineering',
  ml_theory: 'ML theory and maths',
  ml_systems: 'ML systems architecture',
  culture: 'Culture',
  ai_domain: 'AI domain (LLMs, fine-tuning)'
}
const lines = (items: readonly string[]) => items.join('\n')
const unlines = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
const slug = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 40) || 'item'

function useSave() {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: async (args: { kind: 'task'; item: TaskTemplate } | { kind: 'role'; item: RoleProfile } | { kind: 'question'; item: InterviewQuestion }) => {
      if (args.kind === 'task') return call(api.library.saveTask({ item: args.item }))
      if (args.kind === 'role') return call(api.library.saveRole({ item: args.item }))
      return call(api.library.saveQuestion({ item: args.item }))
    },
    onSuccess: () => qc.invalidateQueries({ queryKey: libraryKeys.all })
  })
}

function TaskModal({ task, onClose }: { task: TaskTemplate; onClose: () => void }) {
  const save = useSave()
  const [t, setT] = useState(task)
  const [deliverables, setDeliverables] = useState(lines(task.deliverables))
  const [criteria, setCriteria] = useState(lines(task.acceptanceCriteria))
  const submit = async () => {
    try {
      await save.mutateAsync({ kind: 'task', item: { ...t, deliverables: unlines(deliverables), acceptanceCriteria: unlines(criteria) } })
      notifySaved(`Saved “${t.title}” for new plans`)
      onClose()
    } catch (error) {
      notifyError(error, 'The task was not saved')
    }
  }
  return (
    <Modal opened onClose={onClose} title={task.custom && !task.summary ? 'New task' : `Edit “${task.title}”`} size="xl">
      <Stack>
        <TextInput label="Title" value={t.title} onChange={(e) => setT({ ...t, title: e.currentTarget.value })} maxLength={160} data-autofocus />
        <TextInput label="Summary" value={t.summary} onChange={(e) => setT({ ...t, summary: e.currentTarget.value })} maxLength={400} />
        <Textarea
          label="Description"
          autosize
          minRows={4}
          maxRows={10}
          value={t.description}
          onChange={(e) => setT({ ...t, description: e.currentTarget.value })}
          maxLength={4000}
        />
        <SimpleGrid cols={2}>
          <Textarea
            label="Deliverables"
            description="One per line"
            autosize
            minRows={3}
            value={deliverables}
            onChange={(e) => setDeliverables(e.currentTarget.value)}
          />
          <Textarea
            label="Acceptance criteria"
            description="One per line"
            autosize
            minRows={3}
            value={criteria}
            onChange={(e) => setCriteria(e.currentTarget.value)}
          />
        </SimpleGrid>
        <SimpleGrid cols={4}>
          <NumberInput
            label={t.effort.unit === 'days' ? 'Default days' : 'Days a week'}
            min={0.5}
            max={1000}
            step={0.5}
            decimalScale={1}
            value={t.effort.default}
            onChange={(v) => setT({ ...t, effort: { ...t.effort, default: Number(v) } })}
          />
          <NumberInput
            label="Fewest"
            min={0.5}
            max={1000}
            step={0.5}
            decimalScale={1}
            value={t.effort.min}
            onChange={(v) => setT({ ...t, effort: { ...t.effort, min: Number(v) } })}
          />
          <NumberInput
            label="Most"
            min={0.5}
            max={1000}
            step={0.5}
            decimalScale={1}
            value={t.effort.max}
            onChange={(v) => setT({ ...t, effort: { ...t.effort, max: Number(v) } })}
          />
          <Select
            label="Phase"
            allowDeselect={false}
            data={PHASES.map((p) => ({ value: p.id, label: p.name }))}
            value={t.phase}
            onChange={(v) => v && setT({ ...t, phase: v as TaskTemplate['phase'] })}
          />
        </SimpleGrid>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button onClick={submit} loading={save.isPending}>
            Save
          </Button>
        </Group>
      </Stack>
    </Modal>
  )
}

function RoleModal({ role, onClose }: { role: RoleProfile; onClose: () => void }) {
  const save = useSave()
  const [r, setR] = useState(role)
  const [must, setMust] = useState(lines(role.mustHaves))
  const [nice, setNice] = useState(lines(role.niceToHaves))
  const [absent, setAbsent] = useState(lines(role.deliberatelyAbsent))
  const submit = async () => {
    try {
      await save.mutateAsync({ kind: 'role', item: { ...r, mustHaves: unlines(must), niceToHaves: unlines(nice), deliberatelyAbsent: unlines(absent) } })
      notifySaved(`Saved “${r.title}”`)
      onClose()
    } catch (error) {
      notifyError(error, 'The role was not saved')
    }
  }
  return (
    <Modal opened onClose={onClose} title={`Edit “${role.title}”`} size="xl">
      <Stack>
        <TextInput label="Title" value={r.title} onChange={(e) => setR({ ...r, title: e.currentTarget.value })} maxLength={160} data-autofocus />
        <TextInput label="In one line" value={r.oneLine} onChange={(e) => setR({ ...r, oneLine: e.currentTarget.value })} maxLength={400} />
        <Textarea
          label="What the role does in the client's situation"
          autosize
          minRows={3}
          maxRows={8}
          value={r.situation}
          onChange={(e) => setR({ ...r, situation: e.currentTarget.value })}
          maxLength={4000}
        />
        <SimpleGrid cols={3}>
          <Textarea label="Must-haves" description="One per line" autosize minRows={3} value={must} onChange={(e) => setMust(e.currentTarget.value)} />
          <Textarea label="Nice to have" description="One per line" autosize minRows={3} value={nice} onChange={(e) => setNice(e.currentTarget.value)} />
          <Textarea
            label="Deliberately absent"
            description="One per line"
            autosize
            minRows={3}
            value={absent}
            onChange={(e) => setAbsent(e.currentTarget.value)}
          />
        </SimpleGrid>
        <SimpleGrid cols={2}>
          <NumberInput label="Typical weeks to hire" min={1} max={52} value={r.timeToHireWeeks} onChange={(v) => setR({ ...r, timeToHireWeeks: Number(v) })} />
          <NumberInput label="Onboarding weeks" min={0} max={26} value={r.onboardingWeeks} onChange={(v) => setR({ ...r, onboardingWeeks: Number(v) })} />
        </SimpleGrid>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button onClick={submit} loading={save.isPending}>
            Save
          </Button>
        </Group>
      </Stack>
    </Modal>
  )
}

function QuestionModal({ question, onClose }: { question: InterviewQuestion; onClose: () => void }) {
  const save = useSave()
  const [q, setQ] = useState(question)
  const submit = async () => {
    try {
      await save.mutateAsync({ kind: 'question', item: q })
      notifySaved('Question saved')
      onClose()
    } catch (error) {
      notifyError(error, 'The question was not saved')
    }
  }
  return (
    <Modal opened onClose={onClose} title={question.text ? 'Edit question' : 'New question'} size="lg">
      <Stack>
        <SimpleGrid cols={2}>
          <Select
            label="Skill"
            allowDeselect={false}
            data={QUESTION_GROUPS.map((g) => ({ value: g, label: GROUP_LABEL[g] ?? g }))}
            value={q.group}
            onChange={(v) => v && setQ({ ...q, group: v as InterviewQuestion['group'] })}
          />
          <Select
            label="Level"
            allowDeselect={false}
            data={[
              { value: 'core', label: 'Core' },
              { value: 'senior', label: 'Senior' }
            ]}
            value={q.seniority}
            onChange={(v) => v && setQ({ ...q, seniority: v as InterviewQuestion['seniority'] })}
          />
        </SimpleGrid>
        <Textarea
          label="Question"
          autosize
          minRows={2}
          value={q.text}
          onChange={(e) => setQ({ ...q, text: e.currentTarget.value })}
          maxLength={1000}
          data-autofocus
        />
        <Textarea
          label="What a good answer covers"
          autosize
          minRows={2}
          value={q.lookFor}
          onChange={(e) => setQ({ ...q, lookFor: e.currentTarget.value })}
          maxLength={1000}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button onClick={submit} loading={save.isPending}>
            Save
          </Button>
        </Group>
      </Stack>
    </Modal>
  )
}

type Editing = { kind: 'task'; item: TaskTemplate } | { kind: 'role'; item: RoleProfile } | { kind: 'question'; item: InterviewQuestion } | null

export function LibraryPage() {
  const qc = useQueryClient()
  const library = useQuery({ queryKey: libraryKeys.all, queryFn: () => call(api.library.get({})) })
  const save = useSave()
  const [tab, setTab] = useState<string | null>('tasks')
  const [search, setSearch] = useState('')
  const [term] = useDebouncedValue(search.toLowerCase(), 100)
  const [editing, setEditing] = useState<Editing>(null)
  const exporter = useMutation({ mutationFn: () => call(api.library.export({})) })
  const importer = useMutation({ mutationFn: () => call(api.library.import({})), onSuccess: () => qc.invalidateQueries({ queryKey: libraryKeys.all }) })

  const retire = (args: NonNullable<Editing>) =>
    save.mutate({ ...args, item: { ...args.item, retired: !args.item.retired } } as NonNullable<Editing>, {
      onSuccess: () => notifySaved(args.item.retired ? 'Back in use for new plans' : 'Retired: kept, but not used for new plans'),
      onError: (e) => notifyError(e)
    })

  if (library.isPending) return <LoadingState label="Loading your library" />
  if (library.isError) return <ErrorState error={library.error} onRetry={() => void library.refetch()} />
  const lib: Library = library.data
  const match = (...texts: string[]) => !term || texts.some((t) => t.toLowerCase().includes(term))
  const tasks = lib.tasks.filter((t) => match(t.title, t.summary, t.id))
  const roles = lib.roles.filter((r) => match(r.title, r.oneLine, r.id))
  const questions = lib.questions.filter((q) => match(q.text, q.lookFor, GROUP_LABEL[q.group] ?? ''))
  const ids = [...lib.tasks, ...lib.roles, ...lib.questions].map((i) => i.id)
  const uniqueId = (base: string) => {
    let id = base
    for (let n = 2; ids.includes(id); n++) id = `${base}_${n}`
    return id
  }

  const addNew = () => {
    if (tab === 'questions') {
      setEditing({
        kind: 'question',
        item: {
          id: uniqueId(`custom_q_${lib.questions.length + 1}`),
          group: 'ml_practice',
          text: '',
          lookFor: '',
          seniority: 'core',
          custom: true,
          retired: false
        }
      })
    } else {
      const title = 'New task'
      setEditing({
        kind: 'task',
        item: {
          id: uniqueId(`custom_${slug(title)}`),
          title,
          summary: '',
          description: '',
          deliverables: [],
          acceptanceCriteria: [],
          effort: { unit: 'days', default: 2, min: 1, max: 4 },
          phase: 'foundations',
          custom: true,
          retired: false
        }
      })
    }
  }

  const retiredBadge = (retired: boolean) =>
    retired && (
      <Badge color="gray" size="xs">
        Retired
      </Badge>
    )

  return (
    <>
      <PageHeader
        title="Library"
        description="Your own tasks, job descriptions and interview questions. Changes apply to new plans; plans already made keep what they had."
        actions={
          <>
            <Button
              variant="default"
              leftSection={<IconFileImport size={16} />}
              loading={importer.isPending}
              onClick={() =>
                importer.mutate(undefined, {
                  onSuccess: (r) => r.status === 'imported' && notifySaved(`Imported ${r.items} items from ${r.fileName}`),
                  onError: (e) => notifyError(e, 'The library was not imported')
                })
              }
            >
              Import…
            </Button>
            <Button
              variant="default"
              leftSection={<IconFileExport size={16} />}
              loading={exporter.isPending}
              onClick={() =>
                exporter.mutate(undefined, {
                  onSuccess: (r) => r.status === 'exported' && notifySaved(`Saved ${r.items} items to ${r.fileName}`),
                  onError: (e) => notifyError(e, 'The library was not exported')
                })
              }
            >
              Export…
            </Button>
            {tab !== 'roles' && (
              <Button leftSection={<IconPlus size={16} />} onClick={addNew}>
                {tab === 'questions' ? 'New question' : 'New task'}
              </Button>
            )}
          </>
        }
      />
      <Group mb="md">
        <SearchField value={search} onChange={setSearch} label="Search the library" placeholder="Search titles and text" />
      </Group>
      <Tabs value={tab} onChange={setTab}>
        <Tabs.List mb="md">
          <Tabs.Tab value="tasks">Tasks ({lib.tasks.length})</Tabs.Tab>
          <Tabs.Tab value="roles">Roles ({lib.roles.length})</Tabs.Tab>
          <Tabs.Tab value="questions">Interview questions ({lib.questions.length})</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="tasks">
          {tasks.length === 0 ? (
            <EmptyState icon={IconBooks} title="No matching tasks">
              Try another word.
            </EmptyState>
          ) : (
            <Card withBorder radius="lg" padding={0}>
              <Table verticalSpacing="sm" horizontalSpacing="lg" highlightOnHover aria-label="Task templates">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Task</Table.Th>
                    <Table.Th w={170}>Phase</Table.Th>
                    <Table.Th w={150}>Effort</Table.Th>
                    <Table.Th w={190} />
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {tasks.map((t) => (
                    <Table.Tr key={t.id} opacity={t.retired ? 0.6 : 1}>
                      <Table.Td>
                        <Group gap={6}>
                          <Text fw={600} size="sm">
                            {t.title}
                          </Text>
                          {t.custom && <Badge size="xs">Yours</Badge>}
                          {retiredBadge(t.retired)}
                        </Group>
                        <Text size="xs" c="dimmed" lineClamp={1}>
                          {t.summary}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{PHASES.find((p) => p.id === t.phase)?.name}</Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">
                          {t.effort.default} {t.effort.unit === 'days' ? 'days' : 'a week'}{' '}
                          <Text span c="dimmed" size="xs">
                            ({t.effort.min}–{t.effort.max})
                          </Text>
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Group gap="xs" justify="flex-end" wrap="nowrap">
                          <Button size="xs" variant="light" onClick={() => setEditing({ kind: 'task', item: t })} aria-label={`Edit ${t.title}`}>
                            Edit
                          </Button>
                          <Button size="xs" variant="subtle" color="gray" onClick={() => retire({ kind: 'task', item: t })}>
                            {t.retired ? 'Use again' : 'Retire'}
                          </Button>
                        </Group>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Card>
          )}
        </Tabs.Panel>
        <Tabs.Panel value="roles">
          <Card withBorder radius="lg" padding={0}>
            <Table verticalSpacing="sm" horizontalSpacing="lg" highlightOnHover aria-label="Roles">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Role</Table.Th>
                  <Table.Th w={160}>Time to hire</Table.Th>
                  <Table.Th w={190} />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {roles.map((r) => (
                  <Table.Tr key={r.id} opacity={r.retired ? 0.6 : 1}>
                    <Table.Td>
                      <Group gap={6}>
                        <Text fw={600} size="sm">
                          {r.title}
                        </Text>
                        {retiredBadge(r.retired)}
                      </Group>
                      <Text size="xs" c="dimmed" lineClamp={1}>
                        {r.oneLine}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">
                        {r.timeToHireWeeks} weeks + {r.onboardingWeeks} onboarding
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Group gap="xs" justify="flex-end" wrap="nowrap">
                        <Button size="xs" variant="light" onClick={() => setEditing({ kind: 'role', item: r })} aria-label={`Edit ${r.title}`}>
                          Edit
                        </Button>
                        <Button size="xs" variant="subtle" color="gray" onClick={() => retire({ kind: 'role', item: r })}>
                          {r.retired ? 'Use again' : 'Retire'}
                        </Button>
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Card>
        </Tabs.Panel>
        <Tabs.Panel value="questions">
          <Card withBorder radius="lg" padding={0}>
            <Table verticalSpacing="sm" horizontalSpacing="lg" highlightOnHover aria-label="Interview questions">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Question</Table.Th>
                  <Table.Th w={220}>Skill</Table.Th>
                  <Table.Th w={190} />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {questions.map((q) => (
                  <Table.Tr key={q.id} opacity={q.retired ? 0.6 : 1}>
                    <Table.Td>
                      <Group gap={6} wrap="nowrap">
                        <Text size="sm">{q.text}</Text>
                        {q.custom && <Badge size="xs">Yours</Badge>}
                        {retiredBadge(q.retired)}
                      </Group>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{GROUP_LABEL[q.group]}</Text>
                      <Text size="xs" c="dimmed">
                        {q.seniority === 'senior' ? 'Senior' : 'Core'}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Group gap="xs" justify="flex-end" wrap="nowrap">
                        <Button size="xs" variant="light" onClick={() => setEditing({ kind: 'question', item: q })}>
                          Edit
                        </Button>
                        <Button size="xs" variant="subtle" color="gray" onClick={() => retire({ kind: 'question', item: q })}>
                          {q.retired ? 'Use again' : 'Retire'}
                        </Button>
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Card>
        </Tabs.Panel>
      </Tabs>
      {editing?.kind === 'task' && <TaskModal key={editing.item.id} task={editing.item} onClose={() => setEditing(null)} />}
      {editing?.kind === 'role' && <RoleModal key={editing.item.id} role={editing.item} onClose={() => setEditing(null)} />}
      {editing?.kind === 'question' && <QuestionModal key={editing.item.id} question={editing.item} onClose={() => setEditing(null)} />}
    </>
  )
}
