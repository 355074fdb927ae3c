/**
 * The default interview question bank: questions for each of the five skill axes and for the
 * AI-domain group used with API and fine-tuning clients. Ids are stable (the app and saved
 * plans refer to them); texts and guidance can be edited in the content library.
 *
 * Pure module: no Node, DOM or Electron imports.
 */
import type { InterviewQuestion, QuestionGroup } from '../schemas/library.schema'

function q(id: string, group: QuestionGroup, seniority: InterviewQuestion['seniority'], text: string, lookFor: string): InterviewQuestion {
  return { id, group, text, lookFor, seniority, custom: false, retired: false }
}

const ML_PRACTICE: InterviewQuestion[] = [
  q(
    'prac_project_deep_dive',
    'ml_practice',
    'core',
    'Choose a model you took to production and talk me through it, from the business problem to the first month after launch. I will interrupt to ask about details.',
    'A clear framing, an honest account of data problems and dead ends, a baseline, how success was measured, and what the candidate did personally as opposed to the team. Answers that stay vague under follow-up questions are a warning sign.'
  ),
  q(
    'prac_mock_problem',
    'ml_practice',
    'core',
    'We want to predict which customers will cancel their subscription in the next 30 days, and we have two years of account and usage history. How would you spend your first two weeks on this?',
    'Asks what decision the prediction will drive, defines the label and time windows carefully, starts with a simple baseline, plans a time-based split and names the likely sources of leakage.'
  ),
  q(
    'prac_training_pipeline_config',
    'ml_practice',
    'core',
    'How do you structure and configure a training pipeline so that a colleague can rerun your best experiment six months from now?',
    'Configuration in versioned files rather than edits to code, pinned environments, dataset versions, seeds, and parameters and artefacts recorded in a tracker. Bonus for knowing that bit-exact determinism on GPUs has limits.'
  ),
  q(
    'prac_hyperparameter_sweeps',
    'ml_practice',
    'core',
    'How do you decide which hyper-parameters are worth tuning, and how do you run the search without burning compute?',
    'Focuses on the few parameters that matter most, learning rate first; prefers random or Bayesian search to grids; uses early stopping or successive halving within a budget; and confirms the winner on held-out data so the search does not overfit the validation set.'
  ),
  q(
    'prac_distributed_gpu_training',
    'ml_practice',
    'senior',
    'Training a model on one GPU now takes far too long. How would you spread it across several machines with several GPUs each, and what usually goes wrong?',
    'Starts with data parallelism (DDP or equivalent) and knows when sharding or model parallelism is needed; adjusts effective batch size and learning rate; considers interconnect bandwidth, checkpointing and node failures; and measures whether throughput actually scales.'
  ),
  q(
    'prac_framework_choice',
    'ml_practice',
    'core',
    'Do you prefer a higher-level training framework such as PyTorch Lightning or the Hugging Face Trainer, or your own training loop? What has shaped that preference?',
    'A reasoned trade-off between less boilerplate with built-in logging and multi-GPU support, and flexibility and ease of debugging. Either preference is fine if it comes from experience.'
  ),
  q(
    'prac_cicd_for_ml',
    'ml_practice',
    'core',
    'Beyond ordinary unit tests, what belongs in continuous integration for a repository that trains and serves models?',
    'Data-schema and validation tests, a short smoke-training run, a check that metrics on a fixed set have not regressed, model packaging with metadata, GPU runners where the code needs them, and keeping the pipeline fast enough that people do not bypass it.'
  ),
  q(
    'prac_error_analysis',
    'ml_practice',
    'core',
    'The headline metric for your model looks good, yet users keep complaining about its output. How do you investigate?',
    'Slices errors by segment, reads real examples, checks whether the evaluation set resembles production traffic, uses the prediction log, and asks whether the metric reflects what users care about.'
  ),
  q(
    'prac_baseline_first',
    'ml_practice',
    'core',
    'When would you ship a heuristic or a linear model rather than a neural network?',
    'Builds baselines to measure what complexity buys; weighs data volume, latency, interpretability and maintenance cost; and is comfortable shipping the simple model when the gain from a complex one does not justify its cost.'
  ),
  q(
    'prac_imbalanced_labels',
    'ml_practice',
    'core',
    'Only one example in a thousand is positive. How does that change the way you train and evaluate the model?',
    'Rejects accuracy as the metric in favour of precision and recall, PR-AUC or a cost-weighted measure; considers class weights or resampling; sets the decision threshold from the business cost of each error; and checks label quality on the rare class.'
  ),
  q(
    'prac_retraining_decision',
    'ml_practice',
    'senior',
    'How do you decide that a production model needs retraining, and how do you confirm that the retrained version is genuinely better?',
    'Retraining triggered by monitoring signals or by a schedule justified by how fast the data changes; comparison on both fresh and frozen evaluation sets; shadow or split testing before full rollout; and a rollback plan.'
  ),
  q(
    'prac_result_too_good',
    'ml_practice',
    'senior',
    'A colleague reports a large accuracy gain from a small code change. What do you check before you believe it?',
    'Leakage between training and test data, a changed or smaller evaluation set, duplicates, leakage through time, a bug in the metric, and variance across random seeds. Asks for a reproduction and a plausible reason the change should help.'
  )
]

