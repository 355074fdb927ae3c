import { Alert, Badge, Button, Card, Center, Grid, Group, List, Loader, Select, SimpleGrid, Stack, Table, Text, ThemeIcon, Title } from '@mantine/core'
import {
  IconAlertTriangle,
  IconArrowDownRight,
  IconArrowUpRight,
  IconFlag,
  IconHelpCircle,
  IconPresentation,
  IconTimeline,
  IconUserStar,
  IconX
} from '@tabler/icons-react'
import { useCallback, useMemo, useState } from 'react'
import { Link, useNavigate, useParams } from 'react-router'
import { radarFontSize, renderRadarSvg } from '../../../shared/charts/radar.chart'
import type { ChartPalette } from '../../../shared/charts/svg'
import { FLAG_BY_ID, ROLE_BY_ID, TASK_BY_ID } from '../../../shared/domain/catalogue'
import { RULE_BY_ID } from '../../../shared/domain/assessment/engine'
import { FitSvgChart, type ChartBox } from '../../components/SvgChart'
import { useRemWidth } from '../../components/useRemWidth'
import { ErrorState } from '../../components/StateViews'
import { formatDate } from '../../format'
import { useEngagement } from '../engagements/engagements.queries'
import { usePlan } from '../plan/plan.queries'
import { useAssessment, useAssessments } from './assessments.queries'
import { buildResults, type Results } from './results.model'
import { EngagementCrumbs } from '../../components/EngagementCrumbs'

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1)

function Delta({ delta }: { delta: number | undefined }) {
  if (delta === undefined) return null
  if (delta === 0)
    return (
      <Text span c="dimmed" size="sm">
        no change
      </Text>
    )
  const up = delta > 0
  return (
    <Badge color={up ? 'teal' : 'red'} variant="light" leftSection={up ? <IconArrowUpRight size={14} /> : <IconArrowDownRight size={14} />}>
      {up ? '+' : ''}
      {delta}
    </Badge>
  )
}

function effortText(taskId: keyof typeof TASK_BY_ID): string {
  const e = TASK_BY_ID[taskId].effort
  return e.kind === 'weekly' ? `${e.daysPerWeek} day a week` : `${e.days} days`
}

