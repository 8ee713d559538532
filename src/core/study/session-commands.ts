/** The chat side of study sessions: `/study` starts one, `/next` and `/stop` close a round, members press choices. */
import { languageFor, type ChatReply, type ChatRequest } from '../chat/chat-service.js';
import type { MessageId } from '../i18n/i18n.js';
import { newSeed, type RandomSource } from './random.js';
import type { RoundTimers } from './round-timers.js';
import type { QuizBank } from './session-composer.js';
import { ANSWER_ACTION, type SessionRounds } from './session-rounds.js';
import { MAX_QUESTIONS, MIN_QUESTIONS, parseStudyArgs } from './study-args.js';
import { nowMs, personalNote, sessionAudience, type StudyContext } from './study-context.js';
import type { StudyRepository, StudySession } from './study-store.js';

/** `/study`, `/next`, `/stop` and the choices' buttons. */
export class SessionCommands {
  constructor(
    private readonly ctx: StudyContext,
    private readonly bank: QuizBank,
    private readonly rounds: SessionRounds,
    private readonly timers: RoundTimers,
    /** Seeds for new sessions. */
    private readonly random: RandomSource,
  ) {}

  private get repo(): StudyRepository {
    return this.ctx.store.study;
  }

  /**
   * `/study [number] [topic]`: a new session in the chat's language (a group's quiz is the chat's; one
   * player's is theirs), its first question open. Refusals and notes are the member's own.
   */
  async start(req: ChatRequest, args: string): Promise<ChatReply> {
    const t = this.ctx.i18n;
    const own = languageFor(req, 'member', args);
    const address = { platform: req.platform, chatId: req.chatId };
    const running = await this.repo.activeSession(address);
    if (running) return personalNote(own, t.t(own, 'study-already-running', { n: running.current + 1, total: running.questions.length }));
    const parsed = parseStudyArgs(args, this.ctx.base.topics);
    if ('unknownTopic' in parsed) {
      const topics = this.ctx.base.topics.map((topic) => topic.name[own]).join(', ');
      return personalNote(own, t.t(own, 'study-unknown-topic', { topic: parsed.unknownTopic, topics }));
    }
    const lang = languageFor(req, sessionAudience(req), args);
    const questions = this.bank.compose({ lang, count: parsed.count, topic: parsed.topic, seed: newSeed(this.random) });
    if (questions.length === 0) return personalNote(own, t.t(own, 'study-no-questions'));
    const now = nowMs(this.ctx);
    const id = await this.repo.createSession({
      address,
      starterId: req.userId,
      chatKind: req.chatKind,
      lang,
      ...(parsed.topic ? { topic: parsed.topic } : {}),
      questions,
      current: 0,
      roundOpenedAt: now,
      status: 'active',
      startedAt: now,
    });
    const session = id === undefined ? undefined : await this.repo.session(id);
    if (!session) return personalNote(own, t.t(own, 'study-already-running', { n: 1, total: questions.length }));
    await this.timers.schedule(session);
    this.ctx.metrics?.studySessionStarted(req.platform);
    const topic = parsed.topic ? this.ctx.base.topicName(parsed.topic, lang) : undefined;
    const seconds = this.ctx.questionSeconds;
    let intro = topic
      ? t.t(lang, 'study-intro-topic', { count: questions.length, seconds, topic })
      : t.t(lang, 'study-intro', { count: questions.length, seconds });
    // Fewer questions than asked, or a number out of range, is not silently changed: the member is told what they get.
    if (questions.length < parsed.count)
      intro = `${topic ? t.t(lang, 'study-fewer-topic', { count: questions.length, topic }) : t.t(lang, 'study-fewer', { count: questions.length })}\n${intro}`;
    else if (parsed.asked !== undefined && parsed.asked > MAX_QUESTIONS) intro = `${t.t(lang, 'study-count-too-many', { max: MAX_QUESTIONS, count: questions.length })}\n${intro}`;
    else if (parsed.asked !== undefined && parsed.asked < MIN_QUESTIONS) intro = `${t.t(lang, 'study-count-too-few', { min: MIN_QUESTIONS, count: questions.length })}\n${intro}`;
    const q = this.rounds.questionReply(session, 0);
    return { ...q, text: `${intro}\n\n${q.text}` };
  }

  /** `/next` closes the open question now; `/stop` (`stop`) ends the session. Only the starter or an admin may. */
  async closeRound(req: ChatRequest, typed: string, stop: boolean): Promise<ChatReply> {
    const own = languageFor(req, 'member', typed);
    const session = await this.repo.activeSession({ platform: req.platform, chatId: req.chatId });
    if (!session) return personalNote(own, this.ctx.i18n.t(own, 'study-no-session'));
    if (!mayControl(req, session)) return personalNote(own, this.ctx.i18n.t(own, 'study-not-allowed'));
    const step = await this.timers.advance(session.id, session.current, stop);
    if (!step) return personalNote(own, this.ctx.i18n.t(own, 'study-no-session'));
    return stop ? { ...step.reply, text: `${this.ctx.i18n.t(session.lang, 'study-stopped')}\n\n${step.reply.text}` } : step.reply;
  }

  /**
   * A choice's button (`a:<session>:<round>:<choice>` after the prefix): the first press on the open question
   * counts and is confirmed to the member alone; one player's answer closes the round at once.
   */
  async action(req: ChatRequest, parts: readonly string[]): Promise<ChatReply | undefined> {
    if (parts[0] !== ANSWER_ACTION) return undefined;
    const [sessionId, round, choice] = [Number(parts[1]), Number(parts[2]), Number(parts[3])];
    if (![sessionId, round, choice].every(Number.isInteger)) return undefined;
    const lang = languageFor(req, 'member');
    const toast = (id: MessageId, args?: Record<string, string>): ChatReply => ({ lang, text: this.ctx.i18n.t(lang, id, args), buttons: [], toast: true, personal: true });
    const outcome = await this.rounds.answer(req, sessionId, round, choice);
    if (outcome.kind === 'closed') return toast('study-closed');
    if (outcome.kind === 'repeat') return toast('study-already-answered');
    if (outcome.session.chatKind === 'private') {
      // One player: no one else to wait for.
      const step = await this.timers.advance(sessionId, round, false);
      if (step) return step.reply;
    }
    return toast('study-recorded', { choice: outcome.question.choices[choice] ?? '' });
  }
}

/** Whether the member may close rounds: the starter, an admin, or anyone alone with the bot. */
function mayControl(req: ChatRequest, session: StudySession): boolean {
  return req.userId === session.starterId || req.isAdmin === true || req.chatKind === 'private';
}
