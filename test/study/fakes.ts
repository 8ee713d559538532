/**
 * Small fakes for unit tests of the study parts: an in-memory study repository and store, a logger that keeps
 * its lines, a messenger whose sends can fail. Time comes from {@link FakeTime} (support.ts).
 */
import type { ChatReply } from '../../src/core/chat/chat-service.js';
import { I18n } from '../../src/core/i18n/i18n.js';
import type { ChatAddress, Messenger, SentMessage } from '../../src/core/messenger.js';
import type { Logger } from '../../src/core/ports.js';
import type { QuizQuestion } from '../../src/core/study/quiz.js';
import { scoresOf } from '../../src/core/study/ranking.js';
import type { StudyContext } from '../../src/core/study/study-context.js';
import type { ReviewCard, ScoreLine, StudyAnswer, StudyRepository, StudySession } from '../../src/core/study/study-store.js';
import { base } from './support.js';
import type { FakeTime } from './support.js';

type Platform = ChatAddress['platform'];
const same = (a: ChatAddress, b: ChatAddress) => a.platform === b.platform && a.chatId === b.chatId;

/** The study repository's contract kept in memory (the stores' own behaviour is tested in test/store). */
export class MemoryStudyRepository implements StudyRepository {
  readonly sessions = new Map<number, StudySession>();
  readonly saved: StudyAnswer[] = [];
  readonly cards = new Map<number, ReviewCard>();
  readonly leases = new Map<number, { owner: string; until: number }>();
  private ids = 0;

  createSession(s: Omit<StudySession, 'id'>): Promise<number | undefined> {
    if ([...this.sessions.values()].some((o) => o.status === 'active' && same(o.address, s.address))) return Promise.resolve(undefined);
    const id = ++this.ids;
    this.sessions.set(id, structuredClone({ ...s, id }));
    return Promise.resolve(id);
  }
  session(id: number): Promise<StudySession | undefined> {
    const s = this.sessions.get(id);
    return Promise.resolve(s && structuredClone(s));
  }
  activeSession(address: ChatAddress): Promise<StudySession | undefined> {
    const s = [...this.sessions.values()].find((o) => o.status === 'active' && same(o.address, address));
    return Promise.resolve(s && structuredClone(s));
  }
  activeSessions(): Promise<StudySession[]> {
    return Promise.resolve([...this.sessions.values()].filter((s) => s.status === 'active').map((s) => structuredClone(s)));
  }
  private moveIf(id: number, at: number, change: (s: StudySession) => void): Promise<boolean> {
    const s = this.sessions.get(id);
    if (!s || s.status !== 'active' || s.current !== at) return Promise.resolve(false);
    change(s);
    return Promise.resolve(true);
  }
  advance(id: number, from: number, openedAt: number): Promise<boolean> {
    return this.moveIf(id, from, (s) => ((s.current = from + 1), (s.roundOpenedAt = openedAt)));
  }
  openRound(id: number, round: number, openedAt: number): Promise<boolean> {
    return this.moveIf(id, round, (s) => (s.roundOpenedAt = openedAt));
  }
  end(id: number, at: number): Promise<boolean> {
    return this.moveIf(id, at, (s) => (s.status = 'ended'));
  }
  addAnswer(answer: StudyAnswer): Promise<boolean> {
    if (this.saved.some((a) => a.sessionId === answer.sessionId && a.round === answer.round && a.userId === answer.userId)) return Promise.resolve(false);
    this.saved.push(structuredClone(answer));
    return Promise.resolve(true);
  }
  answers(sessionId: number, round?: number): Promise<StudyAnswer[]> {
    return Promise.resolve(this.saved.filter((a) => a.sessionId === sessionId && (round === undefined || a.round === round)));
  }
  scores(address: ChatAddress, since = 0): Promise<ScoreLine[]> {
    return Promise.resolve(scoresOf(this.saved.filter((a) => same(a.address, address) && a.answeredAt >= since)).map(({ rank: _rank, ...line }) => line));
  }
  userAnswers(platform: Platform, userId: string): Promise<Pick<StudyAnswer, 'correct' | 'topics' | 'answeredAt'>[]> {
    return Promise.resolve(this.saved.filter((a) => a.address.platform === platform && a.userId === userId));
  }
  reviewCard(platform: Platform, userId: string, factId: string, kind: string): Promise<ReviewCard | undefined> {
    return Promise.resolve([...this.cards.values()].find((c) => c.platform === platform && c.userId === userId && c.factId === factId && c.kind === kind));
  }
  reviewCardById(id: number): Promise<ReviewCard | undefined> {
    return Promise.resolve(this.cards.get(id));
  }
  async saveReviewCard(card: Omit<ReviewCard, 'id'>): Promise<void> {
    const id = (await this.reviewCard(card.platform, card.userId, card.factId, card.kind))?.id ?? ++this.ids;
    this.cards.set(id, { ...card, id });
  }
  deleteReviewCard(id: number): Promise<void> {
    this.cards.delete(id);
    return Promise.resolve();
  }
  dueReviews(platform: Platform, userId: string, now: number, limit: number): Promise<ReviewCard[]> {
    const mine = [...this.cards.values()].filter((c) => c.platform === platform && c.userId === userId && c.due <= now);
    return Promise.resolve(mine.sort((a, b) => a.due - b.due || a.id - b.id).slice(0, limit));
  }
  nextReviewDue(platform: Platform, userId: string): Promise<number | undefined> {
    const dues = [...this.cards.values()].filter((c) => c.platform === platform && c.userId === userId).map((c) => c.due);
    return Promise.resolve(dues.length ? Math.min(...dues) : undefined);
  }
  holdTimer(id: number, owner: string, until: number): Promise<void> {
    this.leases.set(id, { owner, until });
    return Promise.resolve();
  }
  async leaseTimers(owner: string, now: number, until: number, platforms?: readonly Platform[]): Promise<StudySession[]> {
    const out: StudySession[] = [];
    for (const s of await this.activeSessions()) {
      const lease = this.leases.get(s.id) ?? { owner: '', until: 0 };
      if (platforms && !platforms.includes(s.address.platform)) continue;
      if (lease.owner !== owner && lease.until > now) continue;
      this.leases.set(s.id, { owner, until });
      out.push(s);
    }
    return out;
  }
  releaseTimers(owner: string): Promise<void> {
    for (const [id, lease] of this.leases) if (lease.owner === owner) this.leases.set(id, { owner, until: 0 });
    return Promise.resolve();
  }
  moveChat(): Promise<void> {
    return Promise.resolve();
  }
}

