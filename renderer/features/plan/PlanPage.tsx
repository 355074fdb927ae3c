import {
  Alert,
  Anchor,
  Button,
  Card,
  Group,
  Modal,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Tabs,
  Text,
  Textarea,
  TextInput,
  Title,
  Tooltip
} from '@mantine/core'
import { useDisclosure, useHotkeys } from '@mantine/hooks'
import { modals } from '@mantine/modals'
import { notifications } from '@mantine/notifications'
import { IconArrowBackUp, IconArrowForwardUp, IconCalendarStats, IconPlus, IconRefresh, IconRoute } from '@tabler/icons-react'
import { useCallback, useMemo, useState } from 'react'
import { Link, useParams } from 'react-router'
import { PHASES, ROLE_BY_ID, ROLE_IDS, TASK_BY_ID, type PhaseId } from '../../../shared/domain/catalogue'
import { milestoneTitle } from '../../../shared/domain/planning/plan.generator'
import type { PlanItem } from '../../../shared/domain/planning/plan.model'
import { planFromStored } from '../../../shared/domain/planning/stored-plan'
import type { PlanEdits, StoredPlan } from '../../../shared/schemas/plan.schema'
import { notifyError } from '../../components/notify'
import { PageHeader } from '../../components/PageHeader'
import { EmptyState, ErrorState, LoadingState } from '../../components/StateViews'
import { formatDate, formatMoney } from '../../format'
import { useAssessments } from '../assessments/assessments.queries'
import { useEngagement } from '../engagements/engagements.queries'
import { addCustom, editItem, removeItem } from './plan-edits'
import { useCreatePlan, usePlan, useRegenerate, useSaveEdits, useSaveSettings } from './plan.queries'
import { PlanTable } from './PlanTable'
import { PlanTimeline } from './PlanTimeline'
import { PricingPanel } from './PricingPanel'
import { ScenariosPanel } from './ScenariosPanel'
import { useEditHistory } from './use-edit-history'
import { EngagementCrumbs } from '../../components/EngagementCrumbs'

const OWNER_OPTIONS = [{ value: 'consultant', label: 'Consultant' }, ...ROLE_IDS.map((r) => ({ value: r, label: ROLE_BY_ID[r].name }))]
const PHASE_OPTIONS = PHASES.map((p) => ({ value: p.id, label: p.name }))

function ItemModal({
  item,
  notes,
  onClose,
  onSave,
  startProblem
}: {
  item: PlanItem | null
  notes: string
  onClose: () => void
  onSave: (patch: PlanEdits['overrides'][string]) => void
  /** Why the item cannot start in that week (a dependency), or null when it can. */
  startProblem: (item: PlanItem, week: number) => string | null
}) {
  const [title, setTitle] = useState(item?.title ?? '')
  const [start, setStart] = useState<number | string>(item?.startWeek ?? 1)
  const [phase, setPhase] = useState<string>(item?.phase ?? 'foundations')
  const [note, setNote] = useState(notes)
  const [optional, setOptional] = useState(item?.optional ?? false)
  if (!item) return null
  // Work that is scheduled by week (not a hire, not a weekly role) can be moved here as on the timeline.
  const movable = item.kind !== 'hire' && item.daysPerWeek === undefined
  const startWeek = typeof start === 'number' ? start : Number.NaN
  const startError =
    !movable || startWeek === item.startWeek ? null : !Number.isInteger(startWeek) || startWeek < 1 ? 'A week from 1 on.' : startProblem(item, startWeek)
  return (
    <Modal opened onClose={onClose} title={`Edit “${item.title}”`} size="lg" returnFocus={false}>
      <Stack>
        <TextInput label="Title" value={title} onChange={(e) => setTitle(e.currentTarget.value)} maxLength={160} data-autofocus />
        <SimpleGrid cols={2}>
          <Select label="Phase" data={PHASE_OPTIONS} value={phase} onChange={(v) => v && setPhase(v)} allowDeselect={false} />
          <Switch
            label="Optional (outside the committed total)"
            checked={optional}
            onChange={(e) => setOptional(e.currentTarget.checked)}
            disabled={item.pending !== null}
            mt="xl"
          />
        </SimpleGrid>
        {movable && (
          <NumberInput
            label="Starts in week"
            description="At the earliest: the plan moves it later if what it waits for ends later."
            min={1}
            max={520}
            allowDecimal={false}
            value={start}
            onChange={setStart}
            error={startError}
            w="16rem"
          />
        )}
        <Textarea
          label="Notes"
          description="Shown in the plan and the proposal."
          autosize
          minRows={3}
          maxLength={20000}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button
            disabled={startError !== null}
            onClick={() =>
              onSave({
                ...(title.trim() && title.trim() !== item.title ? { title: title.trim() } : {}),
                ...(phase !== item.phase ? { phase: phase as PhaseId } : {}),
                ...(movable && startWeek !== item.startWeek ? { notBeforeWeek: startWeek } : {}),
                ...(optional !== item.optional && item.pending === null ? { optional } : {}),
                ...(note !== notes ? { notes: note } : {})
              })
            }
          >
            Save
          </Button>
        </Group>
      </Stack>
    </Modal>
  )
}

