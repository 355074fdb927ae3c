/**
 * Interview kits for a hiring pack: for each role in hiring order, questions chosen to probe
 * each criterion of the role's scorecard, so the scorecard's weights are the kit's only
 * weighting and every criterion is probed. A pack never asks a question twice, in a kit or
 * across kits, and a role is never asked what its job description deliberately leaves out
 * (the infrastructure engineer gets no model-architecture or ML-theory questions).
 *
 * Each default criterion names the questions that probe it best, in order; a criterion the
 * consultant wrote themselves is probed from the skill group its words point to.
 *
 * Pure module: no Node, DOM or Electron imports.
 */
import type { RoleId } from '../domain/catalogue'
import type { InterviewQuestion, QuestionGroup, RoleProfile } from '../schemas/library.schema'

/** Questions a kit aims for across its criteria (the AI-domain add-on comes on top). */
export const KIT_SIZE = 8
/** Questions in the AI-domain add-on for clients on hosted or fine-tuned models. */
export const KIT_AI_DOMAIN = 3

/** The questions that probe each default scorecard criterion, best first (by the criterion's name, lower-cased). */
export const CRITERION_PROBES: Readonly<Record<string, readonly string[]>> = {
  // Infrastructure engineer
  'production operations': ['cult_on_call', 'swe_debug_production', 'cult_mistake'],
  'infrastructure design': ['sys_scalable_design', 'sys_model_versioning_serving', 'sys_gpu_capacity', 'sys_shadow_vs_split'],
  'software engineering': ['swe_interval_exercise', 'swe_api_design', 'swe_dependency_management', 'swe_code_review'],
  'understanding of the ml lifecycle': [
    'sys_monitoring_design',
    'sys_prediction_logging',
    'prac_cicd_for_ml',
    'sys_training_serving_skew',
    'prac_retraining_decision'
  ],
  'ownership and communication': ['cult_explain_to_exec', 'cult_unglamorous_work', 'cult_visibility'],
  // MLOps engineer
  'ci/cd and automation for ml': ['prac_cicd_for_ml', 'sys_retraining_design', 'swe_testing_ml_code'],
  'reproducibility and versioning': ['prac_training_pipeline_config', 'sys_model_versioning_serving', 'swe_dependency_management'],
  'monitoring and reliability': ['sys_monitoring_design', 'sys_training_serving_skew', 'swe_debug_production', 'cult_on_call'],
  'cost and capacity': ['sys_gpu_capacity', 'prac_distributed_gpu_training'],
  'serving the ml team': ['cult_helping_others', 'cult_self_direction', 'cult_unglamorous_work'],
  // ML engineer
  'applied ml judgement': ['prac_baseline_first', 'prac_mock_problem', 'prac_project_deep_dive', 'prac_imbalanced_labels'],
  'software quality': ['swe_testing_ml_code', 'swe_code_review', 'swe_git_history', 'swe_take_home_review'],
  'evaluation rigour': ['prac_error_analysis', 'prac_result_too_good', 'theory_bias_variance', 'theory_time_series_validation'],
  'delivery to production': ['prac_retraining_decision', 'sys_shadow_vs_split', 'sys_training_serving_skew'],
  collaboration: ['cult_disagreement', 'cult_feedback', 'cult_helping_others', 'cult_visibility', 'cult_pushing_back'],
  // ML scientist
  'ml theory and mathematics': [
    'theory_attention_qkv',
    'theory_optimisers',
    'theory_batch_norm_dropout',
    'theory_skip_connections',
    'theory_distillation',
    'theory_double_descent'
  ],
  'research method': ['theory_p_values', 'prac_result_too_good', 'theory_bayes_rule', 'theory_pca'],
  'practical modelling': ['prac_hyperparameter_sweeps', 'prac_distributed_gpu_training', 'prac_imbalanced_labels', 'prac_framework_choice'],
  'communicating findings': ['cult_overstated_results', 'cult_explain_to_exec'],
  'engineering hygiene': ['swe_git_recovery', 'swe_testing_ml_code', 'swe_linux_debugging'],
  // Data engineer
  'pipeline engineering': ['swe_big_o', 'swe_linux_debugging', 'swe_concurrency'],
  'orchestration and tooling': ['sys_orchestration_tradeoffs', 'sys_streaming_data'],
  'data quality': ['sys_feature_store_tradeoffs', 'sys_data_privacy', 'swe_testing_ml_code'],
  'understanding of ml data needs': ['sys_training_serving_skew', 'theory_time_series_validation', 'prac_imbalanced_labels'],
  // Full-stack AI engineer
  'product engineering': ['swe_api_design', 'swe_concurrency', 'swe_code_review'],
  'llm integration': ['ai_validate_llm_output', 'ai_cost_latency', 'ai_prompt_versioning', 'ai_rag_design'],
  'evaluation and output quality': ['ai_llm_evaluation', 'ai_unsupported_answers'],
  'product judgement': ['cult_self_direction', 'cult_pushing_back'],
  communication: ['cult_explain_to_exec', 'cult_visibility', 'cult_feedback'],
  // ML lead
  'technical judgement across the stack': ['sys_feature_store_tradeoffs', 'sys_orchestration_tradeoffs', 'ai_open_vs_closed', 'sys_scalable_design'],
  'team building and leadership': ['cult_helping_others', 'cult_feedback', 'cult_pushing_back'],
  'delivery record': ['prac_project_deep_dive', 'cult_mistake'],
  'stakeholder communication': ['cult_overstated_results', 'cult_explain_to_exec'],
  'enabling others': ['cult_learning', 'cult_helping_others']
}