/** A logger that keeps its lines (level and message). */
export class KeptLogger implements Logger {
  readonly lines: { level: string; msg: string; obj: object }[] = [];
  debug(obj: object, msg = ''): void {
    this.lines.push({ level: 'debug', msg, obj });
  }
  info(obj: object, msg = ''): void {
    this.lines.push({ level: 'info', msg, obj });
  }
  warn(obj: object, msg = ''): void {
    this.lines.push({ level: 'warn', msg, obj });
  }
  error(obj: object, msg = ''): void {
    this.lines.push({ level: 'error', msg, obj });
  }
  child(): Logger {
    return this;
  }
}

/** A messenger that keeps what it posts, or fails with the errors queued in `failures`, one per send. */
export class FlakyMessenger implements Messenger {
  readonly sent: { to: ChatAddress; reply: ChatReply }[] = [];
  readonly failures: Error[] = [];
  send(to: ChatAddress, reply: ChatReply): Promise<SentMessage> {
    const failure = this.failures.shift();
    if (failure) return Promise.reject(failure);
    this.sent.push({ to, reply });
    return Promise.resolve({ messageId: String(this.sent.length) });
  }
  edit(): Promise<void> {
    return Promise.resolve();
  }
}

/** A study context over the fakes: the real fact base and strings, an in-memory repository, fake time. */
export function fakeContext(time: FakeTime, options: { shared?: boolean; logger?: Logger } = {}): StudyContext & { repo: MemoryStudyRepository } {
  const repo = new MemoryStudyRepository();
  return {
    base,
    i18n: new I18n(),
    store: { study: repo, shared: options.shared ?? false, transaction: (work) => work() },
    clock: time,
    logger: options.logger ?? new KeptLogger(),
    questionSeconds: 30,
    repo,
  };
}

/** A four-choice question about a fact of the real base; choice 1 is right. */
export function questionOn(factId = base.facts[0]!.id, text = 'When?'): QuizQuestion {
  return { factId, kind: 'date', lang: 'en', text, choices: ['A', 'B', 'C', 'D'], correct: 1 };
}

/** A stored session of `count` questions, open at question 0 since `at`. */
export function sessionOf(count: number, at: number, extra: Partial<Omit<StudySession, 'id'>> = {}): Omit<StudySession, 'id'> {
  return {
    address: { platform: 'telegram', chatId: '-100' },
    starterId: '1',
    chatKind: 'group',
    lang: 'en',
    questions: Array.from({ length: count }, (_, i) => questionOn(undefined, `Question ${i + 1}?`)),
    current: 0,
    roundOpenedAt: at,
    status: 'active',
    startedAt: at,
    ...extra,
  };
}