function AddTaskModal({
  opened,
  onClose,
  onAdd
}: {
  opened: boolean
  onClose: () => void
  onAdd: (item: { title: string; phase: PhaseId; owner: PlanItem['owner']; effortDays: number }) => void
}) {
  const [title, setTitle] = useState('')
  const [phase, setPhase] = useState<PhaseId>('foundations')
  const [owner, setOwner] = useState<string>('consultant')
  const [effort, setEffort] = useState<number | string>(2)
  const valid = title.trim().length > 0 && typeof effort === 'number' && effort > 0
  return (
    <Modal opened={opened} onClose={onClose} title="Add a task">
      <Stack>
        <TextInput label="Title" required value={title} onChange={(e) => setTitle(e.currentTarget.value)} maxLength={160} data-autofocus />
        <SimpleGrid cols={2}>
          <Select label="Phase" data={PHASE_OPTIONS} value={phase} onChange={(v) => v && setPhase(v as PhaseId)} allowDeselect={false} />
          <NumberInput label="Consultant days" min={0.5} max={1000} step={0.5} decimalScale={1} value={effort} onChange={setEffort} />
        </SimpleGrid>
        <Select label="Owner" data={OWNER_OPTIONS} value={owner} onChange={(v) => v && setOwner(v)} allowDeselect={false} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button
            disabled={!valid}
            onClick={() => {
              onAdd({ title: title.trim(), phase, owner: owner as PlanItem['owner'], effortDays: Number(effort) })
              setTitle('')
            }}
          >
            Add task
          </Button>
        </Group>
      </Stack>
    </Modal>
  )
}

const lowerFirst = (text: string): string => text.charAt(0).toLowerCase() + text.slice(1)

