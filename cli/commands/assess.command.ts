import { FLAG_BY_ID, ROLE_BY_ID, TASK_BY_ID, type TaskInfo } from '../../shared/domain/catalogue'
import { pendingTasks, recommendedRoute } from '../../shared/domain/planning/route'
import { DIMENSIONS } from '../../shared/domain/assessment/dimensions'
import { assess, RULE_BY_ID, type AssessmentResult } from '../../shared/domain/assessment/engine'
import type { IntakeFile } from '../../shared/schemas/intake.schema'
import type { CliCommand } from '../cli-command'
import { loadIntakeFile } from '../intake-file'

/** The `assess --json` document, keys in the contract's order and nothing else. */
export interface AssessJson {
  scores: AssessmentResult['scores']
  overall: number
  firstHire: AssessmentResult['firstHire']
  rule: AssessmentResult['rule']
  alsoMatched: AssessmentResult['alsoMatched']
  reason: string
  hiringSequence: AssessmentResult['hiringSequence']
  flags: AssessmentResult['flags']
  tasks: AssessmentResult['tasks']
  warnings: string[]
}

export function assessJson(r: AssessmentResult): AssessJson {
  return {
    scores: r.scores,
    overall: r.overall,
    firstHire: r.firstHire,
    rule: r.rule,
    alsoMatched: r.alsoMatched,
    reason: r.reason,
    hiringSequence: r.hiringSequence,
    flags: r.flags,
    tasks: r.tasks,
    warnings: r.warnings.map((w) => w.message)
  }
}

export function assessIntake(intake: IntakeFile): AssessmentResult {
  return assess({ maturity: intake.maturity, context: intake.context, clientName: intake.client.name })
}

const fmt = (x: number): string => String(Math.round(x * 100) / 100)

function effortText(task: TaskInfo): string {
  return task.effort.kind === 'weekly'
    ? `${task.effort.daysPerWeek} day${task.effort.daysPerWeek === 1 ? '' : 's'} a week`
    : `${task.effort.days} day${task.effort.days === 1 ? '' : 's'}`
}

/** The readable summary printed without --json. */
export function formatAssessmentText(intake: IntakeFile, r: AssessmentResult): string {
  const out: string[] = []
  const e = intake.engagement
  out.push(`${intake.client.name} (${intake.client.industry}): ${e.title}`)
  out.push(`Consultant ${e.consultant}, starting ${e.start_date}, ${e.day_rate} ${e.currency} a day`)
  out.push('')
  out.push(`Readiness: ${fmt(r.overall)} of 4 overall, platform ${fmt(r.platform)} of 4`)
  const width = Math.max(...DIMENSIONS.map((d) => d.name.length))
  for (const d of DIMENSIONS) {
    const level = r.scores[d.id]
    out.push(`  ${d.name.padEnd(width)}  ${level}  ${d.levels[level] ?? ''}`)
  }
  out.push('')
  const hireLabel = r.isNextHire ? 'Next AI hire' : 'First AI hire'
  const also = r.alsoMatched.length > 0 ? `; also matched ${r.alsoMatched.join(', ')}` : ''
  out.push(`${hireLabel}: ${ROLE_BY_ID[r.firstHire].name} (rule ${r.rule}: ${RULE_BY_ID[r.rule].condition}${also})`)
  out.push(`  ${r.reason}`)
  out.push('')
  out.push('Hiring sequence:')
  r.hiringSteps.forEach((s, i) => {
    out.push(`  ${i + 1}. ${ROLE_BY_ID[s.role].name}${s.afterAudit ? ' (after the objectives & data audit)' : ''}: ${s.why}`)
  })
  if (r.leadership === 'interim_lead') out.push('  Leadership: covered by an interim ML team lead (fractional).')
  out.push('')
  out.push('Flags:')
  if (r.flags.length === 0) out.push('  none')
  for (const f of r.flags) out.push(`  - ${f}: ${FLAG_BY_ID[f].meaning}`)
  out.push('')
  out.push('Fractional tasks, in dependency order:')
  if (r.tasks.length === 0) out.push('  none')
  const route = recommendedRoute({ rule: r.rule, firstHire: r.firstHire, sequence: r.hiringSequence, flags: r.flags, tasks: r.tasks })
  const waiting = pendingTasks(route, r.flags, r.tasks)
  r.tasks.forEach((id, i) => {
    const t = TASK_BY_ID[id]
    const reason = waiting.get(id)
    const pending = reason === 'audit' ? ' [pending the audit]' : reason === 'feasibility' ? ' [pending the answer on feasibility]' : ''
    out.push(`  ${String(i + 1).padStart(2)}. ${t.title} (${id}, ${effortText(t)})${pending}`)
  })
  if (r.warnings.length > 0) {
    out.push('')
    out.push('Warnings (answers that look contradictory):')
    for (const w of r.warnings) out.push(`  ! ${w.message}`)
  }
  out.push('')
  return out.join('\n')
}

export const assessCommand: CliCommand = {
  name: 'assess',
  usage: 'assess FILE [--json]',
  summary: 'Assess an intake file: scores, first hire, hiring sequence, flags and tasks.',
  positionals: ['FILE'],
  options: { json: { type: 'boolean', description: 'print only the result as JSON' } },
  run: ({ positionals, options }, io) => {
    const { intake } = loadIntakeFile(positionals[0]!, io)
    const result = assessIntake(intake)
    if (options.json === true) {
      io.stdout(`${JSON.stringify(assessJson(result), null, 2)}\n`)
    } else {
      io.stdout(formatAssessmentText(intake, result))
    }
    return 0
  }
}
