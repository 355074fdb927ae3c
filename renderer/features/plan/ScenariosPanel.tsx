import { Alert, Card, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core'
import { useCallback, useMemo } from 'react'
import { renderScenarioSvg, scenarioChart, scenarioSentence } from '../../../shared/charts/scenario.chart'
import type { ChartPalette } from '../../../shared/charts/svg'
import { ROLE_BY_ID } from '../../../shared/domain/catalogue'
import type { Plan } from '../../../shared/domain/planning/plan.model'
import { compareRoutes } from '../../../shared/domain/planning/scenarios'
import { FitSvgChart, type ChartBox } from '../../components/SvgChart'
import { useRootFontPx } from '../../components/useRemWidth'

const lowerFirst = (text: string): string => text.charAt(0).toLowerCase() + text.slice(1)

/** The route's name, and the role's title when the name does not already say it ("ML engineer first", not "ML engineer first: ML engineer"). */
const routeTitle = (label: string, role: string): string => (label.toLowerCase().startsWith(role.toLowerCase()) ? label : `${label}: ${role}`)

/** Weeks as whole months, for an approximate span. */
const monthsOf = (weeks: number): string => {
  const months = Math.max(1, Math.round(weeks / (52 / 12)))
  return months === 1 ? 'a month' : `${months} months`
}

/** The plan's milestone on the recommended route and on the other route, both read from this plan (edits included). */
export function ScenariosPanel({ plan }: { plan: Plan }) {
  const comparison = useMemo(() => compareRoutes(plan), [plan])
  // Drawn at the size it is shown, its text the body type's size (so never under 14 px at large type).
  const unit = useRootFontPx() / 16
  const render = useCallback(
    (palette: ChartPalette, box: ChartBox) =>
      renderScenarioSvg(scenarioChart(comparison), { width: box.width, height: box.height, palette, fontSize: Math.max(15, box.fontSize) }),
    [comparison]
  )
  const [recommended, other] = comparison.routes
  const milestone = lowerFirst(comparison.milestone.title)
  return (
    <Stack gap="lg">
      {comparison.sameWeek ? (
        <Alert color="blue" variant="light" radius="md" title={`Both routes reach ${milestone} in week ${recommended.milestoneWeek}`}>
          Hiring the {lowerFirst(ROLE_BY_ID[other.firstHire].name)} first would not get there sooner. What differs is who owns and runs the platform afterwards
          {recommended.platformOwner ? `: on the recommended route, the ${lowerFirst(ROLE_BY_ID[recommended.platformOwner].name)} from their first week.` : '.'}
        </Alert>
      ) : (
        <Card withBorder radius="lg" padding="lg">
          <FitSvgChart
            render={render}
            aspect={0.42}
            minHeight={Math.round(340 * unit)}
            aboveTheFold={false}
            alt={comparison.routes.map((r) => scenarioSentence(r, comparison)).join(' ')}
          />
        </Card>
      )}
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        {comparison.routes.map((r) => (
          <Card key={r.id} withBorder radius="lg" padding="lg" className={r.recommended ? 'sc-recommendation' : undefined}>
            <Text size="xs" tt="uppercase" fw={700} c="dimmed">
              {r.recommended ? 'Recommended: this plan' : 'The other route'}
            </Text>
            <Title order={3} size="h4">
              {routeTitle(r.label, ROLE_BY_ID[r.firstHire].name)}
            </Title>
            <Table mt="sm" verticalSpacing={4}>
              <Table.Tbody>
                <Table.Tr>
                  <Table.Td>{comparison.milestone.title}</Table.Td>
                  <Table.Td ta="right">
                    week {r.milestoneWeek} ({r.monthsFromStart.toFixed(1)} months)
                  </Table.Td>
                </Table.Tr>
                <Table.Tr>
                  <Table.Td>After the first hire starts (week {r.firstHireStartWeek})</Table.Td>
                  <Table.Td ta="right">{r.weeksAfterFirstHireStart > 0 ? `${r.weeksAfterFirstHireStart} weeks` : 'before they start'}</Table.Td>
                </Table.Tr>
                <Table.Tr>
                  <Table.Td>Who builds the platform</Table.Td>
                  <Table.Td ta="right">{r.platformOwner ? ROLE_BY_ID[r.platformOwner].name : 'The consultant, then a hire takes it over'}</Table.Td>
                </Table.Tr>
                {r.stabilisationWeeks > 0 && (
                  <Table.Tr>
                    <Table.Td>Then stabilising (not counted)</Table.Td>
                    <Table.Td ta="right">about {monthsOf(r.stabilisationWeeks)}</Table.Td>
                  </Table.Tr>
                )}
                {r.observed && (
                  <Table.Tr>
                    <Table.Td>What the authors saw</Table.Td>
                    <Table.Td ta="right">
                      {r.observed.minMonths}–{r.observed.maxMonths} months after the hire
                      {r.observed.stabilisationMonths ? `, then about ${r.observed.stabilisationMonths} stabilising` : ''}
                    </Table.Td>
                  </Table.Tr>
                )}
              </Table.Tbody>
            </Table>
          </Card>
        ))}
      </SimpleGrid>
    </Stack>
  )
}
