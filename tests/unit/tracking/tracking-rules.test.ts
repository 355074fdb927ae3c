import { describe, expect, it } from 'vitest'
import { ftsMatchExpression, searchWords } from '../../../shared/domain/search/fts-query'
import { daysBetween, isoWeekOf, mondayOf } from '../../../shared/domain/tracking/dates'
import { checkTransition } from '../../../shared/domain/tracking/status'
import { csvCell, toCsv } from '../../../app/time-csv'

describe('engagement status transitions', () => {
  const cases: [string, Parameters<typeof checkTransition>, boolean, RegExp | null][] = [
    ['lead → proposal', ['lead', 'proposal', null], true, null],
    ['proposal → active', ['proposal', 'active', null], true, null],
    ['active → complete', ['active', 'complete', null], true, null],
    ['lead → lost', ['lead', 'lost', null], true, null],
    ['active → lost', ['active', 'lost', null], true, null],
    ['lead → active skips a step', ['lead', 'active', null], false, /one step at a time.*From lead it can go forward to proposal/],
    ['lead → complete', ['lead', 'complete', 'x'], false, /cannot go from lead straight to complete/],
    ['proposal → lead needs a note', ['proposal', 'lead', null], false, /needs a note/],
    ['proposal → lead with a note', ['proposal', 'lead', 'Client paused'], true, null],
    ['complete → active with a note', ['complete', 'active', 'Extra phase'], true, null],
    ['complete → proposal is two steps back', ['complete', 'proposal', 'x'], false, /one step at a time/],
    ['complete → lost', ['complete', 'lost', null], false, /cannot be marked lost/],
    ['the same status', ['active', 'active', null], false, /already active/],
    ['lost → back where it was lost', ['lost', 'proposal', 'They came back', 'proposal'], true, null],
    ['lost → elsewhere', ['lost', 'active', 'x', 'proposal'], false, /reopened as proposal/],
    ['lost → reopen needs a note', ['lost', 'lead', ' ', 'lead'], false, /needs a note/]
  ]
  it.each(cases)('%s', (_name, args, ok, message) => {
    const r = checkTransition(...args)
    expect(r.ok).toBe(ok)
    if (!r.ok) expect(r.message).toMatch(message!)
  })
})

describe('search query building', () => {
  it.each([
    ['"', [], null],
    ['*', [], null],
    ['-', [], null],
    ['NEAR(', ['NEAR'], '"NEAR"*'],
    ['"unbalanced', ['unbalanced'], '"unbalanced"*'],
    ['a AND', ['a', 'AND'], '"a"* AND "AND"*'],
    [')', [], null],
    ['🎉🚀', [], null],
    ['café-Zürich', ['café', 'Zürich'], '"café"* AND "Zürich"*'],
    ['snow snow SNOW', ['snow'], '"snow"*'],
    ['{title}: x^2 col:y', ['title', 'x', '2', 'col', 'y'], '"title"* AND "x"* AND "2"* AND "col"* AND "y"*']
  ])('%j', (text, words, expression) => {
    expect(searchWords(text)).toEqual(words)
    expect(ftsMatchExpression(searchWords(text))).toBe(expression)
  })

  it('bounds the number and length of words', () => {
    expect(searchWords(Array.from({ length: 40 }, (_, i) => `w${i}`).join(' '))).toHaveLength(12)
    expect(searchWords('x'.repeat(1000))[0]).toHaveLength(48)
  })
})

describe('dates', () => {
  it('counts days and finds ISO weeks', () => {
    expect(daysBetween('2026-02-27', '2026-03-02')).toBe(3)
    expect(mondayOf('2026-03-08')).toBe('2026-03-02')
    expect(isoWeekOf('2026-03-02')).toBe('2026-W10')
    expect(isoWeekOf('2027-01-01')).toBe('2026-W53')
    expect(isoWeekOf('2024-12-30')).toBe('2025-W01')
  })
})

describe('CSV cells', () => {
  it.each([
    ['=HYPERLINK("http://evil","x")', `"'=HYPERLINK(""http://evil"",""x"")"`],
    ['+SUM(A1)', "'+SUM(A1)"],
    ['-2+3', "'-2+3"],
    ['@cmd', "'@cmd"],
    ['\tindent', `"'\tindent"`],
    ['\r=1', `"'\r=1"`],
    ['\n=1', `"'\n=1"`],
    // After spaces, and in full-width forms, a spreadsheet still reads a formula.
    ['  =1+1', "'  =1+1"],
    ['\u00A0@SUM(A1)', "'\u00A0@SUM(A1)"],
    ['＝1+1', "'＝1+1"],
    // Split at a semicolon (the list separator in much of Europe), the rest would be a cell of its own.
    ['Notes;=cmd|calc', `"Notes;=cmd|calc"`],
    ['a\tb', `"a\tb"`],
    ['plain, with comma', '"plain, with comma"'],
    ['line\nbreak', '"line\nbreak"'],
    [' padded ', '" padded "'],
    ['Zürich', 'Zürich']
  ])('%j', (value, expected) => {
    expect(csvCell(value)).toBe(expected)
  })

  it('writes numbers as numbers and a BOM, CRLF file', () => {
    expect(csvCell(-1.5)).toBe('-1.5')
    expect(csvCell(null)).toBe('')
    expect(toCsv(['A', 'B'], [[1, 'x']])).toBe('\uFEFFA,B\r\n1,x\r\n')
  })
})