const SOFTWARE_ENGINEERING: InterviewQuestion[] = [
  q(
    'swe_interval_exercise',
    'software_engineering',
    'core',
    'Live exercise: write a function that merges overlapping time intervals. Then change it to accept intervals that arrive one at a time and out of order.',
    'Clarifies requirements, writes readable code with tests for edge cases, states time and space complexity, and reworks the design when the requirement changes rather than patching around it.'
  ),
  q(
    'swe_big_o',
    'software_engineering',
    'core',
    'You need to find near-duplicate records in a table of ten million rows. What does the obvious approach cost, and how would you do better?',
    'Sees that comparing every pair is quadratic and infeasible; proposes hashing, blocking, sorting or locality-sensitive hashing; and reasons about memory as well as running time.'
  ),
  q(
    'swe_git_history',
    'software_engineering',
    'core',
    'Your feature branch has twenty small commits and the main branch has moved on since you started. How do you get your work merged, and when would you squash, rebase or merge?',
    "Knows that rebasing replays commits onto a new base and rewrites history, and that squashing folds several commits into one; never rewrites a branch others are using; and follows the team's conventions for review and history."
  ),
  q(
    'swe_git_recovery',
    'software_engineering',
    'core',
    "After a force-push, a colleague's commits have vanished from a shared branch. What do you do?",
    "Stays calm, recovers the commits from the reflog or the colleague's local copy, restores the branch, tells the team, and suggests branch protection so it cannot happen again."
  ),
  q(
    'swe_dependency_management',
    'software_engineering',
    'core',
    'How do you manage Python dependencies for a service that must build identically in CI and in production?',
    'Lock files (for example uv, Poetry or pip-tools), pinned base images, separate development and runtime dependencies, regular automated updates, and attention to CUDA and system-library compatibility in ML images.'
  ),
  q(
    'swe_testing_ml_code',
    'software_engineering',
    'core',
    'What does a useful test suite look like for code that prepares data and then calls a model?',
    'Unit tests for transformations with small fixtures, schema or property-based tests, fixed seeds, mocked external model APIs, and a few end-to-end tests. Distinguishes testing the code from evaluating the model.'
  ),
  q(
    'swe_api_design',
    'software_engineering',
    'core',
    'Design the HTTP interface for a prediction service that several other teams will call. What goes in the request and response, and how do you version it?',
    'Explicit schemas, request identifiers, the model version in every response, clear error semantics, timeouts and idempotency, backward-compatible versioning and a deprecation process.'
  ),
  q(
    'swe_code_review',
    'software_engineering',
    'core',
    "What do you look for when you review a colleague's pull request, and how do you handle a disagreement in review?",
    'Correctness, tests, readability and operational impact ahead of style; comments that are specific and respectful; and pairing or escalating when a disagreement does not resolve in writing.'
  ),
  q(
    'swe_debug_production',
    'software_engineering',
    'senior',
    "A service's memory grows steadily until it is killed every few hours. How would you find the cause?",
    'Confirms the pattern with metrics, uses profiling and heap snapshots, looks for unbounded caches and queues or retained references, considers how models and libraries are loaded, and adds a safeguard while the fix is prepared.'
  ),
  q(
    'swe_concurrency',
    'software_engineering',
    'senior',
    'A service spends most of each request waiting for a model API to respond. How would you raise its throughput, and what new problems does that introduce?',
    'Asynchronous I/O or a worker pool, connection reuse, batching where the API supports it, back-pressure and rate limits, timeouts and retries with jitter, and protection for downstream systems.'
  ),
  q(
    'swe_take_home_review',
    'software_engineering',
    'core',
    'Walk me through the take-home assignment you submitted. What would you change with another day, and what did you leave out on purpose?',
    'Justifies the design, knows the weak points of their own code, and shows sensible prioritisation under a time limit.'
  ),
  q(
    'swe_linux_debugging',
    'software_engineering',
    'core',
    'A job runs on your laptop but fails on a Linux build server with a permission error. How do you narrow the problem down?',
    'Reads the error precisely, compares users, paths and environment variables, checks file ownership and the container user, and reproduces the failure in the same image.'
  )
]

