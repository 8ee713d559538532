/**
 * What can be checked of compose.yaml without a Docker engine: it parses, PostgreSQL is healthy before the bot
 * starts, every bot service reaches it through DATABASE_URL with the password from the environment (never
 * written in the file), Telegram runs in webhook mode on its replicas, Discord on exactly one instance, the
 * database is on a volume, and every variable it sets is one the bot reads.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { configSchema } from '../src/config/config.js';
import { isPostgresUrl } from '../src/infra/open-store.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const text = readFileSync(join(ROOT, 'compose.yaml'), 'utf8');

interface Service {
  build?: string;
  image?: string;
  environment?: Record<string, string>;
  depends_on?: Record<string, { condition?: string }>;
  deploy?: { replicas?: number };
  healthcheck?: { test?: string[] };
  volumes?: string[];
  stop_grace_period?: string;
  ports?: string[];
}
const compose = yaml.load(text) as { services: Record<string, Service>; volumes?: Record<string, unknown> };
const bots = Object.entries(compose.services).filter(([, s]) => s.build === '.');

describe('compose.yaml', () => {
  it('runs PostgreSQL with a health check and its data on a named volume', () => {
    const pg = compose.services.postgres!;
    expect(pg.image).toMatch(/^postgres:\d+/);
    expect(pg.healthcheck?.test?.join(' ')).toMatch(/pg_isready/);
    const volume = pg.volumes?.find((v) => v.endsWith(':/var/lib/postgresql/data'))?.split(':')[0];
    expect(volume && compose.volumes && volume in compose.volumes).toBe(true);
    expect(pg.environment?.POSTGRES_PASSWORD).toMatch(/^\$\{POSTGRES_PASSWORD/);
  });

  it('starts every bot service from the Dockerfile once PostgreSQL is healthy, on a postgres:// DATABASE_URL with no password written in', () => {
    expect(bots.length).toBeGreaterThanOrEqual(2);
    for (const [name, s] of bots) {
      expect(s.depends_on?.postgres?.condition, name).toBe('service_healthy');
      const url = s.environment?.DATABASE_URL ?? '';
      expect(isPostgresUrl(url), name).toBe(true);
      expect(url, name).toMatch(/^postgres:\/\/bot:\$\{POSTGRES_PASSWORD[^}]*\}@postgres:5432\/bot$/);
      // Graceful shutdown releases claims and leases: give it time before the SIGKILL.
      expect(s.stop_grace_period, name).toBeDefined();
    }
  });

  it('runs Telegram in webhook mode on its replicas, and Discord on exactly one instance', () => {
    const telegram = bots.filter(([, s]) => s.environment?.TELEGRAM_BOT_TOKEN);
    expect(telegram.length).toBeGreaterThan(0);
    for (const [name, s] of telegram) {
      expect(s.environment?.TELEGRAM_WEBHOOK_URL, name).toBeDefined();
      expect(s.environment?.TELEGRAM_WEBHOOK_SECRET, name).toBeDefined();
    }
    const discordOn = bots.filter(([, s]) => s.environment?.DISCORD_TOKEN !== undefined && s.environment?.DISCORD_ENABLED !== 'off');
    expect(discordOn.map(([, s]) => s.deploy?.replicas ?? 1)).toEqual([1]);
    for (const [name, s] of bots) if (s.environment?.DISCORD_ENABLED === 'on') expect(s.deploy?.replicas ?? 1, name).toBe(1);
  });

  it('sets only variables the bot reads, with values its configuration accepts, and no secret value', () => {
    const known = new Set(Object.keys(configSchema.shape));
    for (const [name, s] of bots)
      for (const [key, value] of Object.entries(s.environment ?? {})) {
        expect(known.has(key), `${name}: ${key}`).toBe(true);
        if (/TOKEN|SECRET|PASSWORD/.test(key)) expect(value, `${name}: ${key}`).toMatch(/^\$\{/);
        else if (!value.includes('${')) expect(configSchema.shape[key as keyof typeof configSchema.shape].safeParse(value).success, `${name}: ${key}=${value}`).toBe(true);
      }
  });
});
