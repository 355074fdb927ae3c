/**
 * Default task templates: one per catalogue task (shared/domain/catalogue.ts), written to be
 * pasted into a client proposal. Effort defaults match the catalogue; min and max give the
 * realistic range a consultant can quote. Descriptions are paragraphs separated by a blank line.
 *
 * Pure module: no Node, DOM or Electron imports.
 */
import type { TaskTemplate } from '../schemas/library.schema'

const paragraphs = (...parts: string[]): string => parts.join('\n\n')

export const DEFAULT_TASK_TEMPLATES: TaskTemplate[] = [
  {
    id: 'objectives_audit',
    title: 'Objectives and data audit workshop',
    summary:
      'A short, structured workshop that fixes the business objective, the metric that will judge success and the data available to reach it, before any ML hire or build is committed.',
    description: paragraphs(
      "Over two or three sessions with product owners, domain experts and the people who run the company's data today, the consultant agrees one to three candidate use cases, the business metric each would move and the decision the AI feature would support. In parallel, the consultant inventories the data that could feed them: where it lives, who owns it, how much history exists, whether it is labelled, and what legal or contractual limits apply to its use.",
      'The audit comes first because the assessment found either no usable data or no agreed objective. ML engineers hired into that gap end up doing application work or waiting for data, and the strongest of them leave. The audit settles whether ML work is justified now and, if it is, which data must be collected first. Until it is complete, the ML tasks in this plan remain optional.',
      "The client's engineers take part in the data sessions so that the findings reflect how systems behave in practice, not how they are documented. The consultant writes up the results and presents them to the sponsor with a clear recommendation to proceed, defer or redirect."
    ),
    deliverables: [
      'Objectives brief: up to three candidate use cases, each with its business metric, current baseline and target',
      'Data inventory listing source, owner, volume, history, labelling status and usage restrictions for every relevant dataset',
      'Gap analysis of the data that must be collected or labelled before modelling can start, with rough effort estimates',
      'Recommendation memo (proceed, defer or redirect) with the resulting hiring order',
      'Revised engagement plan in which the tasks that waited on the audit are confirmed or removed'
    ],
    acceptanceCriteria: [
      'The sponsor has signed off one primary objective with a measurable metric and a baseline value.',
      'Every dataset named in the objectives brief has an identified owner and a documented access route.',
      'The recommendation states explicitly whether ML hiring should start and, if not, what has to happen first.',
      'Each task marked as pending the audit has been either confirmed in the plan or removed from it.'
    ],
    effort: { unit: 'days', default: 3, min: 2, max: 5 },
    phase: 'discovery',
    custom: false,
    retired: false
  },
  {
    id: 'interim_lead',
    title: 'Interim ML team lead (part time)',
    summary:
      "An experienced practitioner acts as the team's ML lead for about one day a week until a permanent lead is appointed or the role is no longer needed.",
    description: paragraphs(
      'The consultant provides the technical leadership a new AI team lacks: making architecture decisions, reviewing designs and pull requests for ML-specific risks, setting evaluation standards, and helping to design and run interviews for the roles in the hiring plan. The time is spread across the week as the team needs it, usually one standing planning session plus reviews and short calls.',
      'Teams without an experienced ML lead tend to repeat the same costly mistakes: models released without automated tests or deployment, evaluations run on leaked or unrepresentative data that make results look stronger than they are, and scientists left to improvise infrastructure. A permanent lead is rarely affordable at this stage and takes months to recruit; a part-time interim lead covers the gap from the first week.',
      "The consultant works within the client's existing meetings rather than adding new ones, and records decisions as short architecture decision records so that they outlast the engagement. As hires arrive, responsibilities move across deliberately, first the day-to-day reviews and then the architecture decisions, until the role is handed to a permanent lead or closed."
    ),
    deliverables: [
      "Architecture decision records for each significant ML platform or modelling choice, kept in the client's repository",
      'Evaluation standard covering data splits, reported metrics and what counts as a meaningful improvement',
      'Interview loops and scorecards for each ML role in the hiring plan, with participation in final-round interviews',
      'Monthly written summary of progress, risks and decisions for the sponsor',
      'Handover note for the permanent lead, or a recommendation on when one should be recruited'
    ],
    acceptanceCriteria: [
      'Every significant ML design change in the period has a recorded decision and a named owner.',
      'Every model result reported to the business states the evaluation data, the baseline and the metric used.',
      'Interview loops for the open ML roles are documented and have been used in at least one hiring round.',
      'The sponsor has received a written status summary for every month of the engagement.'
    ],
    effort: { unit: 'days_per_week', default: 1, min: 0.5, max: 2 },
    phase: 'foundations',
    custom: false,
    retired: false
  },
  {
    id: 'cicd_gpu',
    title: 'CI/CD with GPU runners',
    summary: 'Continuous integration and delivery that runs ML tests and short training checks on GPU hardware and publishes versioned model artefacts.',
    description: paragraphs(
      "The consultant extends the client's existing CI system, such as GitHub Actions or GitLab CI, with GPU runners that start on demand and shut down when idle. Pipelines are added for the ML code paths: unit tests, data-schema checks, a brief training run on a small fixture dataset to show that the code still learns, and packaging of the resulting model with its metadata.",
      "Training code tends to break only on the hardware it was written for, so CPU-only pipelines let the most expensive failures through to the team's GPU machines or to production. For a team with GPU workloads, a pipeline that exercises them on every merge is the cheapest protection against silent regressions. It is also the base on which the nightly regression run and automated deployment are built.",
      "Runners are provisioned through the team's Terraform so that they are reproducible and their cost is visible. The consultant pairs with one of the client's engineers on the first pipeline and then reviews while that engineer adds the next, so the team owns the set-up from the start."
    ),
    deliverables: [
      'GPU runner pool defined as code, scaling to zero when idle and enforcing a per-job time limit',
      'CI workflow for the ML repositories: linting, unit tests, data-schema checks and a short smoke-training job on GPU',
      'Build step that packages each model with its version, commit hash and training metadata and pushes it to the artefact store',
      'Dependency and container-image caching so that a typical pipeline completes within an agreed time budget',
      'Runbook for runner failures, quota limits and adding the pipeline to a new repository'
    ],
    acceptanceCriteria: [
      'A pull request to the main ML repository triggers a pipeline in which at least one job runs on a GPU.',
      'A deliberately broken training change fails the pipeline before it can be merged.',
      'GPU runners scale to zero when no jobs are queued, verified over a 24-hour period.',
      'Every model artefact produced by CI can be traced to the commit and pipeline run that built it.'
    ],
    effort: { unit: 'days', default: 6, min: 4, max: 10 },
    phase: 'foundations',
    custom: false,
    retired: false
  },
  {
    id: 'terraform',
    title: 'Cloud infrastructure as code with Terraform',
    summary: 'The cloud environment used for AI work is described in Terraform, so that it can be reviewed, recreated and changed safely.',
    description: paragraphs(
      'The consultant writes Terraform modules for the resources the AI platform depends on: networking, identity and access management, container registries, storage buckets, the Kubernetes cluster or managed compute, and GPU node pools. Resources that were created by hand are imported rather than rebuilt where that is the safer route. Changes go through pull requests with the plan output attached for review, and are applied from CI rather than from individual laptops.',
      'An environment configured by hand cannot be reproduced, audited or costed with confidence, and it slows down every later task in this plan. Once the infrastructure is code, a staging environment can be created from the same definitions as production, and access rights become something the client reviews rather than something it discovers during an incident.',
      "The consultant first agrees module boundaries and state management with the client's platform or DevOps engineers, then builds the modules with them in their own repository. Naming, tagging and secrets conventions are settled at the outset so that cost reporting and security reviews work from the first day."
    ),
    deliverables: [
      "Terraform modules for networking, IAM, container registry, storage and the GPU node pool, in the client's repository",
      'Remote state with locking, and separate workspaces or stacks for staging and production',
      'CI pipeline that runs a plan on every pull request and applies on merge, with manual approval for production',
      'Tagging convention applied to every resource so that costs can be attributed by team and project',
      'README covering the module structure, how to add a resource and how to resolve state drift'
    ],
    acceptanceCriteria: [
      'A new staging environment can be created from the repository without any manual console steps.',
      'A plan run against production reports no unexpected changes.',
      'Routine infrastructure changes no longer require anyone to hold standing administrator access in the cloud console.',
      'Every resource created by the modules carries the agreed cost-allocation tags.'
    ],
    effort: { unit: 'days', default: 8, min: 5, max: 15 },
    phase: 'foundations',
    custom: false,
    retired: false
  },
  {
    id: 'billing_alerts',
    title: 'Cloud billing alerts and cost dashboard',
    summary: 'Budgets, spend-anomaly alerts and a simple cost dashboard, so that GPU and model-API spending is visible well before the invoice arrives.',
    description: paragraphs(
      "Using the cloud provider's own budgeting and cost tools, the consultant sets budgets at account and project level, switches on anomaly detection for spend, and routes alerts to a channel the team actually reads. A dashboard breaks costs down by service, environment and team, and includes spending on third-party model APIs where the provider exposes usage data.",
      'AI workloads are where cloud bills rise without warning: a GPU instance left running after an experiment, a training job stuck in a retry loop, or an inference endpoint scaled up for a demonstration and never scaled back. Inexpensive alerting finds these within hours rather than at month end, and gives the sponsor the cost visibility needed to judge the return on the AI programme.',
      'Thresholds are agreed with the budget holder, and the engineering team decides who responds to an alert and how. Where the infrastructure is managed with Terraform, the budgets and alert rules are defined there too.'
    ),
    deliverables: [
      'Budgets per account or project, alerting at 50, 80 and 100 per cent of the forecast',
      "Spend anomaly detection switched on, with notifications sent to the team's chat channel and to the budget holder",
      'Cost dashboard by service, environment and team, showing GPU hours and model-API spend separately',
      'One-page response procedure: who investigates an alert and how idle resources are shut down'
    ],
    acceptanceCriteria: [
      'A test alert reaches both the agreed channel and the budget holder.',
      "The dashboard shows the previous month's spend broken down by service and by environment.",
      "At least 90 per cent of the month's spend can be attributed to a team or project through tags."
    ],
    effort: { unit: 'days', default: 2, min: 1, max: 3 },
    phase: 'foundations',
    custom: false,
    retired: false
  },
  {
    id: 'serving_pipeline',
    title: 'Deployment pipeline with canary and rollback',
    summary: 'An automated route from a merged change to a live model endpoint, with gradual rollout and one-step rollback.',
    description: paragraphs(
      'The pipeline takes a model or AI service from a merged commit to a production endpoint with no manual edits: it builds the container, runs the tests, deploys to staging and then releases to a small share of production traffic before promoting the new version. If error rates or latency cross agreed thresholds during this canary stage, it rolls back on its own, and an engineer can also roll back with a single command. The serving layer is chosen to fit the workload, from a plain FastAPI service or a gateway in front of a model provider to Ray Serve, TorchServe or Triton for self-hosted models.',
      'As long as a release means building an image by hand and editing deployment manifests, every change is slow and risky, so the team releases rarely and learns slowly. An automated, reversible pipeline is the precondition for the rest of the platform: monitoring, shadow tests and traffic-split experiments all assume that a model version can be put live and withdrawn reliably.',
      "When the first hire is an infrastructure or MLOps engineer, they own this work and the consultant pairs with them on the design and the first production rollout. Otherwise the consultant builds it with the client's engineers and hands it over with documentation and a rehearsed rollback."
    ),
    deliverables: [
      "Deployment pipeline from merge to production endpoint, defined in the client's CI system",
      'Canary stage that sends a configurable share of traffic to the new version and compares its error rate and latency with the current one',
      'Automatic rollback when a threshold is breached, plus a documented one-command manual rollback',
      'Service template for new models: container, health checks, resource limits and autoscaling settings',
      'Runbook for a failed canary, a faulty release found after promotion and an outage at an upstream model provider'
    ],
    acceptanceCriteria: [
      'A model change reaches production from a merged pull request without anyone editing manifests by hand.',
      'In a rehearsal, a release that pushes the error rate above the threshold is rolled back automatically.',
      'A manual rollback to the previous version completes in under ten minutes.',
      'Every production endpoint reports which model version it is serving.'
    ],
    effort: { unit: 'days', default: 10, min: 7, max: 15 },
    phase: 'foundations',
    custom: false,
    retired: false
  },
  {
    id: 'model_monitoring',
    title: 'Model monitoring and drift detection',
    summary: 'Dashboards and alerts that show how each model is behaving, not merely whether the service is up.',
    description: paragraphs(
      'Building on the prediction log, monitoring is set up at three levels: service health (latency percentiles, error rates, throughput), model behaviour (the distributions of inputs, predictions and confidence scores) and, where ground truth arrives later, quality measured against real outcomes. Evidently-style drift checks compare recent traffic with a reference window and alert when a shift is large enough to matter. For LLM features the equivalent signals are tracked: refusal and fallback rates, output length, cost per request and the scores of automated output checks.',
      'Models fail quietly. The service keeps answering while quality declines because customers, data sources or upstream providers have changed, and application monitoring alone will not reveal it. Model-level monitoring means the team notices degradation before a customer reports it.',
      'Alert thresholds are set with the engineers who will be paged, starting conservatively and tightening once the normal range is known. When an infrastructure or MLOps hire owns the platform, the consultant pairs with them on the design and the first dashboards; otherwise the consultant builds the monitoring and trains the on-call engineers to use it.'
    ),
    deliverables: [
      'Dashboard for each production model showing latency percentiles, error rate, throughput and prediction distribution',
      'Scheduled drift checks on key input features and on predictions, against a reference window',
      'Alert rules routed to the on-call rota, each linked to a runbook entry',
      'Quality report that joins predictions to outcomes where labels or user feedback arrive later',
      'Runbook explaining how to investigate a drift alert and when to retrain or roll back'
    ],
    acceptanceCriteria: [
      'Every production model has a dashboard showing p50, p95 and p99 latency alongside its prediction distribution.',
      'A synthetic shift injected in staging raises a drift alert within the agreed window.',
      'Each alert rule has a named owner and a linked runbook entry.',
      'The on-call engineers have worked through at least one simulated incident using the runbook.'
    ],
    effort: { unit: 'days', default: 8, min: 5, max: 12 },
    phase: 'foundations',
    custom: false,
    retired: false
  },
  {
    id: 'prediction_logging',
    title: 'Prediction logging store (input, output, latency, model version)',
    summary:
      'A queryable store that keeps, for each model call, what went in, what came out, how long it took and which version answered; monitoring and evaluation are built on it.',
    description: paragraphs(
      "Each call to a model, whether self-hosted or a hosted API, is logged with a request identifier, timestamp, the input or a reference to it, the output, latency, model and prompt version, and cost where it applies. Records are written asynchronously so that logging never slows a request, land in the client's warehouse or object storage, and are partitioned so that queries stay cheap. A join key allows outcomes and user feedback to be attached later.",
      'Without this record nobody can answer basic questions about the AI feature: what it told a particular customer, whether a new version performs better, or why results changed yesterday. The log is the raw material for monitoring, for offline evaluation of candidate versions and for building training data, so it pays to get it right before the team grows.',
      'The consultant agrees the schema with product, engineering and whoever is responsible for data protection, because model inputs often contain personal data. Retention, masking and access rules are decided at the start and built into the pipeline rather than added afterwards.'
    ),
    deliverables: [
      'Logging schema covering request id, timestamp, input, output, latency, model and prompt version, and cost',
      'Client library or middleware that emits log records asynchronously from every model-serving path',
      "Storage in the client's warehouse or object store, partitioned by date and model, with a retention policy",
      'Masking or pseudonymisation of personal data, agreed with the data protection lead',
      'Example queries for common questions: comparing versions, finding slow requests, retrieving the outputs shown to one customer'
    ],
    acceptanceCriteria: [
      'At least 99 per cent of production model calls on a sampled day have a matching log record.',
      'Logging increases p95 request latency by no more than the agreed overhead.',
      'An engineer can retrieve every prediction made by a given model version within a time window using a single query.',
      'Personal data in the log is handled according to the documented retention and masking rules.'
    ],
    effort: { unit: 'days', default: 5, min: 3, max: 8 },
    phase: 'foundations',
    custom: false,
    retired: false
  },
  {
    id: 'shadow_ab',
    title: 'Shadow mode and traffic-split experiments',
    summary: 'The means to run a candidate model next to the current one on real traffic and compare them before users rely on it.',
    description: paragraphs(
      'Two mechanisms are added to the serving layer. Shadow mode sends a copy of live requests to a candidate version whose answers are logged but never shown to users. Traffic splitting sends a fixed share of users to the candidate, with stable assignment so that each user sees a single version, and compares model and business metrics between the groups. Both write to the prediction log, so the comparison uses the same data and queries as monitoring.',
      'A model that wins offline can still lose in production, because live data differs from the test set and because users react to what the model does. Without a way to compare versions on real traffic, each change is released on faith. Comparing models is also harder than testing an interface change: effects can be delayed, metrics interact, and sample sizes have to be planned in advance.',
      'The consultant works with the product owner on which metrics decide an experiment and how long it must run, and with the engineers on the routing and the analysis template. When a platform hire owns this work, the consultant pairs with them on the design and the first experiment.'
    ),
    deliverables: [
      'Shadow deployment option in the serving pipeline, with candidate outputs written to the prediction log',
      'Traffic-split configuration with sticky user assignment and a kill switch',
      'Experiment analysis template: metric definitions, sample-size estimate and confidence interval for the difference',
      'One completed shadow or split experiment on a real candidate, written up as a worked example'
    ],
    acceptanceCriteria: [
      'A candidate version can run in shadow mode with no change visible to users.',
      'Traffic can be split at a configurable percentage and the split switched off in one step.',
      'The worked example reports the deciding metric with a confidence interval and a recommendation.'
    ],
    effort: { unit: 'days', default: 7, min: 5, max: 12 },
    phase: 'foundations',
    custom: false,
    retired: false
  },
  {
    id: 'tracking_registry',
    title: 'Experiment tracking and model registry',
    summary: 'A shared record of every training run, and a registry stating which model version is approved for which environment.',
    description: paragraphs(
      "The consultant sets up an experiment tracker, typically MLflow or Weights & Biases chosen against the client's hosting and data-residency constraints, and connects the training code so that every run records its parameters, code version, data version, metrics and artefacts. A model registry sits on top, holding named models with version numbers and stages such as candidate, staging and production, and the deployment pipeline takes its models from there.",
      "Teams that track experiments in spreadsheets and notebooks cannot reproduce their best result or explain why the model in production differs from the one in last month's report. A tracker and registry make results comparable across people and provide the lineage from dataset to deployed model that audits and incident reviews require.",
      "The integration is kept thin: a few lines in the training entry point and a promotion step in CI. The consultant migrates one existing project as the reference and coaches the client's engineers through the second."
    ),
    deliverables: [
      'Tracking server, hosted or self-managed, with authentication and backed-up storage',
      'Training code instrumented to record parameters, metrics, code commit, dataset version and artefacts for each run',
      'Model registry with a documented promotion process from candidate to production',
      'Deployment pipeline reading the approved model version from the registry',
      'One existing project migrated as a reference implementation'
    ],
    acceptanceCriteria: [
      'Any model in production can be traced to the run, commit and dataset version that produced it.',
      'Two engineers can compare their runs for the same project in a single view.',
      'Promotion to production requires a registry transition that records who approved it.'
    ],
    effort: { unit: 'days', default: 4, min: 2, max: 6 },
    phase: 'foundations',
    custom: false,
    retired: false
  },
  {
    id: 'data_versioning',
    title: 'Versioned datasets and data-quality checks',
    summary: 'Training and evaluation data that can be pinned to a version, reproduced on demand and checked automatically before use.',
    description: paragraphs(
      "The consultant introduces dataset versioning suited to the client's storage and volumes: DVC for file-based datasets in object storage, or lakeFS or a table format with time travel for larger lake data. Every training run then refers to a fixed, retrievable version. Automated checks on schema, value ranges, missing values, duplicates and label balance run whenever a new version is created, and a failed check stops training from using it.",
      'When data exists but lives in loose files and shared folders, nobody can say which data a model was trained on, and upstream changes break training without warning. Versioning and checks make results reproducible and move data problems from the end of a training run to the moment the data changes.',
      'Working with the engineers who own each dataset, the consultant lists the datasets in use, agrees naming and retention, and migrates the most important ones first. Checks begin with a handful of rules per dataset that the team understands, rather than an exhaustive suite that nobody maintains.'
    ),
    deliverables: [
      'Versioning set up for the main training and evaluation datasets, with their current versions registered',
      'Data-quality checks for each of those datasets, run automatically on every new version',
      'Training pipelines changed to reference datasets by version rather than by file path',
      'Frozen evaluation set for each model, stored separately from its training data',
      'Short guide to creating, checking and retiring a dataset version'
    ],
    acceptanceCriteria: [
      'Re-running a past training job with its recorded dataset version reproduces the same input data.',
      'A dataset version that fails a quality check cannot be used by the training pipeline.',
      "Each production model's evaluation set is versioned and kept apart from its training data."
    ],
    effort: { unit: 'days', default: 6, min: 4, max: 10 },
    phase: 'foundations',
    custom: false,
    retired: false
  },
  {
    id: 'etl_dagster',
    title: 'ETL orchestration with Dagster',
    summary: "Scheduled, observable pipelines that bring raw data from the client's source systems into the shape the ML team needs.",
    description: paragraphs(
      "The consultant builds ingestion and transformation pipelines in Dagster, modelled as assets so that each dataset has an owner, a schedule or trigger, and visible lineage from source to training table. Typical sources are the product database, event streams and exports from third-party systems. The deployment runs on the client's infrastructure with retries, alerts on failure and backfills for historical data.",
      'At this level of data maturity the ML work is held back less by modelling than by getting data out of production systems reliably. Cron jobs and notebooks fail without anyone noticing and cannot be rerun for a past date. An orchestrator gives the team repeatable pipelines and one place to see what ran, what failed and which data is stale. Dagster suits ML work because it tracks datasets rather than only tasks; if the client already operates Airflow, the same design can be built there.',
      "The consultant builds the first pipelines together with the client's engineers, sets the project structure and testing conventions, and hands over once the team has added a pipeline without help. If a data engineer is in the hiring plan, these pipelines are the first thing that person takes on."
    ),
    deliverables: [
      "Dagster project in the client's repository, deployed to their infrastructure through CI",
      'Ingestion pipelines for the agreed priority sources, backfilled over the agreed history',
      "Tested transformation assets that produce the ML team's training tables",
      'Freshness checks and failure alerts routed to the owning team',
      'Developer guide to adding a source or asset and running it locally'
    ],
    acceptanceCriteria: [
      'The priority sources arrive in the warehouse or lake on schedule for two consecutive weeks with no manual intervention.',
      'A failed run alerts the owning team within the agreed time.',
      'A historical partition can be rebuilt with a single backfill command.',
      "A client engineer has added at least one asset without the consultant's help."
    ],
    effort: { unit: 'days', default: 8, min: 5, max: 14 },
    phase: 'foundations',
    custom: false,
    retired: false
  },
  {
    id: 'training_infra',
    title: 'Cloud-agnostic training-job infrastructure',
    summary: 'A standard way for the ML team to submit training jobs to GPU capacity, without looking after individual machines or tying code to one provider.',
    description: paragraphs(
      "The consultant sets up job submission for training and batch workloads. An engineer describes a job (code, container image, data version and resources) and submits it from a laptop or from CI to a shared cluster or to cloud capacity. Depending on the client's footprint this is Ray on Kubernetes through KubeRay, a SkyPilot-style launcher that spans clouds and reserved capacity, or a managed training service behind the same interface. Jobs send their logs and artefacts to the experiment tracker and release their resources when they finish.",
      "Without shared job infrastructure, each ML engineer trains on a hand-built GPU machine, costs are invisible and the code accumulates one provider's conventions. A common submission route makes GPU use accountable, lets the team move to cheaper or more available capacity, and is a prerequisite for multi-node training and scheduled retraining.",
      'The work builds on the Terraform foundations. The consultant agrees quotas and priorities with the team, and pairs with an ML engineer to port one real training workload as the reference job.'
    ),
    deliverables: [
      'Job submission tool with templates for single-GPU, multi-GPU and CPU batch jobs',
      'Cluster or capacity configuration in Terraform, with autoscaling and spot or preemptible capacity where suitable',
      'Integration with the experiment tracker and artefact storage',
      'Agreed policy on quotas, priorities and idle time-outs',
      'One existing training workload ported and documented as the reference job'
    ],
    acceptanceCriteria: [
      'An ML engineer can submit the reference training job with one command and without access to individual machines.',
      'GPU resources are released automatically when a job completes or fails.',
      'The same job definition runs on at least two capacity targets, for example on-demand and spot instances or two providers.',
      'The GPU hours of every job are visible by project in the cost dashboard.'
    ],
    effort: { unit: 'days', default: 10, min: 7, max: 15 },
    phase: 'foundations',
    custom: false,
    retired: false
  },
  {
    id: 'nightly_regression',
    title: 'Nightly end-to-end pipeline regression run',
    summary:
      'A scheduled overnight run of the whole ML pipeline on fixed data, so that regressions are found the next morning rather than at the next release.',
    description: paragraphs(
      'Each night the full pipeline runs on a small but representative frozen dataset: data preparation, training or fine-tuning, evaluation and packaging, then deployment to a test environment followed by a set of sample requests. Metrics are compared with earlier runs and with fixed thresholds, and a drop beyond tolerance, a failed stage or an unusual change in runtime or cost raises an alert. For LLM features the run replays a curated set of prompts through the current prompt and model configuration and scores the answers.',
      "Once a model is in production, small changes to code, dependencies, data or an upstream model can degrade it without any single commit looking wrong. Per-commit CI is too short to catch such drift; a nightly full run is the practical compromise, and it narrows any regression down to one day's changes.",
      'When the infrastructure or MLOps hire owns the platform, this run is theirs and the consultant pairs on its design. Thresholds are agreed jointly, together with who looks at a failed run the following morning.'
    ),
    deliverables: [
      'Scheduled end-to-end run on a frozen dataset, from data preparation to a test deployment',
      'Metric history with comparisons against thresholds and earlier runs',
      'Alerts for failed stages, metric regressions and unusual runtime or cost',
      'For LLM features, a versioned prompt evaluation set with automated scoring',
      'Triage guide for the engineer on duty'
    ],
    acceptanceCriteria: [
      'The run completes every night for two consecutive weeks, or raises an alert when it does not.',
      'A regression deliberately introduced on a test branch is flagged by the next nightly run.',
      'The metrics of each run are stored and can be compared with every earlier run.'
    ],
    effort: { unit: 'days', default: 4, min: 2, max: 6 },
    phase: 'foundations',
    custom: false,
    retired: false
  },
  {
    id: 'distillation',
    title: 'Model distillation and optimisation',
    summary: 'Smaller, faster or cheaper versions of the production models that keep the quality the business requires.',
    description: paragraphs(
      'The consultant profiles the production models and what they cost to serve, then applies the techniques that fit each one: distilling a large model into a smaller student trained on its outputs, quantisation, pruning, compilation for the target hardware, batching and caching. For LLM features this can mean fine-tuning a small open-weight model on the logged outputs of a large hosted one, so that it takes over a narrow, well-defined task. Every candidate is evaluated against the current model on the frozen evaluation set and then in shadow mode.',
      'With models in production at volume, inference cost and latency begin to shape both margins and user experience. Optimisation at this stage frees budget for further model work and can make features viable that were previously too slow or too expensive.',
      "Before any work starts, the consultant agrees an explicit quality floor with the product owner, so that the trade-off is a business decision rather than a benchmark result. The client's ML engineers pair on the work and keep the optimisation steps in their pipeline for future model versions."
    ),
    deliverables: [
      'Cost and latency profile of each production model, with a target for each',
      'Optimised model candidates with evaluation results against the production baseline',
      'Recommendation for each model (adopt, keep testing or reject) with the expected saving',
      'Reproducible optimisation steps integrated into the training pipeline',
      'Shadow-mode comparison of the chosen candidate on live traffic'
    ],
    acceptanceCriteria: [
      'Each adopted model meets the agreed quality floor on the frozen evaluation set.',
      'Measured serving cost or p95 latency improves by at least the target agreed at the start.',
      'The optimisation steps can be re-run on a new model version from the pipeline without manual changes.'
    ],
    effort: { unit: 'days', default: 10, min: 6, max: 20 },
    phase: 'scale',
    custom: false,
    retired: false
  }
]