const ML_THEORY: InterviewQuestion[] = [
  q(
    'theory_bias_variance',
    'ml_theory',
    'core',
    'Explain the bias–variance trade-off using a model you have worked on. How did it show up, and what did you change as a result?',
    'Correct definitions linked to training and validation error, remedies on each side (capacity, regularisation, more data), and awareness that very large neural networks complicate the classical picture.'
  ),
  q(
    'theory_double_descent',
    'ml_theory',
    'senior',
    'Heavily over-parameterised networks often generalise well even though they fit the training data perfectly. How do you reconcile that with classical learning theory?',
    'Describes double descent and the interpolation threshold, implicit regularisation by the optimiser, and the roles of data and architecture, while being candid about what is still not well understood.'
  ),
  q(
    'theory_attention_qkv',
    'ml_theory',
    'core',
    "In a transformer's attention layer, what do the queries, keys and values each do, and why are the dot products scaled?",
    'Queries are matched against keys to produce weights over the values; scaling by the square root of the key dimension stops the softmax from saturating. Strong answers mention multiple heads and the quadratic cost in sequence length.'
  ),
  q(
    'theory_batch_norm_dropout',
    'ml_theory',
    'core',
    'What do batch normalisation and dropout each do during training and at inference, and why do they help?',
    'Batch norm normalises activations with batch statistics in training and running averages at inference, which eases optimisation; dropout randomly drops units as a regulariser and is switched off at inference. Mentions pitfalls such as small batches and why transformers use layer normalisation instead.'
  ),
  q(
    'theory_distillation',
    'ml_theory',
    'core',
    "How does knowledge distillation work, and why can a student trained on a teacher's outputs outperform one trained on the labels alone?",
    "Soft targets carry information about how classes relate; temperature scaling; a loss combining soft and hard targets; variants such as feature-based or sequence-level distillation; and the limits set by the student's capacity."
  ),
  q(
    'theory_skip_connections',
    'ml_theory',
    'core',
    'Why did residual connections make very deep networks trainable, and where else do you see them used?',
    'Identity paths let gradients flow and let layers learn corrections to their input; links the idea to ResNets, U-Nets and transformers, and can say when a U-Net suits a task better than a plain ResNet.'
  ),
  q(
    'theory_optimisers',
    'ml_theory',
    'core',
    'Compare SGD with momentum and Adam. When would you choose each, and what does a learning-rate schedule contribute?',
    'Per-parameter adaptive steps versus a single step size, observed differences in generalisation, decoupled weight decay (AdamW), warm-up and decay schedules, and sensitivity to the learning rate.'
  ),
  q(
    'theory_bayes_rule',
    'ml_theory',
    'core',
    'A test for a rare defect is described as 99 per cent accurate, and it flags an item. How likely is the item to be defective, and what information do you need to answer properly?',
    "Applies Bayes' rule, recognises that the base rate dominates the answer, asks for prevalence, sensitivity and specificity separately, and can explain the result without formulas."
  ),
  q(
    'theory_p_values',
    'ml_theory',
    'core',
    'What does a p-value tell you and what does it not? How would you use one when comparing two models?',
    'The probability of results at least as extreme if the null hypothesis holds, not the probability that it is true; the problem of multiple comparisons; a preference for effect sizes and confidence intervals; and paired tests or bootstrapping on a shared evaluation set.'
  ),
  q(
    'theory_pca',
    'ml_theory',
    'core',
    'When would you use principal component analysis, and what assumptions does it make?',
    'A linear projection onto directions of maximum variance, via the covariance eigenvectors or an SVD; the need to scale features first; the assumptions that structure is linear and variance means signal; and alternatives for non-linear structure.'
  ),
  q(
    'theory_time_series_validation',
    'ml_theory',
    'core',
    'How would you cross-validate a forecasting model, and why is a random split the wrong choice?',
    'Rolling or expanding windows that respect time order, gaps to stop overlapping features leaking information, and evaluation at the forecast horizon the business actually uses.'
  ),
  q(
    'theory_transformer_training',
    'ml_theory',
    'senior',
    'What makes training a large transformer unstable, and which techniques keep it on track?',
    'Learning-rate warm-up, placement of normalisation layers, gradient clipping, mixed precision with loss scaling, careful initialisation, watching for loss spikes and restarting from checkpoints.'
  ),
  q(
    'theory_gan_vs_diffusion',
    'ml_theory',
    'senior',
    'Contrast how a GAN and a diffusion model learn to generate data. Why have diffusion models largely replaced GANs for image generation?',
    'An adversarial game between generator and discriminator, prone to instability and mode collapse, versus learning to reverse a gradual noising process with a stable, regression-like objective; trade-offs in sampling speed and sample diversity.'
  )
]