function PlanEditor({ stored, engagementId }: { stored: StoredPlan; engagementId: string }) {
  const engagement = useEngagement(engagementId)
  const assessments = useAssessments(engagementId)
  const saveEdits = useSaveEdits(engagementId)
  const saveSettings = useSaveSettings(engagementId)
  const regenerate = useRegenerate(engagementId)
  const [editing, setEditing] = useState<PlanItem | null>(null)
  const [addOpen, add] = useDisclosure(false)
  const [tab, setTab] = useState<string | null>('timeline')

  const save = useCallback((edits: PlanEdits) => saveEdits.mutateAsync({ planId: stored.id, edits }), [saveEdits, stored.id])
  const history = useEditHistory(save)

  const e = engagement.data
  const planEngagement = useMemo(() => (e ? { startDate: e.startDate, dayRate: e.dayRate, currency: e.currency } : null), [e])
  const plan = useMemo(() => (planEngagement ? planFromStored(stored, planEngagement) : null), [stored, planEngagement])

  const change = async (next: PlanEdits, message?: string) => {
    try {
      await history.apply(stored.edits, next)
      if (message) notifications.show({ message, color: 'teal', autoClose: 2500 })
    } catch (error) {
      notifyError(error, 'That change was not made')
    }
  }

  const isTyping = () => {
    const el = document.activeElement
    return el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement
  }
  useHotkeys([
    ['mod+Z', () => !isTyping() && void history.undo(stored.edits).catch((err) => notifyError(err))],
    ['mod+shift+Z', () => !isTyping() && void history.redo(stored.edits).catch((err) => notifyError(err))]
  ])

  if (!plan || !e) return <LoadingState label="Working out the plan" />

  const allItems = plan.phases.flatMap((p) => p.items)
  const latestComplete = assessments.data?.find((a) => a.status === 'complete') ?? assessments.data?.[0]

  // The dialog opens from a row's menu, which is gone by the time it closes: focus goes back to
  // that row's menu button (or, from the timeline, to the bar), not to the top of the page.
  const closeEditing = (id: string) => {
    setEditing(null)
    requestAnimationFrame(() => document.querySelector<HTMLElement>(`[data-more-for="${CSS.escape(id)}"], [data-bar-id="${CSS.escape(id)}"]`)?.focus())
  }

  /** Why `item` cannot start in `toWeek` (what it waits for ends later), or null. One rule for the timeline, the keyboard and the dialog. */
  const startProblem = (item: PlanItem, toWeek: number): string | null => {
    const prereqEnd = Math.max(0, ...item.dependsOn.map((id) => allItems.find((i) => i.id === id)?.endWeek ?? 0))
    if (toWeek >= Math.max(1, prereqEnd)) return null
    const blocker = allItems.find((i) => item.dependsOn.includes(i.id) && i.endWeek === prereqEnd)
    return blocker ? `“${item.title}” cannot start before “${blocker.title}” ends in week ${prereqEnd}.` : `“${item.title}” cannot start before week 1.`
  }

  const onMove = (item: PlanItem, toWeek: number) => {
    const problem = startProblem(item, toWeek)
    if (problem) {
      notifications.show({ color: 'orange', title: 'That move would break a dependency', message: problem })
      return
    }
    void change(editItem(stored.edits, item.id, { notBeforeWeek: toWeek }), `Moved “${item.title}” to start in week ${toWeek} at the earliest`)
  }

  const confirmRegenerate = (reset: boolean) => {
    if (!latestComplete) return
    modals.openConfirmModal({
      title: reset ? 'Regenerate and discard your edits?' : `Regenerate from “${latestComplete.title}”?`,
      children: (
        <Text size="sm">
          {reset
            ? 'The plan is rebuilt from the assessment as if new: your changed efforts, owners, notes, removed and added tasks are dropped.'
            : 'Tasks the assessment now calls for are added; tasks it no longer calls for stay in, marked, for you to decide. Your edits are kept.'}
        </Text>
      ),
      labels: { confirm: reset ? 'Regenerate and reset' : 'Regenerate', cancel: 'Cancel' },
      confirmProps: reset ? { color: 'red' } : undefined,
      onConfirm: () =>
        regenerate.mutate({ planId: stored.id, assessmentId: latestComplete.id, reset }, { onError: (err) => notifyError(err, 'The plan was not regenerated') })
    })
  }

  const diff = stored.lastDiff
  const title = (id: string) => (id in TASK_BY_ID ? TASK_BY_ID[id as keyof typeof TASK_BY_ID].title : id)

  return (
    <>
      <PageHeader
        eyebrow={<EngagementCrumbs engagement={e} here="Plan" />}
        title="Phased plan"
        description={`${plan.totals.effortDays} consultant days · fees ${formatMoney(plan.totals.cost, plan.totals.currency)} committed · ${plan.weeks} weeks from ${formatDate(plan.engagement.startDate)} · ${lowerFirst(milestoneTitle(plan.milestone))} by week ${plan.milestone.week}`}
        actions={
          <>
            <Tooltip label="Undo (Ctrl/⌘+Z)">
              <Button
                variant="default"
                px="xs"
                aria-label="Undo"
                disabled={!history.canUndo}
                onClick={() => void history.undo(stored.edits).catch((err) => notifyError(err))}
              >
                <IconArrowBackUp size={18} />
              </Button>
            </Tooltip>
            <Tooltip label="Redo (Ctrl/⌘+Shift+Z)">
              <Button
                variant="default"
                px="xs"
                aria-label="Redo"
                disabled={!history.canRedo}
                onClick={() => void history.redo(stored.edits).catch((err) => notifyError(err))}
              >
                <IconArrowForwardUp size={18} />
              </Button>
            </Tooltip>
            <Button variant="default" leftSection={<IconPlus size={16} />} onClick={add.open}>
              Add task
            </Button>
          </>
        }
        more={[{ label: 'Regenerate', icon: <IconRefresh size={16} />, onClick: () => confirmRegenerate(false), disabled: !latestComplete }]}
      />
      {diff && (diff.added.length > 0 || diff.noLongerTriggered.length > 0) && (
        <Alert color="blue" variant="light" radius="md" mb="md" title={`Regenerated ${formatDate(diff.at)} from the latest assessment`}>
          {diff.added.length > 0 && <Text size="sm">Added: {diff.added.map(title).join(', ')}.</Text>}
          {diff.noLongerTriggered.length > 0 && (
            <Text size="sm">No longer indicated (kept, marked in the plan): {diff.noLongerTriggered.map(title).join(', ')}.</Text>
          )}
          <Anchor component="button" size="sm" onClick={() => confirmRegenerate(true)}>
            Reset the plan to the assessment instead…
          </Anchor>
        </Alert>
      )}
      <Group mb="md" gap="lg">
        <NumberInput
          label="Your days a week on this engagement"
          w="21rem"
          min={1.5}
          max={7}
          step={0.5}
          decimalScale={1}
          defaultValue={stored.settings.capacityDaysPerWeek}
          onBlur={(ev) => {
            const v = Number(ev.currentTarget.value)
            if (Number.isFinite(v) && v !== stored.settings.capacityDaysPerWeek) {
              saveSettings.mutate(
                { planId: stored.id, settings: { capacityDaysPerWeek: v } },
                { onError: (err) => notifyError(err, 'The capacity was not changed') }
              )
            }
          }}
        />
      </Group>
      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="timeline" leftSection={<IconCalendarStats size={16} />}>
            Timeline
          </Tabs.Tab>
          <Tabs.Tab value="table">Table</Tabs.Tab>
          <Tabs.Tab value="pricing">Pricing</Tabs.Tab>
          <Tabs.Tab value="scenarios" leftSection={<IconRoute size={16} />}>
            Scenarios
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="timeline">
          <PlanTimeline plan={plan} onMove={onMove} />
        </Tabs.Panel>
        <Tabs.Panel value="table">
          <PlanTable
            plan={plan}
            edits={stored.edits}
            stale={stored.keptStale}
            onEdit={(id, patch) => void change(editItem(stored.edits, id, patch))}
            onRemove={(item) => void change(removeItem(stored.edits, item.id), `Removed “${item.title}”. Undo with Ctrl/⌘+Z.`)}
            onOpen={setEditing}
          />
        </Tabs.Panel>
        <Tabs.Panel value="pricing">
          <PricingPanel plan={plan} terms={stored.pricing} onSave={(pricing) => saveSettings.mutateAsync({ planId: stored.id, pricing })} />
        </Tabs.Panel>
        <Tabs.Panel value="scenarios">{plan && <ScenariosPanel plan={plan} />}</Tabs.Panel>
      </Tabs>
      {editing && (
        <ItemModal
          key={editing.id}
          item={editing}
          notes={stored.edits.overrides[editing.id]?.notes ?? ''}
          startProblem={startProblem}
          onClose={() => closeEditing(editing.id)}
          onSave={(patch) => {
            closeEditing(editing.id)
            if (Object.keys(patch).length) void change(editItem(stored.edits, editing.id, patch))
          }}
        />
      )}
      <AddTaskModal
        opened={addOpen}
        onClose={add.close}
        onAdd={(item) => {
          add.close()
          void change(
            addCustom(
              stored.edits,
              item,
              allItems.map((i) => i.id)
            ),
            `Added “${item.title}”`
          )
        }}
      />
    </>
  )
}

