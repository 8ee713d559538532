import type { ChatAddress } from '../messenger.js';
import type { Lang } from '../facts/schema.js';
import type { QuizQuestion } from './quiz.js';
import type { ChatKeyed } from '../store/chat-settings.js';

/** A study session as stored: its questions, which one is open, and since when. */
export interface StudySession {
  id: number;
  address: ChatAddress;
  starterId: string;
  /** A group session, or one player's (a private chat, the terminal): one player's ends with their result, not a leaderboard. */
  chatKind: 'private' | 'group';
  lang: Lang;
  topic?: string;
  questions: QuizQuestion[];
  /** Index of the open question. */
  current: number;
  /** When the open question was posted (ms since the epoch); its deadline is computed from it. */
  roundOpenedAt: number;
  status: 'active' | 'ended';
  startedAt: number;
}

/** One member's (first) answer to one question of a session. */
export interface StudyAnswer {
  sessionId: number;
  round: number;
  address: ChatAddress;
  userId: string;
  userName?: string;
  choice: number;
  correct: boolean;
  factId: string;
  /** The item's kind (date, person…; answers stored before the bank have the generator's: when, howmany…). */
  kind: string;
  topics: string[];
  answeredAt: number;
}

/** A leaderboard line. */
export interface ScoreLine {
  userId: string;
  userName?: string;
  correct: number;
  answered: number;
  /** When the member first answered right (ms since the epoch): the last tie-break of {@link ranked}. */
  firstCorrectAt?: number;
}

/** A question a member missed, scheduled for review (the card is ts-fsrs's, as JSON). */
export interface ReviewCard {
  id: number;
  platform: ChatAddress['platform'];
  userId: string;
  factId: string;
  /** The kind of the item missed: a review asks an item of this kind about the fact when the bank has one. */
  kind: string;
  card: string;
  due: number;
  reps: number;
}

/** The study sessions' part of the store. Writes that belong together run inside `Store.transaction`. */
export interface StudyRepository extends ChatKeyed {
  /** Creates a session; undefined when the chat already has an active one (one per chat, enforced by the database). */
  createSession(session: Omit<StudySession, 'id'>): Promise<number | undefined>;
  session(id: number): Promise<StudySession | undefined>;
  activeSession(address: ChatAddress): Promise<StudySession | undefined>;
  activeSessions(): Promise<StudySession[]>;
  /** Moves an active session from question `from` to `from + 1`; false when it is no longer at `from`. */
  advance(id: number, from: number, openedAt: number): Promise<boolean>;
  /** Sets when question `round` was posted (its deadline counts from then); false when the session moved on. */
  openRound(id: number, round: number, openedAt: number): Promise<boolean>;
  /** Ends an active session at question `at`; false when it already ended or moved on. */
  end(id: number, at: number, endedAt: number): Promise<boolean>;
  /** Records a member's first answer to a question; false when they had already answered it. */
  addAnswer(answer: StudyAnswer): Promise<boolean>;
  answers(sessionId: number, round?: number): Promise<StudyAnswer[]>;
  /** Scores in a chat, optionally since a time, in the order of `ranked` (ranking.ts). */
  scores(address: ChatAddress, since?: number): Promise<ScoreLine[]>;
  /** A member's answers on a platform, oldest first: in sessions and to questions of the day (see daily-answers.ts). */
  userAnswers(platform: ChatAddress['platform'], userId: string): Promise<Pick<StudyAnswer, 'correct' | 'topics' | 'answeredAt'>[]>;
  reviewCard(platform: ChatAddress['platform'], userId: string, factId: string, kind: string): Promise<ReviewCard | undefined>;
  reviewCardById(id: number): Promise<ReviewCard | undefined>;
  /** Inserts or replaces the card of (platform, user, fact, kind). */
  saveReviewCard(card: Omit<ReviewCard, 'id'>): Promise<void>;
  deleteReviewCard(id: number): Promise<void>;
  /** Cards due at `now`, most overdue first. */
  dueReviews(platform: ChatAddress['platform'], userId: string, now: number, limit: number): Promise<ReviewCard[]>;
  /** The member's next due time among cards not yet due, if any. */
  nextReviewDue(platform: ChatAddress['platform'], userId: string): Promise<number | undefined>;

  /**
   * Makes `owner` (a running process) the keeper of an active session's deadline timer until `until` (epoch ms):
   * the process that opens a round owns its timer.
   */
  holdTimer(id: number, owner: string, until: number): Promise<void>;
  /**
   * In one atomic step: renews `owner`'s timer leases of active sessions and takes over those whose lease ran
   * out (their owner stopped or crashed), all until `until`. Returns every active session `owner` holds
   * afterwards. A lease still running stays with its owner. (`FOR UPDATE SKIP LOCKED` on a server database.)
   */
  leaseTimers(owner: string, now: number, until: number, platforms?: readonly ChatAddress['platform'][]): Promise<StudySession[]>;
  /** Ends `owner`'s timer leases at once (a graceful stop): another instance takes them over at its next sweep. */
  releaseTimers(owner: string): Promise<void>;
}