const ML_SYSTEMS: InterviewQuestion[] = [
  q(
    'sys_orchestration_tradeoffs',
    'ml_systems',
    'senior',
    'For a pipeline that ingests data, trains, evaluates and deploys models, compare Airflow, Dagster and a set of cooperating microservices. Which would you pick for a team of five, and why?',
    "Task-centred versus asset-centred orchestration, lineage and local testing, operational overhead and the team's existing skills; microservices only where parts need to scale independently; and a clear choice for the stated team."
  ),
  q(
    'sys_data_privacy',
    'ml_systems',
    'core',
    'How do you protect sensitive personal data as it moves through an ML system, from ingestion through training to prediction logs?',
    'Data minimisation, masking or pseudonymisation, access control with audit, encryption, retention and deletion, keeping personal data out of logs and prompts where possible, and a legal basis plus processing agreements with any external provider.'
  ),
  q(
    'sys_scalable_design',
    'ml_systems',
    'senior',
    'Design a system that serves a million predictions a day with a p95 latency target of 100 milliseconds. Where are the risks?',
    'A rough load estimate, model size and hardware choice, batching, caching, autoscaling, fallbacks, the latency of feature lookups, and monitoring. Strong candidates identify the real bottleneck rather than listing components.'
  ),
  q(
    'sys_model_versioning_serving',
    'ml_systems',
    'core',
    'How do you version models in production and keep track of which version is serving which traffic?',
    'A registry of immutable versions linked to code and data, the version recorded in every prediction log entry, deployments that reference registry versions, and defined canary and rollback procedures.'
  ),
  q(
    'sys_streaming_data',
    'ml_systems',
    'senior',
    'What changes when an ML system has to act on real-time streaming data instead of nightly batches?',
    'Event time versus processing time, late and out-of-order events, consistency between online and offline features, state management, idempotent or exactly-once processing, and the cost of low latency.'
  ),
  q(
    'sys_feature_store_tradeoffs',
    'ml_systems',
    'senior',
    'When is a feature store worth introducing, and which problem does it actually solve?',
    'Consistency between training and serving, point-in-time correct joins, reuse across teams and low-latency online lookup, balanced against its operating cost; recognises that a small team may not need one yet.'
  ),
  q(
    'sys_retraining_design',
    'ml_systems',
    'senior',
    'Design automated retraining for a model whose input data changes every week. What triggers a run, what has to pass before release, and how do you roll back?',
    'Scheduled or drift-triggered runs, data validation before training, evaluation gates against the current model and a frozen set, staged rollout, registry-based rollback and alerts when the pipeline fails.'
  ),
  q(
    'sys_monitoring_design',
    'ml_systems',
    'core',
    'What would you monitor for a model in production beyond CPU, memory and error rates?',
    'Input and prediction distributions, drift, confidence, outcome-based metrics once labels arrive, latency percentiles, data freshness and business metrics, with every alert tied to an action.'
  ),
  q(
    'sys_prediction_logging',
    'ml_systems',
    'core',
    'What would you record for every prediction, and how would you store it so the ML team can make use of it?',
    'Request id, the input or a reference to it, output, model version, latency and timestamp, with outcomes joined later; asynchronous writes, partitioned storage, and retention and privacy controls.'
  ),
  q(
    'sys_shadow_vs_split',
    'ml_systems',
    'core',
    'When would you evaluate a new model in shadow mode, and when with a live traffic split?',
    'Shadow mode for safe technical validation with no effect on users; a live split when user behaviour is part of the outcome. Covers sample size, sticky assignment and guardrail metrics.'
  ),
  q(
    'sys_training_serving_skew',
    'ml_systems',
    'core',
    'A model scores well offline but worse in production, and no code bug has been found. Which system-level causes would you investigate?',
    'Separate feature-computation paths for training and serving, stale or missing features at request time, preprocessing mismatches, drift, time leakage in the training data, and evaluation data that does not resemble live traffic.'
  ),
  q(
    'sys_gpu_capacity',
    'ml_systems',
    'senior',
    'How would you provision GPU capacity for a team with bursty training jobs and steady inference traffic?',
    'Separate pools, autoscaling with scale to zero, spot or preemptible capacity for training that checkpoints, reserved capacity for baseline inference, queues and quotas, and visible costs per team.'
  )
]

