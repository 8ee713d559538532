import type { ChatAddress } from '../messenger.js';
import type { Lang } from '../facts/schema.js';
import type { QuizQuestion } from './quiz.js';

/** A study session as stored: its questions, which one is open, and since when. */
export interface StudySession {
  id: number;
  address: ChatAddress;
  starterId: string;
  /** A group session, or one player's (a private chat, the terminal): only a group's misses are queued for review. */
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
  /** The bot's username on the platform, for deep links in the leaderboard (Telegram). */
  botUsername?: string;
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
export interface StudyRepository {
  /** Creates a session; undefined when the chat already has an active one (one per chat, enforced by the database). */
  createSession(session: Omit<StudySession, 'id'>): number | undefined;
  session(id: number): StudySession | undefined;
  activeSession(address: ChatAddress): StudySession | undefined;
  activeSessions(): StudySession[];
  /** Moves an active session from question `from` to `from + 1`; false when it is no longer at `from`. */
  advance(id: number, from: number, openedAt: number): boolean;
  /** Sets when question `round` was posted (its deadline counts from then); false when the session moved on. */
  openRound(id: number, round: number, openedAt: number): boolean;
  /** Ends an active session at question `at`; false when it already ended or moved on. */
  end(id: number, at: number, endedAt: number): boolean;
  /** Records a member's first answer to a question; false when they had already answered it. */
  addAnswer(answer: StudyAnswer): boolean;
  answers(sessionId: number, round?: number): StudyAnswer[];
  /** Scores in a chat, optionally since a time, in the order of `ranked` (study-service.ts). */
  scores(address: ChatAddress, since?: number): ScoreLine[];
  /** A member's answers on a platform, oldest first: in sessions and to questions of the day (see daily-answers.ts). */
  userAnswers(platform: ChatAddress['platform'], userId: string): Pick<StudyAnswer, 'correct' | 'topics' | 'answeredAt'>[];
  reviewCard(platform: ChatAddress['platform'], userId: string, factId: string, kind: string): ReviewCard | undefined;
  reviewCardById(id: number): ReviewCard | undefined;
  /** Inserts or replaces the card of (platform, user, fact, kind). */
  saveReviewCard(card: Omit<ReviewCard, 'id'>): void;
  deleteReviewCard(id: number): void;
  /** Cards due at `now`, most overdue first. */
  dueReviews(platform: ChatAddress['platform'], userId: string, now: number, limit: number): ReviewCard[];
  /** The member's next due time among cards not yet due, if any. */
  nextReviewDue(platform: ChatAddress['platform'], userId: string): number | undefined;
}
