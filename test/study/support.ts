/** Test doubles for study sessions: a fake clock that also runs the timers, a recording messenger, a core over SQLite. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { createCoreServices, type CoreServices } from '../../src/app/core-services.js';
import type { ChatReply, ChatRequest } from '../../src/core/chat/chat-service.js';
import type { ChatAddress, Messenger, SentMessage } from '../../src/core/messenger.js';
import { silentLogger, type Clock, type Logger } from '../../src/core/ports.js';
import { seededRandom } from '../../src/core/study/random.js';
import type { Timers } from '../../src/core/study/timers.js';
import type { QuizItem } from '../../src/core/study/quiz-bank-schema.js';
import { SqliteStore, openDatabase } from '../../src/infra/sqlite/sqlite-store.js';
import { sharedBase, sharedFacts } from '../support/shared-facts.js';
import { volumeBank } from './fixture-bank.js';

export const base = sharedBase();
/** The bank study tests play with unless they pass another: the fixture items and placeholder volume (never the writers' items). */
export const testBank = volumeBank(base.facts);

/** Time that moves only when a test says so; timers fire as it passes their deadline. */
export class FakeTime implements Clock, Timers {
  private t: number;
  private seq = 0;
  private queue: { at: number; run: () => void; id: number }[] = [];

  constructor(start = Date.UTC(2024, 2, 20, 9, 0, 0)) {
    this.t = start;
  }

  now(): Date {
    return new Date(this.t);
  }

  schedule(ms: number, run: () => void): unknown {
    const id = ++this.seq;
    this.queue.push({ at: this.t + Math.max(0, ms), run, id });
    return id;
  }

  cancel(handle: unknown): void {
    this.queue = this.queue.filter((q) => q.id !== handle);
  }

  /** Pending timers. */
  get pending(): number {
    return this.queue.length;
  }

  /** Moves time on by `ms`, running each timer that falls due, in order, and letting its work settle. */
  async advance(ms: number, settle: () => Promise<void> = () => Promise.resolve()): Promise<void> {
    const target = this.t + ms;
    for (;;) {
      const next = [...this.queue].sort((a, b) => a.at - b.at || a.id - b.id)[0];
      if (!next || next.at > target) break;
      this.queue = this.queue.filter((q) => q !== next);
      this.t = next.at;
      next.run();
      await settle();
    }
    this.t = target;
    await settle();
  }
}

/** A messenger that keeps what it was asked to post. */
export class RecordingMessenger implements Messenger {
  readonly sent: { to: ChatAddress; reply: ChatReply }[] = [];
  send(to: ChatAddress, reply: ChatReply): Promise<SentMessage> {
    this.sent.push({ to, reply });
    return Promise.resolve({ messageId: String(this.sent.length) });
  }
}

/** A core under test and what it was built with. */
export interface StudyHarness {
  core: CoreServices;
  time: FakeTime;
  messenger: RecordingMessenger;
  store: SqliteStore;
  /** Resolves once the study service's queued work and the callbacks it started are done. */
  settle: () => Promise<void>;
}

/** How {@link studyCore} builds a core. */
export interface StudyCoreOptions {
  time?: FakeTime;
  dbPath?: string;
  seed?: number;
  questionSeconds?: number;
  /** The quiz bank to draw from ({@link testBank} when absent). */
  bank?: readonly QuizItem[];
  /** Where the store reports rows it cannot read. */
  storeLogger?: Logger;
}

/** A core with a real SQLite store (`:memory:` unless a file is given), fake time and a recording messenger. */
export function studyCore(options: StudyCoreOptions = {}): StudyHarness {
  const time = options.time ?? new FakeTime();
  const store = new SqliteStore(openDatabase(options.dbPath ?? ':memory:'), { logger: options.storeLogger ?? silentLogger });
  const core = createCoreServices({
    ...sharedFacts(),
    clock: time,
    logger: silentLogger,
    store,
    rateLimit: { limit: 1000, windowMs: 60_000 },
    study: { questionSeconds: options.questionSeconds ?? 30, timers: time, random: seededRandom(options.seed ?? 1), bank: options.bank ?? testBank },
  });
  const messenger = new RecordingMessenger();
  core.messengers.register('telegram', messenger);
  core.messengers.register('terminal', messenger);
  const settle = async () => {
    await core.study?.idle();
    await new Promise((r) => setImmediate(r));
  };
  return { core, time, messenger, store, settle };
}

/** A member of a group chat. */
export function member(userId: string, name: string, extra: Partial<ChatRequest> = {}): ChatRequest {
  return { platform: 'telegram', chatId: '-100', userId, chatKind: 'group', userLang: 'en', userName: name, ...extra };
}

/** The button data of choice `i` (0-based) of a reply, and the right one's index read from the session. */
export function buttonData(reply: ChatReply, i: number): string {
  const b = reply.buttons.flat()[i];
  if (!b) throw new Error(`no button ${i}`);
  return b.data;
}

/** The running session of a chat and its open question; throws when there is none. */
export async function openQuestion(store: SqliteStore, chat: ChatAddress) {
  const session = await store.study.activeSession(chat);
  if (!session) throw new Error('no active session');
  return { session, q: session.questions[session.current]! };
}

/** Presses the right (or a wrong) choice of the open question in the member's chat. */
export async function press(h: StudyHarness, who: ChatRequest, reply: ChatReply, right: boolean): Promise<ChatReply | undefined> {
  const { q } = await openQuestion(h.store, { platform: who.platform, chatId: who.chatId });
  return h.core.chat.action(who, buttonData(reply, right ? q.correct : (q.correct + 1) % q.choices.length));
}

/**
 * Database files for restart tests: each call gives a path in a fresh temporary folder, removed after the test.
 * Call it in a `describe` body, where it registers the clean-up.
 */
export function tempDatabases(): () => string {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  return () => {
    const dir = mkdtempSync(join(tmpdir(), 'study-'));
    dirs.push(dir);
    return join(dir, 'bot.db');
  };
}

/**
 * Stops a core as a shutdown does (timers cancelled, store closed), lets `downMs` pass, and starts another on the
 * same database with its sessions resumed. The caller settles it or moves time on.
 */
export async function restart(h: StudyHarness, dbPath: string, downMs: number, options: StudyCoreOptions = {}): Promise<StudyHarness> {
  h.core.study!.close();
  await h.store.close();
  await h.time.advance(downMs);
  const next = studyCore({ ...options, time: h.time, dbPath });
  await next.core.study!.resume(() => true);
  return next;
}