function ResultsBody({ r, presenting, compare, compact }: { r: Results; presenting: boolean; compare: React.ReactNode; compact: boolean }) {
  const role = ROLE_BY_ID[r.result.firstHire]
  // Other rules the answers meet, as the hires they would point to (never the rule ids: this is on the projector).
  const otherRoles = [...new Set(r.result.alsoMatched.map((id) => RULE_BY_ID[id].firstHire))].filter((id) => id !== r.result.firstHire)
  // Drawn at the size it is shown, above the fold, with labels the size of the body type.
  // The labels give way on a narrow chart (smaller, then over two lines), never below 15 px;
  // the scale numbers never below 14 px.
  const render = useCallback(
    (palette: ChartPalette, box: ChartBox) => {
      const wanted = presenting ? Math.round(box.fontSize * 1.1) : box.fontSize
      const fit = radarFontSize(r.radar, box, wanted, Math.min(wanted, 15))
      return renderRadarSvg(r.radar, { width: box.width, height: box.height, palette, ...fit, minScaleSize: 14, trimHeight: true })
    },
    [r.radar, presenting]
  )
  return (
    <Stack gap="xl">
      <Grid gap="xl" align="flex-start">
        <Grid.Col span={{ base: 12, md: compact ? 6 : 7 }}>
          <Card withBorder radius="lg" padding="lg" data-testid="maturity-radar">
            <Group justify="space-between" gap="sm" mb="sm">
              <Title order={2} size="h4">
                Readiness by dimension
              </Title>
              {compare}
            </Group>
            <FitSvgChart
              render={render}
              aspect={0.8}
              minHeight={260}
              alt={`${r.radar.title}. ${r.deltas.map((d) => `${d.name} ${d.level} of 4`).join(', ')}.`}
            />
          </Card>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: compact ? 6 : 5 }}>
          <Stack gap="lg">
            <Card withBorder radius="lg" padding="lg" className="sc-recommendation" data-testid="recommendation">
              <Group gap="md" wrap="nowrap" align="flex-start">
                {!compact && (
                  <ThemeIcon size={52} radius="xl">
                    <IconUserStar size={30} />
                  </ThemeIcon>
                )}
                <div>
                  <Text size="sm" tt="uppercase" fw={700} c="dimmed">
                    {r.result.isNextHire ? 'Next AI hire' : 'First AI hire'}
                  </Text>
                  <Title order={2} size={compact ? 'h3' : undefined} data-testid="first-hire">
                    {role.name}
                  </Title>
                  <Text mt="xs" size={compact ? 'md' : 'lg'}>
                    {r.result.reason}
                  </Text>
                  {otherRoles.length > 0 && (
                    <Text size="sm" c="dimmed" mt="xs">
                      The answers also make a case for {otherRoles.map((id) => `a ${ROLE_BY_ID[id].name.toLowerCase()}`).join(' or ')}; this recommendation
                      takes precedence.
                    </Text>
                  )}
                </div>
              </Group>
            </Card>
            <Card withBorder radius="lg" padding={0}>
              <Table verticalSpacing={6} horizontalSpacing="md" aria-label="Scores">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Dimension</Table.Th>
                    <Table.Th ta="center">Level</Table.Th>
                    {r.previousTitle && <Table.Th>Since {r.previousTitle}</Table.Th>}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {r.deltas.map((d) => (
                    <Table.Tr key={d.id}>
                      <Table.Td>
                        <Text fw={600} size="sm">
                          {d.name}
                        </Text>
                        <Text size="xs" c="dimmed">
                          {d.levelText}
                        </Text>
                      </Table.Td>
                      <Table.Td ta="center">
                        <Text fw={700}>{d.level}</Text>
                      </Table.Td>
                      {r.previousTitle && (
                        <Table.Td>
                          <Delta delta={d.delta} />
                        </Table.Td>
                      )}
                    </Table.Tr>
                  ))}
                  <Table.Tr>
                    <Table.Td>
                      <Text fw={700}>Overall readiness</Text>
                    </Table.Td>
                    <Table.Td ta="center">
                      <Text fw={700}>{r.result.overall.toFixed(2)}</Text>
                    </Table.Td>
                    {r.previousTitle && <Table.Td />}
                  </Table.Tr>
                </Table.Tbody>
              </Table>
            </Card>
          </Stack>
        </Grid.Col>
      </Grid>

      {r.result.flags.length > 0 && (
        <Stack gap="sm">
          <Title order={2} size="h3">
            What stands out
          </Title>
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            {r.result.flags.map((f) => (
              <Alert key={f} color="orange" variant="light" radius="lg" icon={<IconFlag />} title={capitalise(FLAG_BY_ID[f].condition)}>
                {FLAG_BY_ID[f].meaning}
              </Alert>
            ))}
          </SimpleGrid>
        </Stack>
      )}

      {r.decisive.length > 0 && (
        <Alert color="yellow" variant="light" radius="lg" icon={<IconHelpCircle />} title="Check these first: they could change the recommendation">
          <List spacing={4}>
            {r.decisive.map((a) => (
              <List.Item key={a.subject}>
                {a.text}{' '}
                <Text span c="dimmed">
                  (if {a.changes.map((c) => `${String(c.value)} → ${ROLE_BY_ID[c.firstHire].name}`).join('; ')})
                </Text>
              </List.Item>
            ))}
          </List>
        </Alert>
      )}

      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="xl">
        <Card withBorder radius="lg" padding="lg">
          <Title order={2} size="h4" mb="sm">
            Hiring sequence
          </Title>
          <List type="ordered" spacing="sm">
            {r.result.hiringSteps.map((s) => (
              <List.Item key={s.role}>
                <Text fw={600}>{ROLE_BY_ID[s.role].name}</Text>
                <Text size="sm" c="dimmed">
                  {s.why}
                  {s.afterAudit && ' Recruiting starts after the objectives and data audit.'}
                </Text>
              </List.Item>
            ))}
          </List>
          <Text size="sm" mt="sm" c="dimmed">
            {r.result.leadership === 'in_place'
              ? 'ML leadership is already in place.'
              : r.result.leadership === 'ml_lead_hire'
                ? 'An ML lead joins the sequence; an interim lead bridges until then.'
                : 'A fractional interim ML lead covers leadership for now.'}
          </Text>
        </Card>
        <Card withBorder radius="lg" padding="lg">
          <Title order={2} size="h4" mb="sm">
            Fractional work to do first
          </Title>
          {r.result.tasks.length === 0 ? (
            <Text c="dimmed">No fractional tasks are triggered: the platform covers what the first hires need.</Text>
          ) : (
            <List spacing={6}>
              {r.result.tasks.map((t) => (
                <List.Item key={t}>
                  <Group gap="xs" wrap="nowrap" justify="space-between">
                    <Text size="sm">{TASK_BY_ID[t].title}</Text>
                    <Text size="sm" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                      {effortText(t)}
                    </Text>
                  </Group>
                </List.Item>
              ))}
            </List>
          )}
        </Card>
      </SimpleGrid>

      <Card withBorder radius="lg" padding="lg">
        <Title order={2} size="h4" mb="sm">
          On the public MLOps maturity scales
        </Title>
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          {[r.scales.google, r.scales.microsoft].map((p) => (
            <div key={p.scale}>
              <Text size="sm" c="dimmed">
                {p.scaleName}
              </Text>
              <Title order={3} size="h4">
                Level {p.level}: {p.name}
              </Title>
              <Text size="sm">{p.description}</Text>
              {p.next && (
                <Text size="sm" c="dimmed" mt={4}>
                  Level {p.next.level} needs: {p.next.missing.join('; ')}
                </Text>
              )}
            </div>
          ))}
        </SimpleGrid>
        <Text size="xs" c="dimmed" mt="md">
          {r.scales.note}
        </Text>
      </Card>

      {(r.assumptions.length > r.decisive.length || r.result.warnings.length > 0) && (
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="xl">
          {r.assumptions.length > r.decisive.length && (
            <Card withBorder radius="lg" padding="lg">
              <Title order={2} size="h4" mb="sm">
                Assumptions to confirm in Discovery
              </Title>
              <List spacing={4} size="sm">
                {r.assumptions
                  .filter((a) => !a.decisive)
                  .map((a) => (
                    <List.Item key={a.subject}>{a.text}</List.Item>
                  ))}
              </List>
            </Card>
          )}
          {r.result.warnings.length > 0 && (
            <Card withBorder radius="lg" padding="lg">
              <Title order={2} size="h4" mb="sm">
                Answers that do not fit together
              </Title>
              <Stack gap="xs">
                {r.result.warnings.map((w) => (
                  <Group key={w.code} gap="xs" wrap="nowrap" align="flex-start">
                    <IconAlertTriangle size={18} color="var(--mantine-color-orange-6)" style={{ flexShrink: 0, marginTop: 2 }} />
                    <Text size="sm">{w.message}</Text>
                  </Group>
                ))}
              </Stack>
            </Card>
          )}
        </SimpleGrid>
      )}
    </Stack>
  )
}

