import { describe, expect, it } from 'vitest';
import { groupQuestion, parseCommand, stripMentions } from '../../src/adapters/telegram/addressing.js';
import { userLang } from '../../src/adapters/telegram/chat-request.js';
import { BOT_INFO } from './support/api-stub.js';

const me = BOT_INFO;
const at = '@ReformTestBot';

describe('parseCommand', () => {
  it('reads commands, their target and their arguments', () => {
    expect(parseCommand('/ask when was it?', me.username)).toEqual({ name: 'ask', args: 'when was it?', forMe: true });
    expect(parseCommand('/ASK@reformtestbot  когда?', me.username)).toEqual({ name: 'ask', args: 'когда?', forMe: true });
    expect(parseCommand('/ask@OtherBot hi', me.username)).toMatchObject({ forMe: false });
    expect(parseCommand('/start ref-42', me.username)).toEqual({ name: 'start', args: 'ref-42', forMe: true });
    expect(parseCommand('/help', me.username)).toEqual({ name: 'help', args: '', forMe: true });
  });

  it('does not take paths or plain text for commands', () => {
    expect(parseCommand('/usr/bin is a folder', me.username)).toBeUndefined();
    expect(parseCommand('when was the referendum?', me.username)).toBeUndefined();
    expect(parseCommand('/ what', me.username)).toBeUndefined();
  });
});

describe('group addressing', () => {
  it('takes a mention (entity) and strips it', () => {
    const text = `${at}, when was the referendum?`;
    expect(groupQuestion({ text, entities: [{ type: 'mention', offset: 0, length: at.length }] }, me)).toBe('when was the referendum?');
  });

  it('takes a mention in the middle, and a text_mention of the bot', () => {
    const text = `Hey ${at} when was the referendum?`;
    expect(groupQuestion({ text, entities: [{ type: 'mention', offset: 4, length: at.length }] }, me)).toBe('Hey when was the referendum?');
    expect(groupQuestion({ text: 'Bot, when?', entities: [{ type: 'text_mention', offset: 0, length: 3, user: { id: me.id, is_bot: true, first_name: 'Bot' } }] }, me)).toBe('when?');
  });

  it('ignores mentions of other users and chatter', () => {
    expect(groupQuestion({ text: '@someone when was the referendum?', entities: [{ type: 'mention', offset: 0, length: 8 }] }, me)).toBeUndefined();
    expect(groupQuestion({ text: 'the referendum was in June' }, me)).toBeUndefined();
  });

  it('takes a reply to the bot, and not a reply to someone else', () => {
    expect(groupQuestion({ text: 'and what did it change?', reply_to_message: { from: { id: me.id } } }, me)).toBe('and what did it change?');
    expect(groupQuestion({ text: 'and what did it change?', reply_to_message: { from: { id: 42 } } }, me)).toBeUndefined();
  });

  it('finds the mention in the text when a client sent no entities', () => {
    expect(stripMentions(`${at.toLowerCase()} when?`, undefined, me)).toBe('when?');
    expect(groupQuestion({ text: `mail@ReformTestBot.kz` }, me)).toBeUndefined();
  });
});

describe('userLang', () => {
  it('keeps our three languages and drops the rest', () => {
    expect(userLang('ru-RU')).toBe('ru');
    expect(userLang('kk')).toBe('kk');
    expect(userLang('en-GB')).toBe('en');
    expect(userLang('de')).toBeUndefined();
    expect(userLang(undefined)).toBeUndefined();
  });
});
