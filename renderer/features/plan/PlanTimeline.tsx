import { DndContext, KeyboardSensor, PointerSensor, useDraggable, useSensor, useSensors, type DragEndEvent, type KeyboardCoordinateGetter } from '@dnd-kit/core'
import { restrictToHorizontalAxis } from '@dnd-kit/modifiers'
import { Box, Group, ScrollArea, Text, Tooltip } from '@mantine/core'
import { Fragment, useMemo } from 'react'
import type { Plan, PlanItem } from '../../../shared/domain/planning/plan.model'
import { weekStartDate } from '../../../shared/domain/planning/weeks'
import { ownerLabel } from './PlanTable'
import { useRootFontPx } from '../../components/useRemWidth'

/** Sizes at normal type, in px; they grow with the type size (see `useRootFontPx`). */
const BASE = { week: 34, row: 34, header: 44, labels: 300 }

type Row = { kind: 'phase'; name: string } | { kind: 'item'; item: PlanItem }

/**
 * Only the dependencies between pieces of work are drawn; the kick-off, the audit and the
 * handover precede so much that their lines would hide everything else.
 */
const DRAWN = new Set<PlanItem['kind']>(['task', 'custom'])
const UNDRAWN_SOURCES = new Set(['discovery_kickoff', 'objectives_audit', 'handover'])

function Bar({ item, left, width, top, row, draggable }: { item: PlanItem; left: number; width: number; top: number; row: number; draggable: boolean }) {
  const { attributes, listeners, setNodeRef, transform, isDragging } = useDraggable({ id: item.id, disabled: !draggable })
  const inset = Math.round(row * 0.18)
  const style = {
    left,
    top: top + inset,
    width,
    height: row - 2 * inset,
    transform: transform ? `translate3d(${transform.x}px, 0, 0)` : undefined,
    zIndex: isDragging ? 5 : 2
  }
  return (
    <Tooltip
      label={`${item.title} · weeks ${item.startWeek}–${item.endWeek} · ${ownerLabel(item.owner)}${item.effortDays ? ` · ${item.effortDays} d` : ''}`}
      disabled={isDragging}
      openDelay={300}
    >
      <div
        ref={setNodeRef}
        className="sc-bar"
        data-kind={item.kind}
        data-owner={item.owner === 'consultant' ? 'consultant' : 'hire'}
        data-optional={item.optional || undefined}
        data-dragging={isDragging || undefined}
        data-bar-id={item.id}
        style={style}
        aria-label={`${item.title}, weeks ${item.startWeek} to ${item.endWeek}${draggable ? '. Drag, or press Enter and then the arrow keys, to move.' : ''}`}
        {...(draggable ? { ...listeners, ...attributes } : {})}
      >
        <span>{item.title}</span>
      </div>
    </Tooltip>
  )
}

/**
 * The plan as a timeline in weeks. Bars are dragged sideways to move work later (or earlier,
 * as far as its prerequisites allow); dependency lines join each bar to what it waits for.
 */
