/**
 * The criteria to leave each phase that a newly tracked engagement starts with; the
 * consultant ticks them off, edits them and adds their own.
 *
 * Pure: no Node, DOM or Electron imports.
 */
import type { PhaseId } from '../catalogue'

export const DEFAULT_GATES: Readonly<Record<PhaseId, readonly string[]>> = {
  discovery: ['Objectives and success measures agreed with the sponsor', 'Assessment read-out delivered and plan accepted'],
  foundations: ['Infrastructure as code reviewed and in use', 'Foundations-ready milestone signed off by the client'],
  first_hire: ['First hire started and onboarded', 'Runbooks handed over and ownership transferred'],
  build_out: ['Build-out roles opened and interviewing', 'Team owns its deployment and on-call'],
  scale: ['Dedicated AI team in place', 'Final review held and engagement closed with the sponsor']
}
