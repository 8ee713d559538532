import type { Logger } from '../../core/ports.js';
import type { Store, WriteCheck } from '../../core/store/store.js';
import { migrate } from './migrate.js';
import { PG_MIGRATIONS } from './migrations/index.js';
import { PgChatSettings, PgLeases } from './pg-chats.js';
import { PgConversations, PgRateWindows, PgSeenUpdates, PgSendPace } from './pg-chat-state.js';
import { PgDailyAnswers } from './pg-daily-answers.js';
import { PgDb, pgFaultCode, type PgDbOptions } from './pg-db.js';
import { PgStudyRepository } from './pg-study.js';
import { PgSubscriptions } from './pg-subscriptions.js';
import { PgQuestionLog } from './pg-question-log.js';
import type { QuestionLogLimits } from '../sqlite/sqlite-question-log.js';

/** Options of {@link PostgresStore}. */
export interface PostgresStoreOptions extends Partial<PgDbOptions> {
  /** Where rows that cannot be read back, and pool errors, are reported. */
  logger?: Logger;
  /** Row limits of the question log (QUESTION_LOG_LIMITS by default; tests pass small ones). */
  questionLogLimits?: QuestionLogLimits;
}

/** Defaults: a pool of 10 (a bot instance does little at once), statements cancelled after 5 s. */
export const DEFAULT_POOL_SIZE = 10;
export const DEFAULT_STATEMENT_TIMEOUT_MS = 5_000;

/** Thrown inside the health probe's transaction to roll it back. */
class Rollback extends Error {}

/** The PostgreSQL implementation of the core's {@link Store}: one database shared by several instances. */
export class PostgresStore implements Store {
  readonly kind = 'postgres' as const;
  readonly shared = true;
  readonly db: PgDb;
  readonly chats: PgChatSettings;
  readonly subscriptions: PgSubscriptions;
  readonly study: PgStudyRepository;
  readonly leases: PgLeases;
  readonly dailyAnswers: PgDailyAnswers;
  readonly conversations: PgConversations;
  readonly rateWindows: PgRateWindows;
  readonly seenUpdates: PgSeenUpdates;
  readonly sendPace: PgSendPace;
  readonly questionLog: PgQuestionLog;

  constructor(url: string, options: PostgresStoreOptions = {}) {
    const logger = options.logger;
    this.db = new PgDb(url, {
      poolSize: options.poolSize ?? DEFAULT_POOL_SIZE,
      statementTimeoutMs: options.statementTimeoutMs ?? DEFAULT_STATEMENT_TIMEOUT_MS,
      ...(options.onWriteFailure ? { onWriteFailure: options.onWriteFailure } : {}),
      onPoolError: options.onPoolError ?? ((error) => logger?.warn({ err: { name: error.name, message: error.message } }, 'database connection lost; the pool reconnects')),
    });
    this.chats = new PgChatSettings(this.db);
    this.subscriptions = new PgSubscriptions(this.db, logger);
    this.study = new PgStudyRepository(this.db, logger);
    this.leases = new PgLeases(this.db);
    this.dailyAnswers = new PgDailyAnswers(this.db);
    this.conversations = new PgConversations(this.db);
    this.rateWindows = new PgRateWindows(this.db);
    this.seenUpdates = new PgSeenUpdates(this.db);
    this.sendPace = new PgSendPace(this.db);
    this.questionLog = new PgQuestionLog(this.db, options.questionLogLimits);
  }

  /** Creates or updates every feature's tables; returns the migrations applied. */
  migrate(): Promise<string[]> {
    return migrate(this.db, PG_MIGRATIONS);
  }

  transaction<T>(work: () => Promise<T>): Promise<T> {
    return this.db.transaction(work);
  }

  async ping(): Promise<boolean> {
    if (this.db.isClosed) return false;
    try {
      return (await this.db.query('SELECT 1 AS ok')).rowCount === 1;
    } catch {
      return false;
    }
  }

  async checkWrite(): Promise<WriteCheck> {
    if (this.db.isClosed) return { ok: false, reason: 'closed' };
    try {
      await this.db.transaction(async () => {
        await this.db.query(`INSERT INTO leases (name, owner, expires_at, acquired_at) VALUES ('health-probe', 'probe', 0, 0) ON CONFLICT (name) DO UPDATE SET owner = 'probe'`);
        throw new Rollback('health probe');
      });
    } catch (error) {
      if (!(error instanceof Rollback)) return { ok: false, reason: pgFaultCode(error) ?? errorCode(error) };
    }
    const fault = this.db.lastFault;
    return fault ? { ok: false, reason: fault } : { ok: true };
  }

  close(): Promise<void> {
    return this.db.close();
  }
}

function errorCode(error: unknown): string {
  if (typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string') return error.code;
  return error instanceof Error ? error.name : 'error';
}
