import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { ConversationRepository } from '../../core/chat/conversation-store.js';
import type { QuestionLogRepository } from '../../core/questions/question-log.js';
import type { RateWindowRepository } from '../../core/chat/rate-limiter.js';
import { LANGS, type Lang } from '../../core/facts/schema.js';
import type { ChatAddress } from '../../core/messenger.js';
import type { ChatSettings, ChatSettingsRepository } from '../../core/store/chat-settings.js';
import type { LeaseRepository } from '../../core/store/leases.js';
import type { Logger } from '../../core/ports.js';
import type { SeenUpdateRepository } from '../../core/store/seen-updates.js';
import type { Store, WriteCheck } from '../../core/store/store.js';
import type { StudyRepository } from '../../core/study/study-store.js';
import type { DailyAnswerRepository } from '../../core/subscriptions/daily-answers.js';
import type { SendPaceRepository } from '../../core/subscriptions/send-pace.js';
import type { SubscriptionRepository } from '../../core/subscriptions/subscription-repository.js';
import { SqliteGate, type Synchronous } from './gate.js';
import { SqliteConversations, SqliteRateWindows, SqliteSeenUpdates, SqliteSendPace } from './sqlite-shared-state.js';
import { migrate } from './migrate.js';
import { MIGRATIONS } from './migrations/index.js';
import { SqliteSubscriptions } from './subscriptions-repository.js';
import { SqliteLeases } from './sqlite-leases.js';
import { SqliteStudyRepository } from './sqlite-study.js';
import { monitorWrites, storeFaultCode, WriteMonitor } from './write-monitor.js';
import { SqliteDailyAnswers } from './sqlite-daily-answers.js';
import { SqliteQuestionLog, type QuestionLogLimits } from './sqlite-question-log.js';

/**
 * Opens the database a `DATABASE_URL` names: `file:./var/bot.db` (or a plain path) or `:memory:`.
 * WAL mode lets readers (backups, health checks) work beside the writer; migrations run at once.
 */
export function openDatabase(url: string): Database.Database {
  const path = databasePath(url);
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  migrate(db, MIGRATIONS);
  return db;
}

/** The file a `DATABASE_URL` names, or `:memory:`. */
export function databasePath(url: string): string {
  return url === ':memory:' || url === 'file::memory:' ? ':memory:' : url.replace(/^file:/, '');
}

/** Chat settings in SQLite. */
export class SqliteChatSettings implements Synchronous<ChatSettingsRepository> {
  private readonly select;
  private readonly upsertLang;
  private readonly upsertPaused;
  private readonly move;
  constructor(db: Database.Database) {
    this.select = db.prepare<[string, string], { lang: string | null; paused: number }>(
      'SELECT lang, paused FROM chats WHERE platform = ? AND chat_id = ?',
    );
    this.upsertLang = db.prepare(
      `INSERT INTO chats (platform, chat_id, lang) VALUES (?, ?, ?)
       ON CONFLICT (platform, chat_id) DO UPDATE SET lang = excluded.lang, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`,
    );
    this.upsertPaused = db.prepare(
      `INSERT INTO chats (platform, chat_id, paused) VALUES (?, ?, ?)
       ON CONFLICT (platform, chat_id) DO UPDATE SET paused = excluded.paused, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`,
    );
    this.move = db.prepare('UPDATE OR REPLACE chats SET chat_id = ? WHERE platform = ? AND chat_id = ?');
  }

  get(address: ChatAddress): ChatSettings | undefined {
    const row = this.select.get(address.platform, address.chatId);
    if (!row) return undefined;
    const lang = LANGS.find((l) => l === row.lang);
    return { address, ...(lang ? { lang } : {}), paused: row.paused === 1 };
  }

  setLang(address: ChatAddress, lang: Lang | undefined): void {
    this.upsertLang.run(address.platform, address.chatId, lang ?? null);
  }

  setPaused(address: ChatAddress, paused: boolean): void {
    this.upsertPaused.run(address.platform, address.chatId, paused ? 1 : 0);
  }

  moveChat(from: ChatAddress, toChatId: string): void {
    this.move.run(toChatId, from.platform, from.chatId);
  }
}

