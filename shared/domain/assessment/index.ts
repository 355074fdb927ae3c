/** The assessment: vocabulary, question bank, engine, unknown-aware wrapper and scale mapping. */
export * from './dimensions'
export * from './question-bank'
export * from './engine'
export * from './unknowns'
export * from './maturity-scales'
