/** The core's {@link Metrics} port as Prometheus counters (prom-client), on a registry of their own. */
import { Counter, Registry, collectDefaultMetrics } from 'prom-client';
import { LANGS } from '../../core/facts/schema.js';
import type { Metrics, MetricsPlatform, QuestionOutcome } from '../../core/metrics.js';

const OUTCOMES: readonly QuestionOutcome[] = ['answered', 'unsure', 'unknown', 'rate_limited'];

/** Options of {@link PrometheusMetrics}. */
export interface PrometheusMetricsOptions {
  /** Also collect Node's process metrics (CPU, memory, event loop lag); on by default. */
  processMetrics?: boolean;
  /** The platforms that run, so their counters show 0 before the first event. */
  platforms?: readonly MetricsPlatform[];
}

/**
 * Counters, all prefixed `bot_`:
 * - `bot_questions_total{status,lang}`: questions by outcome (answered, unsure, unknown, rate_limited) and language
 * - `bot_posts_total{platform,result}`: daily posts sent or failed
 * - `bot_study_sessions_started_total{platform}`
 * - `bot_errors_total{kind}`: errors caught and logged
 */
export class PrometheusMetrics implements Metrics {
  readonly registry = new Registry();
  private readonly questions: Counter<'status' | 'lang'>;
  private readonly posts: Counter<'platform' | 'result'>;
  private readonly studySessions: Counter<'platform'>;
  private readonly errors: Counter<'kind'>;

  constructor(options: PrometheusMetricsOptions = {}) {
    const registers = [this.registry];
    this.questions = new Counter({ name: 'bot_questions_total', help: 'Questions answered, by outcome and language', labelNames: ['status', 'lang'], registers });
    this.posts = new Counter({ name: 'bot_posts_total', help: 'Daily posts, by platform and result (sent or failed)', labelNames: ['platform', 'result'], registers });
    this.studySessions = new Counter({ name: 'bot_study_sessions_started_total', help: 'Study sessions started, by platform', labelNames: ['platform'], registers });
    this.errors = new Counter({ name: 'bot_errors_total', help: 'Errors caught and logged, by kind', labelNames: ['kind'], registers });
    // Known series start at 0, so rate() and alerts work from the first scrape.
    for (const status of OUTCOMES) for (const lang of LANGS) this.questions.inc({ status, lang }, 0);
    for (const platform of options.platforms ?? []) {
      this.posts.inc({ platform, result: 'sent' }, 0);
      this.posts.inc({ platform, result: 'failed' }, 0);
      this.studySessions.inc({ platform }, 0);
    }
    if (options.processMetrics ?? true) collectDefaultMetrics({ register: this.registry });
  }

  questionAnswered(status: QuestionOutcome, lang: string): void {
    this.questions.inc({ status, lang });
  }

  postSent(platform: MetricsPlatform): void {
    this.posts.inc({ platform, result: 'sent' });
  }

  postFailed(platform: MetricsPlatform): void {
    this.posts.inc({ platform, result: 'failed' });
  }

  studySessionStarted(platform: MetricsPlatform): void {
    this.studySessions.inc({ platform });
  }

  error(kind: string): void {
    this.errors.inc({ kind });
  }

  /** The Prometheus text exposition and its content type. */
  async expose(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }
}