/** Model-building questions: asked of the roles that build models, not of those who run the platform. */
const MODELLING_QUESTIONS = [
  'prac_mock_problem',
  'prac_baseline_first',
  'prac_hyperparameter_sweeps',
  'prac_distributed_gpu_training',
  'prac_framework_choice',
  'prac_imbalanced_labels',
  'prac_result_too_good',
  'prac_project_deep_dive',
  'prac_error_analysis',
  'ai_lora_tradeoffs',
  'ai_llm_finetune_practice',
  'ai_image_model_adaptation'
]

/** What each role's job description deliberately leaves out, as groups and questions it is never asked. */
/** Questions on designing what an LLM feature answers (retrieval, grounding, output checks): for the people who build the feature, not the platform. */
const LLM_FEATURE_DESIGN = ['ai_rag_design', 'ai_unsupported_answers', 'ai_validate_llm_output', 'ai_llm_evaluation']

export const ROLE_AVOIDS: Readonly<Partial<Record<RoleId, { groups: readonly QuestionGroup[]; ids: readonly string[] }>>> = {
  infra_engineer: { groups: ['ml_theory'], ids: [...MODELLING_QUESTIONS, ...LLM_FEATURE_DESIGN] },
  mlops_engineer: {
    groups: ['ml_theory'],
    ids: [...MODELLING_QUESTIONS.filter((id) => id !== 'prac_distributed_gpu_training'), 'ai_rag_design', 'ai_unsupported_answers']
  },
  data_engineer: { groups: ['ml_theory'], ids: [...MODELLING_QUESTIONS, ...LLM_FEATURE_DESIGN] },
  fullstack_ai_engineer: {
    groups: ['ml_theory'],
    ids: ['prac_hyperparameter_sweeps', 'prac_distributed_gpu_training', 'prac_framework_choice', 'ai_image_model_adaptation']
  }
}

/** A criterion's skill group from its words, for criteria the consultant wrote. */
function groupFromWords(criterion: string): QuestionGroup {
  const c = criterion.toLowerCase()
  if (/llm|foundation|prompt/.test(c)) return 'ai_domain'
  if (/theory|math|research|statistic/.test(c)) return 'ml_theory'
  if (/software|code|coding|engineering hygiene|quality of code/.test(c)) return 'software_engineering'
  if (/operat|infra|platform|design|architect|system|pipeline|orchestrat|reliab|monitor|cost|capacity|serving/.test(c)) return 'ml_systems'
  if (/ml|model|experiment|evaluat|data/.test(c)) return 'ml_practice'
  return 'culture'
}

