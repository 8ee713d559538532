import type { ChatAddress } from '../messenger.js';

/** A member's press on a question of the day, as stored (one per member, platform and date). */
export interface DailyAnswer {
  platform: ChatAddress['platform'];
  /** The chat whose post carried the question. */
  chatId: string;
  userId: string;
  /** The post's local date (`YYYY-MM-DD`): the question of that date. */
  localDate: string;
  /** The question's item id and the fact it tests. */
  questionId: string;
  factId: string;
  /** The choice pressed, or {@link SAW_ANSWER} when the member asked to see the answer first. */
  choice: number;
  correct: boolean;
  /** Topics of the fact, for the weakest topics in `/stats`. */
  topics: string[];
  answeredAt: number;
}

/** The `choice` of a member who pressed "Show the answer" before choosing: it blocks a later choice and is not counted. */
export const SAW_ANSWER = -1;

/**
 * Presses on questions of the day. The study repository's `userAnswers` counts the chosen ones (not
 * {@link SAW_ANSWER}) with the study sessions' answers, so they show in `/stats`.
 */
export interface DailyAnswerRepository {
  /** Records a member's first press on a date's question; false when they had pressed already. */
  add(answer: DailyAnswer): boolean;
  /** The member's press on a date's question, if any. */
  get(platform: ChatAddress['platform'], userId: string, localDate: string): DailyAnswer | undefined;
}
