import { describe, expect, it } from 'vitest'
import { CspEvaluator } from 'csp_evaluator/dist/evaluator.js'
import { Severity } from 'csp_evaluator/dist/finding.js'
import { CspParser } from 'csp_evaluator/dist/parser.js'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { CONTENT_SECURITY_POLICY } from '../../electron/security'

function findings(policy: string) {
  const csp = new CspParser(policy).csp
  return new CspEvaluator(csp).evaluate().map((f) => ({ severity: f.severity, directive: f.directive, description: f.description }))
}

describe("the Content-Security-Policy under Google's CSP Evaluator", () => {
  it('has no high (or possibly high) findings for the policy main sends', () => {
    const bad = findings(CONTENT_SECURITY_POLICY).filter(
      (f) => f.severity === Severity.HIGH || f.severity === Severity.HIGH_MAYBE || f.severity === Severity.SYNTAX
    )
    expect(bad).toEqual([])
  })

  it('has no high findings for the policy in index.html either', () => {
    const html = readFileSync(join(import.meta.dirname, '..', '..', 'renderer', 'index.html'), 'utf8')
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)![1]!
    const bad = findings(meta).filter((f) => f.severity === Severity.HIGH || f.severity === Severity.SYNTAX)
    expect(bad).toEqual([])
  })

  it('would flag a policy that allowed inline script (the check can fail)', () => {
    const weak = findings("default-src 'none'; script-src 'self' 'unsafe-inline'")
    expect(weak.some((f) => f.severity === Severity.HIGH)).toBe(true)
  })
})
