/**
 * The bot itself (compiled, dist/main.js) as a child process in Telegram webhook mode on a shared PostgreSQL database,
 * for the multi-instance tests: it reaches the fake Bot API through its own API root (`…/<name>`), so the fake
 * knows which instance sent what, and takes updates on its own port as Telegram would send them.
 */
import { createServer } from 'node:net';
import { FAKE_TOKEN } from '../../telegram/support/core.js';
import type { FakeBotApi } from '../../faults/support/fake-bot-api.js';
import { runCompiled, until, type Child } from '../../faults/support/processes.js';

export const WEBHOOK_PATH = '/telegram/hook';
const SECRET = 'multi-instance-secret';

/** A free loopback port. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const address = s.address();
      s.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** A running bot instance. */
export interface BotInstance {
  name: string;
  child: Child;
  port: number;
  /** Delivers an update to this instance's webhook; resolves with the HTTP status. */
  deliver(update: Record<string, unknown>): Promise<number>;
}

/** Starts an instance and waits until its /healthz says ok. */
export async function startInstance(name: string, databaseUrl: string, fake: FakeBotApi, env: Record<string, string> = {}): Promise<BotInstance> {
  const port = await freePort();
  const child = runCompiled('main.js', {
    NODE_ENV: 'production',
    LOG_LEVEL: 'info',
    TELEGRAM_BOT_TOKEN: FAKE_TOKEN,
    TELEGRAM_API_ROOT: `${fake.url}/${name}`,
    TELEGRAM_WEBHOOK_URL: `https://bot.example.test${WEBHOOK_PATH}`,
    TELEGRAM_WEBHOOK_SECRET: SECRET,
    PORT: String(port),
    DATABASE_URL: databaseUrl,
    ...env,
  });
  await until(
    async () => {
      if (child.process.exitCode !== null) throw new Error(`instance ${name} exited: ${child.stderr().slice(-2000)}`);
      try {
        return (await fetch(`http://127.0.0.1:${port}/healthz`)).status === 200;
      } catch {
        return false;
      }
    },
    60_000,
    `instance ${name} to start`,
  );
  return {
    name,
    child,
    port,
    deliver: async (update) => {
      const res = await fetch(`http://127.0.0.1:${port}${WEBHOOK_PATH}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': SECRET },
        body: JSON.stringify(update),
      });
      await res.arrayBuffer();
      return res.status;
    },
  };
}

let nextMessageId = 1000;

/** A text message update from a member. */
export function textUpdate(updateId: number, chat: { id: number; type: 'private' | 'supergroup' }, userId: number, text: string): Record<string, unknown> {
  const command = text.startsWith('/') ? [{ type: 'bot_command', offset: 0, length: text.split(' ')[0]!.length }] : undefined;
  return {
    update_id: updateId,
    message: {
      message_id: nextMessageId++,
      date: Math.floor(Date.now() / 1000),
      chat: { ...chat, ...(chat.type === 'private' ? { first_name: 'Member' } : { title: 'Study group' }) },
      from: { id: userId, is_bot: false, first_name: `Member ${userId}`, language_code: 'en' },
      text,
      ...(command ? { entities: command } : {}),
    },
  };
}

/** A button press update. */
export function pressUpdate(updateId: number, chatId: number, userId: number, data: string, messageId: number): Record<string, unknown> {
  return {
    update_id: updateId,
    callback_query: {
      id: `cq-${updateId}`,
      chat_instance: 'ci',
      from: { id: userId, is_bot: false, first_name: `Member ${userId}`, language_code: 'en' },
      message: { message_id: messageId, date: Math.floor(Date.now() / 1000), chat: { id: chatId, type: 'supergroup', title: 'Study group' }, text: 'question' },
      data,
    },
  };
}