const CULTURE: InterviewQuestion[] = [
  q(
    'cult_explain_to_exec',
    'culture',
    'core',
    'Explain a technical decision you made as if I were the finance director who has to approve what it costs.',
    'A clear, jargon-free account of cost, risk and benefit, honest about uncertainty, with a check that the listener has understood.'
  ),
  q(
    'cult_disagreement',
    'culture',
    'core',
    'Tell me about a time you disagreed with a technical decision. What did you do, and how did it turn out?',
    'Raises concerns with evidence, listens, commits once the decision is made, and reflects on what they learned whichever way it went.'
  ),
  q(
    'cult_unglamorous_work',
    'culture',
    'core',
    'Describe some unglamorous work you took on because the team needed it done.',
    'A genuine example of ownership beyond the job description, described without resentment, and with an eye on removing the underlying cause.'
  ),
  q(
    'cult_mistake',
    'culture',
    'core',
    'Tell me about a mistake of yours that reached production. What happened next?',
    'Owns the error without defensiveness, describes the fix and the follow-up that prevents a repeat, and shared the lessons openly.'
  ),
  q(
    'cult_self_direction',
    'culture',
    'core',
    'You join a team where nobody can tell you exactly what to work on first. How do you decide?',
    'Talks to stakeholders, identifies the most valuable problem, proposes a plan and checks it with others, and aims to deliver something small early.'
  ),
  q(
    'cult_helping_others',
    'culture',
    'core',
    'How have you made a colleague more effective in the past year?',
    'Concrete mentoring, documentation, tooling or pairing, with some evidence of the effect on the other person.'
  ),
  q(
    'cult_overstated_results',
    'culture',
    'senior',
    'A senior stakeholder wants to announce a model result that you believe is overstated. How do you handle it?',
    'Holds to honest evaluation, explains the risk in business terms, offers a statement that can be defended, and escalates respectfully if needed.'
  ),
  q(
    'cult_pushing_back',
    'culture',
    'senior',
    'Tell me about a time you pushed back on a request because you thought it was the wrong thing to build.',
    'Understands the need behind the request, proposes an alternative, and balances directness with preserving the working relationship.'
  ),
  q(
    'cult_learning',
    'culture',
    'core',
    'What have you learned recently outside your core expertise, and how did you go about learning it?',
    'Curiosity, a deliberate way of learning and application to real work. For infrastructure candidates, genuine interest in how ML systems behave is a good sign.'
  ),
  q(
    'cult_on_call',
    'culture',
    'core',
    'How do you feel about being on call for a system you built, and what makes an on-call rota sustainable?',
    'Accepts ownership of production, values actionable alerts and runbooks, fixes the causes of repeated pages, and cares about a fair rotation.'
  ),
  q(
    'cult_feedback',
    'culture',
    'core',
    'Describe a piece of feedback that was hard to hear. What did you change afterwards?',
    'Receives feedback without defensiveness and can point to a specific change in behaviour.'
  ),
  q(
    'cult_visibility',
    'culture',
    'core',
    'How do you keep colleagues informed when you spend weeks on work that has no visible output yet?',
    'Regular short written updates, early demonstrations, blockers made visible, and adapting to how the team prefers to communicate.'
  )
]

