/** The core's {@link Metrics} port as Prometheus counters (prom-client), on a registry of their own. */
import { Counter, Registry, collectDefaultMetrics } from 'prom-client';
import { LANGS } from '../../core/facts/schema.js';
import type { Metrics, MetricsPlatform, QuestionOutcome, SendFailure } from '../../core/metrics.js';

const OUTCOMES: readonly QuestionOutcome[] = ['answered', 'unsure', 'unknown', 'rate_limited'];
const SEND_FAILURES: readonly SendFailure[] = ['rate_limited', 'unavailable', 'network', 'rejected', 'server'];

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
 * - `bot_send_failures_total{platform,reason}`: outgoing messages not sent (after retries), by why
 * - `bot_store_write_failures_total{code}`: store writes that failed, by the database's error code
 */
export class PrometheusMetrics implements Metrics {
  readonly registry = new Registry();
  private readonly questions: Counter<'status' | 'lang'>;
  private readonly posts: Counter<'platform' | 'result'>;
  private readonly studySessions: Counter<'platform'>;
  private readonly errors: Counter<'kind'>;
  private readonly sendFailures: Counter<'platform' | 'reason'>;
  private readonly storeWriteFailures: Counter<'code'>;

  constructor(options: PrometheusMetricsOptions = {}) {
    const registers = [this.registry];
    this.questions = new Counter({ name: 'bot_questions_total', help: 'Questions answered, by outcome and language', labelNames: ['status', 'lang'], registers });
    this.posts = new Counter({ name: 'bot_posts_total', help: 'Daily posts, by platform and result (sent or failed)', labelNames: ['platform', 'result'], registers });
    this.studySessions = new Counter({ name: 'bot_study_sessions_started_total', help: 'Study sessions started, by platform', labelNames: ['platform'], registers });
    this.errors = new Counter({ name: 'bot_errors_total', help: 'Errors caught and logged, by kind', labelNames: ['kind'], registers });
    this.sendFailures = new Counter({
      name: 'bot_send_failures_total',
      help: 'Outgoing messages not sent after retries, by platform and reason',
      labelNames: ['platform', 'reason'],
      registers,
    });
    this.storeWriteFailures = new Counter({ name: 'bot_store_write_failures_total', help: 'Store writes that failed, by error code', labelNames: ['code'], registers });
    // Known series start at 0, so rate() and alerts work from the first scrape.
    for (const status of OUTCOMES) for (const lang of LANGS) this.questions.inc({ status, lang }, 0);
    for (const platform of options.platforms ?? []) {
      this.posts.inc({ platform, result: 'sent' }, 0);
      this.posts.inc({ platform, result: 'failed' }, 0);
      this.studySessions.inc({ platform }, 0);
      for (const reason of SEND_FAILURES) this.sendFailures.inc({ platform, reason }, 0);
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

  sendFailed(platform: MetricsPlatform, reason: SendFailure): void {
    this.sendFailures.inc({ platform, reason });
  }

  storeWriteFailed(code: string): void {
    this.storeWriteFailures.inc({ code });
  }

  /** The Prometheus text exposition and its content type. */
  async expose(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }
}
