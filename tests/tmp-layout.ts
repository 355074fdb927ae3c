import { execFileSync } from 'node:child_process'
import { writeFileSync, mkdirSync } from 'node:fs'
import { layoutDocument } from 'docx/layout'
import { Packer } from 'docx'
import { buildProposal, prepareProposal } from '../templates/proposal.docx'
import { buildProposalModel } from '../templates/proposal.model'
import { proposalInputFrom } from './helpers/proposal-input.helper'
const fixture = process.argv[2] ?? 'custom-scientist'
const model = buildProposalModel(proposalInputFrom(fixture))
await prepareProposal(model)
const doc = buildProposal(model)
const layout = layoutDocument(doc)
mkdirSync('/tmp/lay', { recursive: true })
writeFileSync(`/tmp/lay/${fixture}.docx`, await Packer.toBuffer(buildProposal(model)))
execFileSync('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', '/tmp/lay', `/tmp/lay/${fixture}.docx`], { stdio: 'ignore' })
const norm = (s: string) => s.replace(/\s+/g, ' ').trim()
const pdfPage = (i: number) => norm(execFileSync('pdftotext', ['-f', String(i), '-l', String(i), `/tmp/lay/${fixture}.pdf`, '-'], { encoding: 'utf8' }))
console.log('stopped', layout.stoppedAt, 'pages', layout.pages.length)
layout.pages.forEach((p, i) => {
  const first = p.body.flatMap((b) => (b.type === 'paragraph' ? b.lines : [])).find((l) => l.text.trim())
  const lines = p.body.flatMap((b) => (b.type === 'paragraph' ? b.lines : []))
  const last = lines.filter((l) => l.text.trim()).at(-1)
  const lo = pdfPage(i + 1)
  const firstText = norm(first?.text ?? '').slice(0, 40)
  const lastText = norm(last?.text ?? '').slice(-30)
  const ok = lo.includes(firstText) && lo.includes(lastText)
  console.log(i + 1, ok ? 'ok ' : 'DIFF', JSON.stringify(firstText), '…', JSON.stringify(lastText), 'bottom', Math.round((last?.y ?? 0) + (last?.height ?? 0)))
})
const pg = Number(process.argv[3] ?? 21)
const p = layout.pages[pg - 1]!
const lines = p.body.flatMap((b) => (b.type === 'paragraph' ? b.lines : []))
console.log('LAYOUT')
for (const l of lines.slice(0, 12)) console.log(Math.round(l.y * 10) / 10, Math.round(l.height * 10) / 10, JSON.stringify(l.text.slice(0, 50)))
for (const l of lines.slice(-5)) console.log(Math.round(l.y * 10) / 10, Math.round(l.height * 10) / 10, JSON.stringify(l.text.slice(0, 50)))
