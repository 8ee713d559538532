import type { Transformer } from 'grammy';
import type { UserFromGetMe } from 'grammy/types';

/** One Bot API call as the bot made it. */
export interface ApiCall {
  method: string;
  payload: Record<string, unknown>;
}

/** What a stub may answer instead of the server: a Bot API response, or undefined to pass the call on. */
export type StubResponse = { ok: true; result: unknown } | { ok: false; error_code: number; description: string };
/** What a stub may answer instead of the server (possibly later, to hold a call in flight); undefined passes the call on. */
export type Override = (call: ApiCall) => StubResponse | undefined | Promise<StubResponse | undefined>;

/** Methods that telegram-test-api implements; everything else is answered by the stub. */
const EMULATED = new Set(['getUpdates', 'getMe', 'sendMessage', 'editMessageText', 'editMessageReplyMarkup', 'answerCallbackQuery', 'deleteMessage', 'deleteWebhook']);

/** The bot user the stub's getMe reports. */
export const BOT_INFO: UserFromGetMe = {
  id: 777,
  is_bot: true,
  first_name: 'Reform Bot',
  username: 'ReformTestBot',
  can_join_groups: true,
  can_read_all_group_messages: false,
  supports_inline_queries: true,
  can_connect_to_business: false,
  has_main_web_app: false,
  has_topics_enabled: false,
  allows_users_to_create_topics: false,
  can_manage_bots: false,
  supports_join_request_queries: false,
};

let fakeMessageId = 10_000;

/**
 * A test-side API transformer: records every call, answers `override` first, then either the methods the
 * emulator lacks (`emulator` mode) or every method (`offline` mode, no server at all), and delays polling so
 * an emulator that answers getUpdates at once is not hammered.
 */
export function apiStub(options: { mode: 'emulator' | 'offline'; override?: Override; pollDelayMs?: number }): { transformer: Transformer; calls: ApiCall[] } {
  const calls: ApiCall[] = [];
  const transformer: Transformer = async (prev, method, payload, signal) => {
    const call = { method, payload: (payload ?? {}) as Record<string, unknown> };
    if (method !== 'getUpdates') calls.push(call);
    const overridden = await options.override?.(call);
    // The casts stand for a Bot API server: the stub answers in its JSON shapes, whatever the method.
    if (overridden) return overridden as never;
    if (method === 'getUpdates') await pause(options.pollDelayMs ?? 50, signal);
    if (options.mode === 'emulator' && EMULATED.has(method)) return prev(method, payload, signal);
    return { ok: true, result: offlineResult(call) } as never;
  };
  return { transformer, calls };
}

function offlineResult(call: ApiCall): unknown {
  if (call.method === 'getMe') return BOT_INFO;
  if (call.method === 'getUpdates') return [];
  if (call.method === 'sendMessage') {
    const chatId = Number(call.payload.chat_id);
    return { message_id: ++fakeMessageId, date: Math.floor(Date.now() / 1000), chat: { id: chatId, type: chatId < 0 ? 'group' : 'private' }, text: call.payload.text };
  }
  return true;
}

// grammY's AbortSignal type comes from its abort-controller shim; only addEventListener is needed.
function pause(ms: number, signal?: { addEventListener(type: 'abort', listener: () => void): void }): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}