/** Options of {@link SqliteStore}. */
export interface SqliteStoreOptions {
  /** Told the SQLite error code of every write that failed because of the database (the metrics count them). */
  onWriteFailure?: (code: string) => void;
  /** Where rows that cannot be read back are reported (silent when absent). */
  logger?: Logger;
  /** Row limits of the question log (QUESTION_LOG_LIMITS by default; tests pass small ones). */
  questionLogLimits?: QuestionLogLimits;
}

/** Thrown inside the health probe's transaction to roll it back. */
class Rollback extends Error {}

/** The SQLite implementation of the core's {@link Store}: one process per file. */
export class SqliteStore implements Store {
  readonly kind = 'sqlite' as const;
  readonly shared = false;
  readonly chats: ChatSettingsRepository;
  readonly study: StudyRepository;
  readonly subscriptions: SubscriptionRepository;
  readonly leases: LeaseRepository;
  readonly dailyAnswers: DailyAnswerRepository;
  readonly conversations: ConversationRepository;
  readonly rateWindows: RateWindowRepository;
  readonly seenUpdates: SeenUpdateRepository;
  readonly sendPace: SendPaceRepository;
  private readonly gate: SqliteGate;
  private readonly monitor: WriteMonitor;
  private readonly probe: () => void;
  readonly questionLog: QuestionLogRepository;

  constructor(
    readonly db: Database.Database,
    options: SqliteStoreOptions = {},
  ) {
    // The probe is prepared before the connection is watched: its rolled-back write proves nothing durable.
    const probeInsert = db.prepare(`INSERT OR REPLACE INTO leases (name, owner, expires_at, acquired_at) VALUES ('health-probe', 'probe', 0, 0)`);
    this.probe = db.transaction(() => {
      probeInsert.run();
      throw new Rollback('health probe');
    });
    this.monitor = new WriteMonitor(options.onWriteFailure);
    monitorWrites(db, this.monitor);
    const gate = (this.gate = new SqliteGate(db));
    this.chats = gate.wrap<ChatSettingsRepository>(new SqliteChatSettings(db));
    this.study = gate.wrap<StudyRepository>(new SqliteStudyRepository(db, options.logger));
    this.subscriptions = gate.wrap<SubscriptionRepository>(new SqliteSubscriptions(db, options.logger));
    this.leases = gate.wrap<LeaseRepository>(new SqliteLeases(db));
    this.dailyAnswers = gate.wrap<DailyAnswerRepository>(new SqliteDailyAnswers(db));
    this.conversations = gate.wrap<ConversationRepository>(new SqliteConversations(db));
    this.rateWindows = new SqliteRateWindows(db, gate);
    this.seenUpdates = gate.wrap<SeenUpdateRepository>(new SqliteSeenUpdates(db));
    this.sendPace = gate.wrap<SendPaceRepository>(new SqliteSendPace(db));
    // Its methods run their statements when called (and answer with a settled promise): through the gate too.
    this.questionLog = gate.wrap<QuestionLogRepository>(new SqliteQuestionLog(db, options.questionLogLimits) as unknown as Synchronous<QuestionLogRepository>);
  }

  transaction<T>(work: () => Promise<T>): Promise<T> {
    return this.gate.transaction(work);
  }

  ping(): Promise<boolean> {
    return this.gate.run(() => {
      try {
        return this.db.prepare('SELECT 1 AS ok').get() !== undefined;
      } catch {
        return false;
      }
    });
  }

  checkWrite(): Promise<WriteCheck> {
    return this.gate.run((): WriteCheck => {
      if (!this.db.open) return { ok: false, reason: 'closed' };
      try {
        this.probe();
      } catch (error) {
        if (!(error instanceof Rollback)) return { ok: false, reason: storeFaultCode(error) ?? (error instanceof Error ? error.name : 'error') };
      }
      const fault = this.monitor.lastFault;
      return fault ? { ok: false, reason: fault } : { ok: true };
    });
  }

  close(): Promise<void> {
    return this.gate.run(() => {
      if (this.db.open) this.db.close();
    });
  }
}