export function ResultsPage({ presenting = false }: { presenting?: boolean }) {
  const { assessmentId = '' } = useParams()
  const navigate = useNavigate()
  const assessment = useAssessment(assessmentId)
  const engagementId = assessment.data?.engagementId ?? ''
  const engagement = useEngagement(engagementId)
  const siblings = useAssessments(engagementId)
  const plan = usePlan(engagementId)
  const earlier = useMemo(
    () => (siblings.data ?? []).filter((a) => a.id !== assessmentId && assessment.data && a.createdAt < assessment.data.createdAt),
    [siblings.data, assessmentId, assessment.data]
  )
  const [compareId, setCompareId] = useState<string | null | undefined>(undefined)
  // A projector in large type: the header on one row, the recommendation without its icon.
  const compact = useRemWidth() < 70
  const chosen = compareId === undefined ? earlier[0]?.id : (compareId ?? undefined)
  const previous = useAssessment(chosen, { keepPrevious: true })

  const computed = useMemo(
    () =>
      // The list of earlier assessments decides what to compare with: wait for it, so the page
      // does not show the results alone and then blank to a spinner while the comparison loads.
      assessment.data && engagement.data && siblings.data && (!chosen || previous.data)
        ? buildResults(assessment.data, chosen ? previous.data : undefined, engagement.data.clientName)
        : undefined,
    [assessment.data, engagement.data, siblings.data, chosen, previous.data]
  )
  const results = computed

  if (assessment.isError) return <ErrorState error={assessment.error} onRetry={() => void assessment.refetch()} />
  if (!results || !assessment.data || !engagement.data) {
    return (
      <Center h={presenting ? '100vh' : 300}>
        <Loader aria-label="Working out the results" />
      </Center>
    )
  }
  const a = assessment.data
  const e = engagement.data

  // Beside the chart it changes: compare with an earlier assessment.
  const compare =
    earlier.length > 0 ? (
      <Select
        aria-label="Compare with"
        placeholder="Compare with…"
        clearable
        size="xs"
        w="13rem"
        data={earlier.map((x) => ({ value: x.id, label: `vs ${x.title}` }))}
        value={chosen ?? null}
        onChange={(v) => setCompareId(v)}
      />
    ) : null

  const header = (
    <Stack gap={4} mb="lg">
      {!presenting && <EngagementCrumbs engagement={e} here={a.title} />}
      <Group justify="space-between" align="flex-end" gap="md" wrap={compact ? 'nowrap' : 'wrap'}>
        <Stack gap={4} style={{ flex: '1 1 20rem', minWidth: 0 }}>
          <Title order={1} size={presenting ? (compact ? 'h2' : '2.4rem') : compact ? 'h3' : 'h2'}>
            {presenting ? `${e.clientName}: AI readiness` : `Results: ${a.title}`}
          </Title>
          <Text c="dimmed" lineClamp={1} title={a.present.length > 0 ? `With ${a.present.join(', ')}` : undefined}>
            {formatDate(a.completedAt ?? a.updatedAt)}
            {a.present.length > 0 && ` · with ${a.present.join(', ')}`}
          </Text>
        </Stack>
        <Group gap="sm" wrap="wrap" justify="flex-end">
          {presenting ? (
            <Button variant="default" leftSection={<IconX size={16} />} onClick={() => navigate(`/assessments/${a.id}/results`)}>
              Stop presenting
            </Button>
          ) : (
            <>
              {/* The next step after the results: the plan that follows from them. */}
              <Button variant="default" leftSection={<IconTimeline size={16} />} component={Link} to={`/engagements/${e.id}/plan`}>
                {plan.data ? 'Open the plan' : 'Make the plan'}
              </Button>
              <Button leftSection={<IconPresentation size={16} />} onClick={() => navigate(`/present/${a.id}/results`)}>
                Present
              </Button>
            </>
          )}
        </Group>
      </Group>
    </Stack>
  )

  return presenting ? (
    <div className="sc-presenting" data-presenting="true">
      {header}
      <ResultsBody r={results} presenting compare={compare} compact={compact} />
    </div>
  ) : (
    <>
      {header}
      <ResultsBody r={results} presenting={false} compare={compare} compact={compact} />
    </>
  )
}