export function PlanTimeline({ plan, onMove }: { plan: Plan; onMove: (item: PlanItem, toWeek: number) => void }) {
  const rows: Row[] = useMemo(
    () => plan.phases.flatMap((p) => [{ kind: 'phase' as const, name: p.name }, ...p.items.map((item) => ({ kind: 'item' as const, item }))]),
    [plan]
  )
  const weeks = Math.max(plan.weeks, ...plan.milestones.map((m) => m.week), 1)
  const rowOf = useMemo(() => {
    const map = new Map<string, number>()
    rows.forEach((r, i) => r.kind === 'item' && map.set(r.item.id, i))
    return map
  }, [rows])
  // Everything is drawn in px that grow with the type size, so labels and bars stay in line.
  const unit = useRootFontPx() / 16
  const WEEK = Math.round(BASE.week * unit)
  const ROW = Math.round(BASE.row * unit)
  const HEADER = Math.round(BASE.header * unit)
  const LABELS = Math.round(BASE.labels * Math.min(unit, 1.1)) // titles truncate: the weeks need the room more
  // By keyboard: Enter or Space picks a bar up, each arrow moves it a week, Enter drops it, Escape puts it back.
  const byWeek: KeyboardCoordinateGetter = (event, { currentCoordinates }) => {
    if (event.code === 'ArrowRight') return { ...currentCoordinates, x: currentCoordinates.x + WEEK }
    if (event.code === 'ArrowLeft') return { ...currentCoordinates, x: currentCoordinates.x - WEEK }
    return undefined
  }
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor, { coordinateGetter: byWeek, keyboardCodes: { start: ['Enter', 'Space'], cancel: ['Escape'], end: ['Enter', 'Space', 'Tab'] } })
  )
  const byId = useMemo(() => new Map(plan.phases.flatMap((p) => p.items).map((i) => [i.id, i])), [plan])

  const onDragEnd = (event: DragEndEvent) => {
    const item = byId.get(String(event.active.id))
    if (!item) return
    const delta = Math.round(event.delta.x / WEEK)
    if (delta !== 0) onMove(item, item.startWeek + delta)
  }

  const height = HEADER + rows.length * ROW
  const width = weeks * WEEK
  const x = (week: number) => (week - 1) * WEEK
  const y = (row: number) => HEADER + row * ROW

  return (
    <Box className="sc-timeline" style={{ display: 'flex' }}>
      <div style={{ width: LABELS, flexShrink: 0 }}>
        <div style={{ height: HEADER }} />
        {rows.map((r, i) =>
          r.kind === 'phase' ? (
            <Text key={`p${i}`} fw={700} size="sm" className="sc-timeline-phase" style={{ height: ROW, lineHeight: `${ROW}px` }} px="sm">
              {r.name}
            </Text>
          ) : (
            <Text key={r.item.id} size="sm" style={{ height: ROW, lineHeight: `${ROW}px` }} px="sm" truncate="end" c={r.item.optional ? 'dimmed' : undefined}>
              {r.item.title}
            </Text>
          )
        )}
      </div>
      <ScrollArea type="auto" style={{ flex: 1 }} offsetScrollbars>
        <div style={{ position: 'relative', width, height }}>
          {Array.from({ length: weeks }, (_, i) => (
            <Fragment key={i}>
              <div className="sc-week-col" style={{ left: i * WEEK, width: WEEK, height }} data-even={i % 2 === 0 || undefined} />
              <div className="sc-week-label" style={{ left: i * WEEK, width: WEEK }}>
                <span>{i + 1}</span>
                {(i === 0 || i % 4 === 0) && (
                  <small>
                    {new Date(`${weekStartDate(plan.engagement.startDate, i + 1)}T12:00:00Z`).toLocaleDateString(undefined, { month: 'short', day: 'numeric' })}
                  </small>
                )}
              </div>
            </Fragment>
          ))}
          <svg width={width} height={height} style={{ position: 'absolute', inset: 0, pointerEvents: 'none', zIndex: 1 }} aria-hidden>
            {plan.phases.flatMap((p) =>
              p.items.flatMap((item) =>
                item.dependsOn
                  .filter((dep) => rowOf.has(dep) && DRAWN.has(byId.get(dep)!.kind) && DRAWN.has(item.kind) && !UNDRAWN_SOURCES.has(dep))
                  .map((dep) => {
                    const from = byId.get(dep)!
                    const x1 = x(from.endWeek + 1) - 2
                    const y1 = y(rowOf.get(dep)!) + ROW / 2
                    const x2 = x(item.startWeek) + 2
                    const y2 = y(rowOf.get(item.id)!) + ROW / 2
                    const mid = Math.max(x1 + 6, x2 - 6)
                    return <path key={`${dep}->${item.id}`} d={`M${x1},${y1} H${mid} V${y2} H${x2}`} className="sc-dep" markerEnd="url(#sc-arrow)" />
                  })
              )
            )}
            <defs>
              <marker id="sc-arrow" markerWidth="6" markerHeight="6" refX="5" refY="3" orient="auto">
                <path d="M0,0 L6,3 L0,6 z" className="sc-dep-head" />
              </marker>
            </defs>
          </svg>
          <DndContext sensors={sensors} modifiers={[restrictToHorizontalAxis]} onDragEnd={onDragEnd}>
            {rows.map((r, i) =>
              r.kind === 'item' && r.item.kind === 'milestone' ? (
                <Tooltip key={r.item.id} label={`${r.item.title} · week ${r.item.endWeek}`}>
                  <div
                    className="sc-milestone"
                    role="img"
                    style={{ left: x(r.item.endWeek) + WEEK - 7, top: y(i) + ROW / 2 - 7 }}
                    aria-label={`${r.item.title}, week ${r.item.endWeek}`}
                  />
                </Tooltip>
              ) : r.kind === 'item' ? (
                <Bar
                  key={r.item.id}
                  item={r.item}
                  left={x(r.item.startWeek)}
                  width={(r.item.endWeek - r.item.startWeek + 1) * WEEK}
                  top={y(i)}
                  row={ROW}
                  draggable={r.item.kind !== 'hire' && r.item.daysPerWeek === undefined}
                />
              ) : null
            )}
          </DndContext>
        </div>
      </ScrollArea>
      <Group gap="lg" className="sc-timeline-legend" aria-hidden>
        <span data-swatch="consultant">Consultant</span>
        <span data-swatch="hire">A hire</span>
        <span data-swatch="recruit">Recruiting and onboarding</span>
        <span data-swatch="milestone">Milestone</span>
      </Group>
    </Box>
  )
}
