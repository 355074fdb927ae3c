import { DIMENSIONS, type DimensionId, type Maturity } from '../domain/assessment/dimensions'
import type { RadarChartSpec } from './radar.chart'

/** Short axis labels: the full dimension names do not fit round a radar on a projector. */
export const DIMENSION_SHORT_LABEL: Readonly<Record<DimensionId, string>> = {
  deploy: 'Deployment',
  monitor: 'Monitoring',
  experiment: 'Experiments',
  logging: 'Prediction logs',
  data: 'Training data',
  cicd: 'CI/CD for ML',
  infra: 'Infra & cost',
  tracking: 'Tracking'
}

/** The readiness radar for one assessment, with an earlier one overlaid when given. */
export function readinessRadar(current: { title: string; maturity: Maturity }, previous?: { title: string; maturity: Maturity }): RadarChartSpec {
  return {
    kind: 'radar',
    title: previous ? `Readiness by dimension: ${current.title} against ${previous.title}` : `Readiness by dimension: ${current.title}`,
    max: 4,
    axes: DIMENSIONS.map((d) => ({ id: d.id, label: DIMENSION_SHORT_LABEL[d.id] })),
    series: [
      ...(previous ? [{ label: previous.title, values: DIMENSIONS.map((d) => previous.maturity[d.id]), emphasis: 'previous' as const }] : []),
      { label: current.title, values: DIMENSIONS.map((d) => current.maturity[d.id]), emphasis: 'current' as const }
    ]
  }
}
