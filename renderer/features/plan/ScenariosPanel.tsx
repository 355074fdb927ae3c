import { Alert, Card, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core'
import { useCallback, useMemo } from 'react'
import { renderScenarioSvg, scenarioChart, scenarioSentence } from '../../../shared/charts/scenario.chart'
import type { ChartPalette } from '../../../shared/charts/svg'
import { ROLE_BY_ID } from '../../../shared/domain/catalogue'
import type { GeneratePlanInput } from '../../../shared/domain/planning/plan.generator'
import { compareFirstHireScenarios } from '../../../shared/domain/planning/scenarios'
import { SvgChart } from '../../components/SvgChart'
import { formatMoney } from '../../format'

/** "Infrastructure first" against "ML engineer first" for this client, beside what the seed authors observed. */
export function ScenariosPanel({ input }: { input: GeneratePlanInput }) {
  const comparison = useMemo(() => {
    try {
      return compareFirstHireScenarios(input)
    } catch {
      return null
    }
  }, [input])
  const render = useCallback(
    (palette: ChartPalette) => (comparison ? renderScenarioSvg(scenarioChart(comparison), { width: 900, height: 340, palette, fontSize: 15 }) : ''),
    [comparison]
  )
  if (!comparison) return <Alert color="gray">The scenarios cannot be worked out for this plan.</Alert>
  return (
    <Stack gap="lg">
      <Card withBorder radius="lg" padding="lg">
        <SvgChart render={render} width={900} height={340} alt={comparison.scenarios.map(scenarioSentence).join(' ')} />
      </Card>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        {comparison.scenarios.map((s) => (
          <Card key={s.id} withBorder radius="lg" padding="lg" className={s.recommended ? 'sc-recommendation' : undefined}>
            <Text size="xs" tt="uppercase" fw={700} c="dimmed">
              {s.recommended ? 'Recommended' : 'Alternative'}
            </Text>
            <Title order={3} size="h4">
              {s.label}: {ROLE_BY_ID[s.firstHire].name}
            </Title>
            <Table mt="sm" verticalSpacing={4}>
              <Table.Tbody>
                <Table.Tr><Table.Td>First AI feature</Table.Td><Table.Td ta="right">week {s.timeToFirstFeatureWeeks} ({s.monthsFromStart.toFixed(1)} months)</Table.Td></Table.Tr>
                <Table.Tr><Table.Td>After the hire starts</Table.Td><Table.Td ta="right">{s.weeksFromFirstHireStart} weeks ({s.monthsFromFirstHireStart.toFixed(1)} months)</Table.Td></Table.Tr>
                <Table.Tr><Table.Td>Consultant days</Table.Td><Table.Td ta="right">{s.totals.effortDays}</Table.Td></Table.Tr>
                <Table.Tr><Table.Td>Consultant cost</Table.Td><Table.Td ta="right">{formatMoney(s.totals.cost, s.totals.currency)}</Table.Td></Table.Tr>
                <Table.Tr><Table.Td>Plan length</Table.Td><Table.Td ta="right">{s.planWeeks} weeks</Table.Td></Table.Tr>
                <Table.Tr><Table.Td>What the seed author observed</Table.Td><Table.Td ta="right">
                    {s.seed.minMonths}–{s.seed.maxMonths} months{s.seed.stabilisationMonths ? ` + about ${s.seed.stabilisationMonths} to stabilise` : ''}
                  </Table.Td></Table.Tr>
              </Table.Tbody>
            </Table>
          </Card>
        ))}
      </SimpleGrid>
    </Stack>
  )
}