const AI_DOMAIN: InterviewQuestion[] = [
  q(
    'ai_validate_llm_output',
    'ai_domain',
    'core',
    'A feature uses a hosted LLM to extract fields from customer emails into a structured record. How do you make sure the output is valid and correct before anything acts on it?',
    'Structured output or function calling with schema validation, retries that feed the error back, business-rule checks, consistency or confidence checks, human review for high-risk cases, and logging for later evaluation.'
  ),
  q(
    'ai_llm_evaluation',
    'ai_domain',
    'core',
    'How would you build an evaluation set and a scoring method for an LLM feature before its first release?',
    'Representative examples drawn from real or realistic inputs, clear rubrics, automated checks where possible, model-graded scoring calibrated against human labels, and scores tracked per prompt and model version.'
  ),
  q(
    'ai_lora_tradeoffs',
    'ai_domain',
    'core',
    'What is LoRA, and when would you choose it over full fine-tuning, or over prompting alone?',
    'Small low-rank adapter matrices are trained while the base weights stay frozen, which cuts memory and storage and allows adapters to be swapped; it can fall short of full fine-tuning for large shifts in behaviour; prompting and retrieval should be tried first.'
  ),
  q(
    'ai_open_vs_closed',
    'ai_domain',
    'core',
    'What can you do with an open-weight model that a closed, API-only model does not allow, and what does that freedom cost?',
    'Unrestricted fine-tuning, data kept in-house, control of versions and latency, and access to internals; against hosting and GPU costs, operational effort and often lower quality than the leading closed models. Licence terms matter too.'
  ),
  q(
    'ai_prompt_versioning',
    'ai_domain',
    'core',
    'How do you manage prompts and model versions so that a change can be reviewed, tested and rolled back?',
    'Prompts in version control or a registry rather than strings scattered through the code, prompt and model version in every log record, an evaluation run on every change, and pinned provider model versions.'
  ),
  q(
    'ai_cost_latency',
    'ai_domain',
    'core',
    'An LLM feature has become too slow and too expensive at current usage. What would you try, and in what order?',
    'Measures first; then shortens prompts and context, caches, routes simple requests to a smaller model, streams responses, limits output length, batches where possible, and considers fine-tuning or distilling a smaller model.'
  ),
  q(
    'ai_privacy_providers',
    'ai_domain',
    'core',
    'What would you check before sending customer data to a third-party model provider?',
    'A data processing agreement, whether the provider retains data or trains on it, the processing region, minimisation and redaction, consent and legal basis, and an audit trail of what was sent.'
  ),
  q(
    'ai_rag_design',
    'ai_domain',
    'core',
    "Design retrieval-augmented generation over a company's internal documents. How would you tell whether retrieval or generation is the weak link?",
    'Chunking, embeddings with hybrid search, reranking and source citations; measures retrieval recall separately from answer quality; and respects document permissions.'
  ),
  q(
    'ai_unsupported_answers',
    'ai_domain',
    'core',
    'How do you reduce, and detect, answers that sound confident but are not supported by the source material?',
    'Grounding in retrieved text, instructions to decline when unsure, citation checks, verification of claims against sources, evaluation sets that include unanswerable questions, and interface cues that signal uncertainty.'
  ),
  q(
    'ai_prompt_injection',
    'ai_domain',
    'senior',
    'Users can paste arbitrary text that ends up in your prompts, and the model can call internal tools. What are the risks, and how do you mitigate them?',
    'Prompt injection and data exfiltration; least-privilege tools, separation of instructions from untrusted content, output filtering, human confirmation for consequential actions, monitoring and red-team testing.'
  ),
  q(
    'ai_llm_finetune_practice',
    'ai_domain',
    'senior',
    'What practical choices matter most when fine-tuning an LLM on your own data?',
    'Data quality and formatting over volume, the correct chat template, learning rate and number of epochs chosen to avoid forgetting, comparison against the base model, memory-saving techniques, and deduplication against the evaluation data.'
  ),
  q(
    'ai_provider_migration',
    'ai_domain',
    'senior',
    'Your provider is retiring the model version your feature depends on. How do you migrate safely?',
    'Pinned versions, an evaluation suite to compare candidates, shadow runs on logged traffic, prompt adjustments, a gradual rollout, and an abstraction layer that keeps providers interchangeable.'
  ),
  q(
    'ai_image_model_adaptation',
    'ai_domain',
    'senior',
    "What are the options for adapting an image-generation model such as Stable Diffusion to a company's visual style, and how do they compare?",
    'Textual inversion, DreamBooth, LoRA, full fine-tuning and conditioning adapters, compared on data needed, compute, fidelity, risk of overfitting and licensing.'
  )
]

export const DEFAULT_QUESTIONS: InterviewQuestion[] = [...ML_PRACTICE, ...SOFTWARE_ENGINEERING, ...ML_THEORY, ...ML_SYSTEMS, ...CULTURE, ...AI_DOMAIN]
