import { z } from 'zod';

const optionalString = z
  .string()
  .trim()
  .transform((s) => (s === '' ? undefined : s))
  .optional();
const optionalUrl = optionalString.pipe(z.url().optional());
const onOff = z
  .enum(['on', 'off', 'true', 'false', '1', '0'])
  .default('on')
  .transform((v) => v === 'on' || v === 'true' || v === '1');

/**
 * Every setting of the bot, read from the environment once at start. README's table and `.env.example`
 * list the same variables (a test keeps the three in step).
 */
export const configSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  LOG_FILE: z.string().trim().min(1).default('var/bot.log'),
  TELEGRAM_BOT_TOKEN: optionalString.pipe(
    z.string().regex(/^\d+:[\w-]+$/, 'must look like 123456:ABC-DEF… (from @BotFather)').optional(),
  ),
  TELEGRAM_API_ROOT: optionalUrl,
  TELEGRAM_WEBHOOK_URL: optionalUrl,
  TELEGRAM_WEBHOOK_SECRET: optionalString.pipe(
    z.string().regex(/^[A-Za-z0-9_-]{1,256}$/, 'may hold only A-Z, a-z, 0-9, _ and - (1 to 256 characters)').optional(),
  ),
  PORT: z.coerce.number().int().min(1).max(65535).default(8080),
  DISCORD_TOKEN: optionalString,
  DISCORD_API_BASE_URL: optionalUrl,
  DISCORD_GUILD_ID: optionalString.pipe(z.string().regex(/^\d+$/, 'must be a numeric server id').optional()),
  DISCORD_REGISTER_COMMANDS: onOff,
  DISCORD_ENABLED: onOff,
  RATE_LIMIT_QUESTIONS: z.coerce.number().int().min(1).default(10),
  RATE_LIMIT_WINDOW_SECONDS: z.coerce.number().int().min(1).default(60),
  DATABASE_URL: z.string().trim().min(1).default('file:./var/bot.db'),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  DATABASE_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(5000),
  DAILY_POST_LEASE_SECONDS: z.coerce.number().int().min(15).max(3600).default(90),
  STUDY_TIMER_LEASE_SECONDS: z.coerce.number().int().min(3).max(600).default(15),
  DEFAULT_TIMEZONE: z
    .string()
    .trim()
    .default('Asia/Almaty')
    .refine((tz) => isTimeZone(tz), 'must be an IANA time zone such as Asia/Almaty'),
  DEFAULT_POST_TIME: z
    .string()
    .trim()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be HH:MM, such as 09:00')
    .default('09:00'),
  POST_CATCH_UP_HOURS: z.coerce.number().min(0).max(23).default(3),
  TELEGRAM_POSTS_PER_SECOND: z.coerce.number().min(0.1).max(1000).default(25),
  STUDY_QUESTION_SECONDS: z.coerce.number().int().min(5).max(600).default(30),
  QUESTION_LOG: onOff,
  QUESTION_LOG_DAYS: z.coerce.number().int().min(1, 'must be at least 1 (day)').max(3650).default(90),
});

/** Whether the runtime knows an IANA time zone name. */
export function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/** The parsed configuration. */
export type Config = z.infer<typeof configSchema>;

/** Thrown for a bad setting; the message names the variable and never echoes its value (it may be a secret). */
export class ConfigError extends Error {
  constructor(readonly issues: { variable: string; message: string }[]) {
    super(`invalid configuration:\n${issues.map((i) => `  ${i.variable}: ${i.message}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Parses the environment into a {@link Config}, or throws a {@link ConfigError} naming each bad variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = configSchema.safeParse(env);
  if (parsed.success) {
    if (parsed.data.TELEGRAM_WEBHOOK_URL && !parsed.data.TELEGRAM_WEBHOOK_SECRET)
      throw new ConfigError([{ variable: 'TELEGRAM_WEBHOOK_SECRET', message: 'is required when TELEGRAM_WEBHOOK_URL is set' }]);
    return parsed.data;
  }
  throw new ConfigError(
    parsed.error.issues.map((i) => ({ variable: String(i.path[0] ?? '?'), message: i.message.replace(/received .*/i, 'invalid value') })),
  );
}
