/** The proposal's terms: the standard clauses in plain words, or the consultant's own. */

/** Standard terms, in plain words; the consultant may print their own instead. */
export function defaultTermsClauses(m: { consultancyName: string; clientName: string; dayRate: string; fixedFee: boolean }): { title: string; text: string }[] {
  return [
    {
      title: 'Scope',
      text: `The services are the work this proposal describes for the option ${m.clientName} accepts. Work outside it starts only once both parties have agreed it in writing.`
    },
    {
      title: 'Fees and invoices',
      text: m.fixedFee
        ? 'The fee for the accepted option is fixed. We invoice it on the payment schedule in this proposal; invoices are due within 30 days.'
        : `We charge ${m.dayRate} for each consultant day worked. The days in this proposal are our estimate; we invoice on the payment schedule and settle any difference between estimated and actual days on the final invoice. Invoices are due within 30 days.`
    },
    {
      title: 'Expenses',
      text: 'Travel and other expenses are charged at cost, only when agreed beforehand, and listed on the invoice with receipts.'
    },
    {
      title: 'Changes',
      text: 'Either party may ask to change the scope, the timing or the team. We set out the effect on cost and schedule in writing, and the change applies once both parties have agreed it.'
    },
    {
      title: 'Working together',
      text: `${m.clientName} names a sponsor and a technical contact, gives timely access to the people, systems and accounts the work needs, and makes the hiring decisions. Delays on either side move the dates that depend on them.`
    },
    {
      title: 'Confidentiality',
      text: 'Each party keeps the other’s confidential information confidential, uses it only for this engagement, and returns or deletes it when asked at the end.'
    },
    {
      title: 'Ownership of the work',
      text: `Once paid for, the deliverables made for ${m.clientName} belong to it. ${m.consultancyName} keeps its general know-how, methods and tools, and grants ${m.clientName} a lasting, royalty-free right to use those that form part of the deliverables.`
    },
    {
      title: 'Hiring',
      text: `We advise on roles, interviews and candidates; ${m.clientName} decides whom to hire and is the employer of everyone it hires. Our fees do not depend on who is hired.`
    },
    {
      title: 'Liability',
      text: 'Each party’s total liability under this agreement is limited to the fees paid in the twelve months before the claim, except where the law does not allow such a limit.'
    },
    {
      title: 'Ending the engagement',
      text: 'Either party may end the engagement with 14 days’ written notice. Work done up to the end date is paid for; nothing else is owed.'
    }
  ]
}
