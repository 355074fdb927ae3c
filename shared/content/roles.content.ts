/**
 * Default role profiles: one per catalogue role (shared/domain/catalogue.ts), written as job
 * description material a consultant can hand to a client. Axis weights drive the interview
 * loop (see library.content.ts); scorecard weights sum to 1.
 *
 * Pure module: no Node, DOM or Electron imports.
 */
import type { RoleProfile } from '../schemas/library.schema'

const paragraphs = (...parts: string[]): string => parts.join('\n\n')

export const DEFAULT_ROLE_PROFILES: RoleProfile[] = [
  {
    id: 'infra_engineer',
    title: 'Senior infrastructure engineer (ML platform)',
    oneLine:
      'A senior infrastructure or backend engineer with a real interest in ML, who builds, runs and is on call for the platform that models are deployed on.',
    situation: paragraphs(
      "The groundwork this hire lays is what every later ML hire relies on. They own the platform models run on: how a new version reaches production, what is logged and monitored about it, and how it is tested on live traffic, whether the models are hosted APIs or the company's own. They decide how AI services run in production and they carry the pager for them.",
      'They are not expected to train models. ML-specific architecture questions are settled with the interim ML lead or an advisor, which lets this engineer concentrate on infrastructure that is reliable, observable and cost-aware. When ML engineers join, they should find a working route from code to endpoint and be able to spend their first weeks on experiments rather than on tooling.'
    ),
    mustHaves: [
      'Several years building and operating production backend or infrastructure systems, at senior level',
      "Has run services at a scale comparable to this organisation's, in traffic, data volume and uptime expectations",
      'Understands the ML lifecycle (training, evaluation, deployment, monitoring, retraining) well enough to build for it, without needing to train models',
      'Comfortable with model serving, whether Ray, TorchServe, Triton or a plain FastAPI service in front of a model or provider API',
      'Well-formed opinions on monitoring and observability: metrics, logs, traces, alert design and latency percentiles',
      'Production experience with CI/CD and infrastructure as code, for example Terraform',
      'Willing to carry the pager for the AI services they build',
      'Writes clear design documents and explains trade-offs to non-specialists'
    ],
    niceToHaves: [
      'Kubernetes experience, including GPU node pools and autoscaling',
      'Has built or run data pipelines or an event-logging system',
      'Exposure to experiment tracking or a model registry such as MLflow',
      'Has integrated a hosted LLM API in production, handling rate limits, retries and cost',
      'Experience with A/B testing or feature-flag platforms'
    ],
    deliberatelyAbsent: [
      'Research papers or publications: the job is building and running production systems, and research output says little about ability to do that.',
      'Expertise in model architectures or training: modelling judgement comes from the interim lead or advisor for now, and from the ML engineer hired next.',
      'A postgraduate degree in ML: requiring one attracts candidates who mainly want to build models, which is not this role.'
    ],
    axisWeights: { ml_practice: 0.1, software_engineering: 0.35, ml_theory: 0.05, ml_systems: 0.35, culture: 0.15 },
    scorecard: [
      {
        criterion: 'Production operations',
        strong:
          'Describes incidents they handled from alert to follow-up, what they changed afterwards, and how they keep alerts actionable rather than noisy.',
        weight: 0.25
      },
      {
        criterion: 'Infrastructure design',
        strong:
          "Designs a serving path with deployment, rollback, scaling and cost controls, and justifies each choice against the organisation's actual scale rather than a big-tech template.",
        weight: 0.25
      },
      {
        criterion: 'Software engineering',
        strong: 'Writes clean, tested code in the exercise, is fluent in Python and the main backend language, and uses git and code review well.',
        weight: 0.2
      },
      {
        criterion: 'Understanding of the ML lifecycle',
        strong:
          'Explains how model monitoring differs from service monitoring, why drift matters and why comparing two models is harder than comparing two interface variants, without overstating their modelling expertise.',
        weight: 0.15
      },
      {
        criterion: 'Ownership and communication',
        strong: 'Takes responsibility for outcomes, raises problems early and explains technical trade-offs to a product owner in plain language.',
        weight: 0.15
      }
    ],
    timeToHireWeeks: 10,
    onboardingWeeks: 3,
    custom: false,
    retired: false
  },
  {
    id: 'mlops_engineer',
    title: 'MLOps engineer',
    oneLine: 'An engineer who brings DevOps practice to machine learning, so that models can be retrained, released, reproduced and paid for without drama.',
    situation: paragraphs(
      'This role fits once models or AI features are in production and operating them has become the problem: releases wait on manual steps, retraining is frequent or fragile, or a model has degraded without anyone noticing. The MLOps engineer builds and owns continuous integration, delivery and training for models, the versioning of models and data, reproducible environments and the cost controls around GPU and API usage.',
      'Their internal customers are the ML engineers and scientists, and success is measured by how quickly and safely those colleagues can move a change from experiment to production.'
    ),
    mustHaves: [
      'Production DevOps or platform engineering experience, including CI/CD and infrastructure as code',
      'Has operated ML models or AI services in production, including at least one retraining or release process',
      'Hands-on with model and data versioning, experiment tracking and a model registry (for example MLflow, Weights & Biases or DVC)',
      'Comfortable with containers and Kubernetes, including GPU scheduling',
      'Can design monitoring for both service health and model behaviour, including drift',
      'Has reduced or controlled cloud or GPU spend and can show how',
      'Writes production-quality Python and automation code'
    ],
    niceToHaves: [
      'Experience with an orchestrator such as Dagster, Airflow or Argo Workflows',
      'Has run distributed training or batch inference on Ray or a similar framework',
      'Familiarity with feature stores or streaming platforms such as Kafka',
      'Security and compliance experience: secrets management, access control and audit trails'
    ],
    deliberatelyAbsent: [
      "Deep ML theory: the role makes models easy to operate; choosing and designing them is someone else's job.",
      'Research publications: valuable for scientists, irrelevant to building delivery pipelines.',
      "Experience with one specific cloud's ML suite: good platform engineers move between providers quickly, and insisting on one shrinks the pool without raising its quality."
    ],
    axisWeights: { ml_practice: 0.15, software_engineering: 0.3, ml_theory: 0.05, ml_systems: 0.4, culture: 0.1 },
    scorecard: [
      {
        criterion: 'CI/CD and automation for ML',
        strong:
          'Describes a pipeline they built that trains, evaluates and releases models, including how failures and regressions were caught before reaching production.',
        weight: 0.25
      },
      {
        criterion: 'Reproducibility and versioning',
        strong:
          'Explains how a given production model could be rebuilt months later (code, data, environment and configuration) and how they made that the norm rather than the exception.',
        weight: 0.2
      },
      {
        criterion: 'Monitoring and reliability',
        strong: 'Distinguishes service, data and model failures, and designs alerts and runbooks for each.',
        weight: 0.2
      },
      {
        criterion: 'Cost and capacity',
        strong: 'Gives concrete examples of controlling GPU or API spend, such as scaling to zero, using spot capacity, or budgets with alerts.',
        weight: 0.15
      },
      {
        criterion: 'Serving the ML team',
        strong: 'Treats ML engineers as internal customers, collects their pain points and can show how their own work removed them.',
        weight: 0.2
      }
    ],
    timeToHireWeeks: 10,
    onboardingWeeks: 3,
    custom: false,
    retired: false
  },
  {
    id: 'ml_engineer',
    title: 'ML engineer',
    oneLine: "A strong software engineer with hands-on ML experience who runs experiments, prepares data, and trains and ships models; the team's generalist.",
    situation: paragraphs(
      'The ML engineer turns a business objective into a working model or AI feature and takes it to production. Day to day that means preparing and analysing data, setting up evaluations, running and comparing experiments, and writing the production code around the model. For a feature built on a hosted model it means prompt and retrieval design, evaluation sets and careful integration; for a custom model it means training pipelines and error analysis.',
      'The role is most productive once a deployment route, prediction logging and monitoring are in place, so that the hire spends their time improving models rather than building infrastructure. An early ML team should consist mainly of these generalists, with specialists added only when one part of the system needs to move faster.'
    ),
    mustHaves: [
      'Strong software engineering: production Python, testing, code review and git, in a shared codebase',
      'Has taken at least one model or AI feature to production end to end, with measurable business impact',
      'Designs sound evaluations: appropriate data splits, baselines, leakage checks and metrics tied to the objective',
      'Practical experience with PyTorch or a comparable framework and the surrounding tooling for tracking and data',
      'Prepares data from several sources confidently with SQL and dataframe tools such as pandas or Polars',
      'Explains results, and the uncertainty around them, to non-specialists'
    ],
    niceToHaves: [
      'Experience with hosted LLM APIs: prompt design, retrieval, structured output and evaluation',
      'Has fine-tuned models, including with parameter-efficient methods such as LoRA',
      'Experience with distributed training or large hyper-parameter searches',
      'Familiarity with the kind of data the organisation holds, such as text, images, time series or tabular records'
    ],
    deliberatelyAbsent: [
      'A PhD or a publication record: the job is applied, and many of the strongest practitioners are self-taught.',
      "Ownership of the deployment platform: that sits with the infrastructure or MLOps role, so this hire's time goes into models rather than tooling.",
      'Deep specialism in one model family: in a small team, breadth matters more.'
    ],
    axisWeights: { ml_practice: 0.3, software_engineering: 0.3, ml_theory: 0.15, ml_systems: 0.15, culture: 0.1 },
    scorecard: [
      {
        criterion: 'Applied ML judgement',
        strong:
          'Walks through a past project in depth: how the problem was framed, the data issues found, the baselines, what failed and why the final approach won.',
        weight: 0.3
      },
      {
        criterion: 'Software quality',
        strong: 'Writes readable, tested code and structures ML code so that others can review, rerun and deploy it.',
        weight: 0.25
      },
      {
        criterion: 'Evaluation rigour',
        strong: 'Spots leakage, unrepresentative test sets and metrics that flatter the model, and proposes a fair comparison instead.',
        weight: 0.2
      },
      {
        criterion: 'Delivery to production',
        strong: 'Has moved a model from notebook to a monitored production service and can describe what changed once it was live.',
        weight: 0.15
      },
      {
        criterion: 'Collaboration',
        strong: 'Explains trade-offs clearly to product and engineering colleagues and adjusts plans to their constraints.',
        weight: 0.1
      }
    ],
    timeToHireWeeks: 10,
    onboardingWeeks: 3,
    custom: false,
    retired: false
  },
  {
    id: 'ml_scientist',
    title: 'ML scientist',
    oneLine: 'A research-minded practitioner who improves models through disciplined experiments and, where needed, custom architectures.',
    situation: paragraphs(
      'The ML scientist works on problems whose answer is not known in advance: whether a model can reach the accuracy the business needs, which architecture or training method suits the data, and why a model fails on particular cases. Typical work includes error analysis on failure cases, auditing datasets for label noise and bias, testing alternative architectures and training recipes, and reading current research to decide what is worth trying.',
      'This hire pays off only once the foundations are in place: a platform to train and deploy on, versioned data, experiment tracking, and ML engineers to turn results into production systems. Brought in earlier, a scientist spends their time on infrastructure and is unlikely to stay. The role suits organisations building custom models or pursuing a long-term technical ambition that depends on research.'
    ),
    mustHaves: [
      'MSc or PhD in machine learning, statistics or another quantitative science, or equivalent research experience',
      'A record of improving model performance through systematic experiments, with results that held up in production or peer review',
      'Deep understanding of the modern architectures and training dynamics relevant to the problem',
      'Sound statistical practice: experimental design, significance, uncertainty and error analysis',
      'Writes research code clean enough for ML engineers to build on',
      'Follows the literature and can judge which new methods are worth trying'
    ],
    niceToHaves: [
      'Publications at recognised venues or strong results in ML competitions',
      'Experience with the relevant data modality, such as language, vision, audio or time series',
      'Experience with large-scale or distributed training',
      'Has mentored junior researchers or engineers'
    ],
    deliberatelyAbsent: [
      'Infrastructure and DevOps skills: the platform should exist before this hire, and asking a scientist to build it wastes their expertise.',
      'Application or front-end development: integration work belongs to the engineers.',
      'Production on-call duty: scientists contribute to incident reviews but do not hold the pager.'
    ],
    axisWeights: { ml_practice: 0.25, software_engineering: 0.1, ml_theory: 0.45, ml_systems: 0.05, culture: 0.15 },
    scorecard: [
      {
        criterion: 'ML theory and mathematics',
        strong:
          'Reasons about training behaviour from first principles, critiques methods on their assumptions and explains why a technique should help on this particular data.',
        weight: 0.3
      },
      {
        criterion: 'Research method',
        strong: 'Designs experiments with clear hypotheses, controls and ablations, and recognises when a result is noise.',
        weight: 0.25
      },
      {
        criterion: 'Practical modelling',
        strong: 'Has made a real model measurably better and can detail the data work and the iterations it took.',
        weight: 0.2
      },
      {
        criterion: 'Communicating findings',
        strong: 'Presents results with honest uncertainty, in a form that engineering and the business can act on.',
        weight: 0.15
      },
      {
        criterion: 'Engineering hygiene',
        strong: 'Keeps research code versioned, reproducible and readable by the ML engineers.',
        weight: 0.1
      }
    ],
    timeToHireWeeks: 14,
    onboardingWeeks: 4,
    custom: false,
    retired: false
  },
  {
    id: 'data_engineer',
    title: 'ML data engineer',
    oneLine:
      'An engineer who builds the ingestion and orchestration that deliver reliable, well-described data to the ML team with as little friction as possible.',
    situation: paragraphs(
      "The ML data engineer owns the route from the organisation's source systems to the datasets the ML team trains and evaluates on. They build ingestion from databases, event streams and third-party sources, orchestrate transformations with a tool such as Dagster, and make sure data arrives on time with tests, lineage and documentation.",
      'The role matters when useful data exists but is scattered, exported by hand or unreliable, so that ML engineers would otherwise spend much of their week obtaining data instead of using it. Model-specific preprocessing usually stays with the ML engineers; this hire gives them clean, versioned inputs to start from.'
    ),
    mustHaves: [
      'Production data engineering experience: batch and incremental pipelines that other teams depend on',
      'Has used an orchestrator such as Dagster or Airflow in production, including scheduling, retries and backfills',
      'Strong SQL and Python, and experience with a cloud warehouse or lakehouse',
      'Data-quality practice: tests, freshness checks and alerting on pipeline failures',
      'Understands how ML teams use data: training and evaluation splits, point-in-time correctness and versioning',
      'Handles personal and sensitive data responsibly, including access control and retention'
    ],
    niceToHaves: [
      'Experience with streaming data, for example Kafka or Kinesis',
      'Familiarity with dataset versioning tools such as DVC or lakeFS',
      'Has worked with a feature store',
      'Spark, Polars or DuckDB for large transformations'
    ],
    deliberatelyAbsent: [
      "Model building or ML theory: model-specific preprocessing stays with the ML engineers, and this role's job is to get data to them.",
      "Dashboards and business reporting: analytics engineering is a different job and would draw the hire away from the ML team's needs."
    ],
    axisWeights: { ml_practice: 0.1, software_engineering: 0.4, ml_theory: 0.05, ml_systems: 0.35, culture: 0.1 },
    scorecard: [
      {
        criterion: 'Pipeline engineering',
        strong: 'Designs idempotent, testable pipelines with backfills and clear ownership, and can name failures their designs have prevented.',
        weight: 0.3
      },
      {
        criterion: 'Orchestration and tooling',
        strong: "Chooses between orchestration options for reasons tied to the team's size and data rather than fashion.",
        weight: 0.2
      },
      {
        criterion: 'Data quality',
        strong: 'Places checks where they catch problems earliest and makes data issues visible to the people who consume the data.',
        weight: 0.2
      },
      {
        criterion: 'Understanding of ML data needs',
        strong: 'Explains leakage through time, delayed labels and why training data has to be reproducible.',
        weight: 0.15
      },
      {
        criterion: 'Collaboration',
        strong: "Works from the ML team's requirements and announces schema changes before they break anything downstream.",
        weight: 0.15
      }
    ],
    timeToHireWeeks: 9,
    onboardingWeeks: 2,
    custom: false,
    retired: false
  },
  {
    id: 'fullstack_ai_engineer',
    title: 'Full-stack AI engineer',
    oneLine: 'A product engineer who builds AI features into the application on top of hosted models, from the prompt through to the user interface.',
    situation: paragraphs(
      'This role is for the stage before a dedicated ML team makes sense: the organisation wants AI features in its product but has no curated data or no settled objective yet. The full-stack AI engineer integrates hosted foundation models into the application, builds the surrounding back end and interface, designs prompts and retrieval, and sets up basic evaluation and logging so that each feature can be measured.',
      'The work puts something in front of users quickly, and with it produces the usage data and sharper objectives that later ML hires will need. It also avoids recruiting ML specialists into what would mostly be application and integration work, a mismatch that seldom keeps them for long.'
    ),
    mustHaves: [
      'Strong full-stack experience shipping product features in a production web application',
      'Has built at least one feature on a hosted LLM API, dealing with latency, failures, rate limits and cost',
      'Designs prompts and retrieval, and judges them against test sets rather than by impression',
      'Validates and constrains model output with structured formats, schema checks, guardrails and fallbacks',
      'Good product sense: talks to users, ships small increments and measures whether they help',
      'Handles user data sent to third-party model providers with care'
    ],
    niceToHaves: [
      'Experience with vector databases or search engines',
      'Familiarity with open-weight models and when hosting one is justified',
      'Has instrumented features with product analytics or an experimentation platform',
      'Some exposure to data pipelines or ML evaluation'
    ],
    deliberatelyAbsent: [
      'Model training and ML theory: at this stage models come from providers, so training expertise would sit unused.',
      'A research background: the role is judged on shipped features, not on new methods.',
      'Deep infrastructure specialism: a standard cloud deployment is sufficient until AI usage grows.'
    ],
    axisWeights: { ml_practice: 0.25, software_engineering: 0.4, ml_theory: 0.05, ml_systems: 0.1, culture: 0.2 },
    scorecard: [
      {
        criterion: 'Product engineering',
        strong: 'Ships complete, well-tested features across back end and front end, and can point to features they built that real users rely on.',
        weight: 0.3
      },
      {
        criterion: 'LLM integration',
        strong:
          'Handles streaming, retries, timeouts, structured output and cost limits, and keeps prompts and provider calls manageable as the feature grows.',
        weight: 0.25
      },
      {
        criterion: 'Evaluation and output quality',
        strong: 'Builds a small evaluation set before changing prompts or models, and uses it to decide rather than relying on a few hand-picked examples.',
        weight: 0.2
      },
      {
        criterion: 'Product judgement',
        strong: 'Starts from the user problem, picks the smallest useful version and measures whether it works.',
        weight: 0.15
      },
      {
        criterion: 'Communication',
        strong: 'Explains what the AI feature can and cannot do to non-technical colleagues without overselling it.',
        weight: 0.1
      }
    ],
    timeToHireWeeks: 8,
    onboardingWeeks: 2,
    custom: false,
    retired: false
  },
  {
    id: 'ml_lead',
    title: 'ML lead',
    oneLine: 'A senior ML practitioner who sets technical direction, makes the architecture calls and keeps the team clear of the familiar traps.',
    situation: paragraphs(
      'The ML lead is accountable for how the AI team works: which problems it takes on, how its systems are designed, how models are evaluated and how the team grows. Depending on the organisation, the role can be a hands-on tech lead without reports, a principal who both codes and manages, or a director focused on people and strategy.',
      'An experienced lead heads off the expensive mistakes new teams make: shipping without CI/CD, trusting evaluations that flatter the model, collecting data carelessly, and leaving scientists to improvise infrastructure. People with this profile are scarce and slow to recruit, so many organisations begin with an interim or fractional lead and hire a permanent one once the team reaches four or more ML staff or runs several models in production.'
    ),
    mustHaves: [
      'Has led ML work from problem framing to production, with several models or AI features running under their direction',
      'Broad competence across ML practice, software engineering, theory and systems architecture, deep enough to review work in each',
      'Makes and documents architecture decisions, including build versus buy and hosted versus self-hosted models',
      'Insists on sound evaluation and recognises inflated or spurious results',
      'Has hired and developed ML engineers and scientists',
      'Communicates strategy, risk and progress to executives in business terms',
      'Measures their own success by what the team delivers'
    ],
    niceToHaves: [
      'Experience in a company of similar size and stage',
      'Knowledge of the industry or data modality involved',
      'Has set up or run an MLOps platform',
      'Experience with responsible AI, model risk management or regulatory review'
    ],
    deliberatelyAbsent: [
      'A senior management title at a large company: running a large organisation differs from building a first team, and hands-on judgement matters more here.',
      'A narrow research specialism: the lead has to balance every part of the system rather than optimise one.'
    ],
    axisWeights: { ml_practice: 0.25, software_engineering: 0.1, ml_theory: 0.1, ml_systems: 0.3, culture: 0.25 },
    scorecard: [
      {
        criterion: 'Technical judgement across the stack',
        strong: 'Makes clear, reasoned calls on architecture, evaluation and tooling, and explains what would change their mind.',
        weight: 0.3
      },
      {
        criterion: 'Team building and leadership',
        strong: 'Has hired well, grown people and shaped how a team works, and can give specific examples of each.',
        weight: 0.25
      },
      {
        criterion: 'Delivery record',
        strong: 'Has led several models or AI features into production and can quantify their effect on the business.',
        weight: 0.2
      },
      {
        criterion: 'Stakeholder communication',
        strong: 'Translates technical risk and progress into terms executives use for decisions, and sets realistic expectations.',
        weight: 0.15
      },
      {
        criterion: 'Enabling others',
        strong: 'Removes obstacles for the team, shares credit and builds a culture in which problems are raised early.',
        weight: 0.1
      }
    ],
    timeToHireWeeks: 14,
    onboardingWeeks: 3,
    custom: false,
    retired: false
  }
]