export function PlanPage() {
  const { engagementId = '' } = useParams()
  const plan = usePlan(engagementId)
  const assessments = useAssessments(engagementId)
  const create = useCreatePlan(engagementId)
  const [from, setFrom] = useState<string | null>(null)

  if (plan.isPending || assessments.isPending) return <LoadingState label="Loading the plan" />
  if (plan.isError) return <ErrorState error={plan.error} onRetry={() => void plan.refetch()} />
  if (plan.data) return <PlanEditor stored={plan.data} engagementId={engagementId} />

  const options = (assessments.data ?? []).map((a) => ({ value: a.id, label: `${a.title}${a.status === 'complete' ? '' : ' (in progress)'}` }))
  const chosen = from ?? options[0]?.value ?? null
  return (
    <>
      <PageHeader title="Phased plan" description="Generated from a readiness assessment, then yours to edit." />
      {options.length === 0 ? (
        <EmptyState
          icon={IconCalendarStats}
          title="Run an assessment first"
          action={
            <Button component={Link} to={`/engagements/${engagementId}`}>
              Go to the engagement to start one
            </Button>
          }
        >
          The plan is generated from the readiness assessment: the tasks it triggers, the first hire and the hiring sequence. Start the workshop from the
          engagement&rsquo;s page, then come back here.
        </EmptyState>
      ) : (
        <Card withBorder radius="lg" padding="xl" maw={640}>
          <Stack>
            <Title order={2} size="h4">
              Generate the plan
            </Title>
            <Select label="From the assessment" data={options} value={chosen} onChange={setFrom} allowDeselect={false} />
            <Group justify="flex-end">
              <Button
                loading={create.isPending}
                onClick={() => chosen && create.mutate(chosen, { onError: (err) => notifyError(err, 'The plan was not generated') })}
              >
                Generate plan
              </Button>
            </Group>
          </Stack>
        </Card>
      )}
    </>
  )
}
