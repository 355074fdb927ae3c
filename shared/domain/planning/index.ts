/** Planning: the plan model, generator, scheduler, pricing, scenarios and the CLI's JSON. */
export * from './plan.model'
export * from './plan-library'
export * from './plan.scheduler'
export * from './plan.generator'
export * from './plan-json'
export * from './pricing'
export * from './scenarios'
export * from './weeks'
