/**
 * One child logger per Telegram update, carrying its update id and chat id. The handlers log through the
 * logger they were built with; that logger looks up the current update's child (AsyncLocalStorage), so
 * every line an update causes, in any handler, names the update without each handler passing ids along.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Context, MiddlewareFn } from 'grammy';
import type { Logger } from '../../core/ports.js';

/** A logger for the handlers, and the middleware that gives each update its child. */
export function updateLogging(base: Logger): { logger: Logger; middleware: MiddlewareFn<Context> } {
  const current = new AsyncLocalStorage<Logger>();
  const active = () => current.getStore() ?? base;
  const logger: Logger = {
    debug: (obj, msg) => active().debug(obj, msg),
    info: (obj, msg) => active().info(obj, msg),
    warn: (obj, msg) => active().warn(obj, msg),
    error: (obj, msg) => active().error(obj, msg),
    child: (bindings) => active().child(bindings),
  };
  const middleware: MiddlewareFn<Context> = (ctx, next) => {
    const chatId = ctx.chat?.id;
    const child = base.child({ updateId: ctx.update.update_id, ...(chatId === undefined ? {} : { chatId: String(chatId) }) });
    child.debug({ kind: Object.keys(ctx.update).find((k) => k !== 'update_id') }, 'telegram update');
    return current.run(child, next);
  };
  return { logger, middleware };
}