/** Questions of a group in pick order: core before senior, then by id. */
function byPickOrder(questions: readonly InterviewQuestion[]): InterviewQuestion[] {
  const rank = (q: InterviewQuestion): number => (q.seniority === 'core' ? 0 : 1)
  return [...questions].sort((a, b) => rank(a) - rank(b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
}

export interface KitCriterion {
  criterion: string
  strong: string
  weight: number
  questions: InterviewQuestion[]
}

export interface RoleKit {
  role: RoleId
  criteria: KitCriterion[]
  /** Questions on working with foundation models, for API and fine-tuning clients. */
  addOn: InterviewQuestion[]
  /** A criterion asks about an exercise: the exercise question in the kit, if any. */
  exercise: InterviewQuestion | null
  /** The client works with hosted or fine-tuned models, so the kit covers them. */
  aiDomain: boolean
}

/**
 * The kits for a pack, in the order given (the hiring order): each criterion gets questions
 * in proportion to its weight (at least one), from its own probes first, then from its skill
 * group, then from the role's other groups, never one the pack has asked already or one the
 * role's job description leaves out.
 */
export function packKits(roles: readonly RoleProfile[], questions: readonly InterviewQuestion[], options: { aiDomain: boolean }): RoleKit[] {
  const active = questions.filter((q) => !q.retired)
  const byId = new Map(active.map((q) => [q.id, q]))
  const used = new Set<string>()
  const plans = roles.map((profile) => {
    const role = profile.id as RoleId
    const avoid = ROLE_AVOIDS[role]
    const allowed = (q: InterviewQuestion): boolean => !used.has(q.id) && !(avoid?.groups.includes(q.group) ?? false) && !(avoid?.ids.includes(q.id) ?? false)
    const criteria: KitCriterion[] = profile.scorecard.map((s) => ({ criterion: s.criterion, strong: s.strong, weight: s.weight, questions: [] }))
    // Heavier criteria choose first, so a question that probes two goes where it weighs most.
    const order = criteria.map((_, i) => i).sort((a, b) => criteria[b]!.weight - criteria[a]!.weight || a - b)
    const candidates = criteria.map((c) => {
      const probes = (CRITERION_PROBES[c.criterion.trim().toLowerCase()] ?? []).map((id) => byId.get(id)).filter((q): q is InterviewQuestion => q !== undefined)
      const group = probes[0]?.group ?? groupFromWords(c.criterion)
      return [...probes, ...byPickOrder(active.filter((q) => q.group === group)), ...byPickOrder(active.filter((q) => q.group !== group))]
    })
    return { profile, role, allowed, criteria, order, candidates }
  })
  const fill = (p: (typeof plans)[number], i: number, upTo: number): void => {
    const c = p.criteria[i]!
    for (const q of p.candidates[i]!) {
      if (c.questions.length >= upTo) return
      if (p.allowed(q)) {
        used.add(q.id)
        c.questions.push(q)
      }
    }
  }
  // First one question for every criterion of every kit, so none goes unprobed; then each to its share.
  for (const p of plans) for (const i of p.order) fill(p, i, 1)
  for (const p of plans) for (const i of p.order) fill(p, i, Math.max(1, Math.round(p.criteria[i]!.weight * KIT_SIZE)))
  return plans.map((p) => {
    const addOn: InterviewQuestion[] = []
    if (options.aiDomain) {
      for (const q of byPickOrder(active.filter((x) => x.group === 'ai_domain'))) {
        if (addOn.length >= KIT_AI_DOMAIN) break
        if (p.allowed(q)) {
          used.add(q.id)
          addOn.push(q)
        }
      }
    }
    const mentionsExercise = p.profile.scorecard.some((s) => /exercise|take-home/i.test(`${s.criterion} ${s.strong}`))
    const exercise = mentionsExercise ? (p.criteria.flatMap((c) => c.questions).find((q) => /exercise|take-home/i.test(q.text)) ?? null) : null
    return { role: p.role, criteria: p.criteria, addOn, exercise, aiDomain: options.aiDomain }
  })
}
