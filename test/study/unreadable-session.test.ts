/**
 * A session whose stored questions do not parse (a hand-edited or damaged row): after a restart the bot logs a
 * warning, ends that session, and carries on: the chat can start another, other chats' sessions resume.
 */
import { describe, expect, it } from 'vitest';
import { KeptLogger } from './fakes.js';
import { FakeTime, member, restart, studyCore, tempDatabases } from './support.js';

describe('an unreadable stored session', () => {
  const databasePath = tempDatabases();

  it('is ended with a warning at resume, never crashing, and the chat can start a new quiz', async () => {
    const dbPath = databasePath();
    const first = studyCore({ time: new FakeTime(), dbPath });
    const alice = member('1', 'Alice');
    const dana = member('4', 'Dana', { chatId: '-200' });
    await first.core.chat.command(alice, 'study', '3');
    await first.core.chat.command(dana, 'study', '3');
    first.store.db.exec(`UPDATE study_sessions SET questions = '[{"text":"no choices"}]' WHERE chat_id = '-100'`);

    const storeLogger = new KeptLogger();
    const second = await restart(first, dbPath, 45_000, { storeLogger });
    await second.settle();
    expect(storeLogger.lines.map((l) => `${l.level}: ${l.msg}`)).toEqual(['warn: study session skipped: its stored questions do not parse']);
    // The other chat's session went on: its first question closed during the downtime.
    expect(second.messenger.sent.map((s) => s.to.chatId)).toEqual(['-200']);
    expect(second.messenger.sent[0]!.reply.text).toContain('Question 2/3');
    const again = (await second.core.chat.command(alice, 'study', '2'))!;
    expect(again.text).toContain('Question 1/2');
    second.core.study!.close();
    await second.store.close();
  });
});
