import { describe, expect, it } from 'vitest';
import { buildSlashCommands, commandsInSync } from '../../src/adapters/discord/slash-commands.js';
import { COMMANDS } from '../../src/core/commands/definitions.js';
import { ADMIN_COMMAND } from './harness.js';

describe('buildSlashCommands', () => {
  const bodies = buildSlashCommands(COMMANDS);

  it('offers every command except the private-only ones, named as Discord requires', () => {
    expect(bodies.map((b) => b.name)).toEqual(COMMANDS.filter((c) => c.scope !== 'private').map((c) => c.name));
    expect(bodies.map((b) => b.name)).not.toContain('start');
    for (const b of bodies) {
      expect(b.name).toMatch(/^[-_\p{Ll}\p{N}]{1,32}$/u);
      expect(b.description.length).toBeGreaterThan(0);
      expect(b.description.length).toBeLessThanOrEqual(100);
    }
  });

  it('describes in English with a Russian localization, and no Kazakh (Discord has no such locale)', () => {
    for (const b of bodies) {
      const def = COMMANDS.find((c) => c.name === b.name);
      expect(b.description).toBe(def?.description.en);
      expect(b.description_localizations).toEqual({ ru: def?.description.ru });
    }
  });

  it('gives /ask a required question with autocomplete and localized description', () => {
    const ask = bodies.find((b) => b.name === 'ask');
    expect(ask?.options).toEqual([
      expect.objectContaining({ name: 'question', type: 3, required: true, autocomplete: true, description_localizations: { ru: expect.any(String) as string } }),
    ]);
  });

  it('restricts admin-only commands to Manage Server and keeps them out of DMs (contexts, not dm_permission)', () => {
    const [settings] = buildSlashCommands([ADMIN_COMMAND]);
    expect(settings?.default_member_permissions).toBe('32');
    expect(settings?.contexts).toEqual([0]);
    for (const b of bodies) {
      expect(b).not.toHaveProperty('dm_permission');
      expect(b.integration_types).toEqual([0]);
      const def = COMMANDS.find((c) => c.name === b.name);
      // Servers (0) for all; DMs with the bot (1) only for commands that work there.
      expect(b.contexts).toEqual(def?.scope === 'group' || def?.adminOnly ? [0] : [0, 1]);
    }
    expect(bodies.find((b) => b.name === 'ask')?.contexts).toEqual([0, 1]);
    expect(bodies.find((b) => b.name === 'subscribe')?.contexts).toEqual([0]);
    // The shared admin-only commands (daily-post settings) carry Manage Server; every other command is open.
    const adminOnly = new Set(COMMANDS.filter((c) => c.adminOnly).map((c) => c.name));
    expect([...adminOnly]).toEqual(expect.arrayContaining(['subscribe', 'unsubscribe', 'settings']));
    for (const b of bodies) expect(b.default_member_permissions).toBe(adminOnly.has(b.name) ? '32' : undefined);
  });
});

describe('commandsInSync', () => {
  const local = buildSlashCommands(COMMANDS);
  // What Discord returns: extra fields, filled defaults, another order.
  const remote = [...local].reverse().map((c, i) => ({
    id: String(i + 1),
    application_id: '1',
    version: '1',
    nsfw: false,
    name_localizations: null,
    default_member_permissions: null,
    integration_types: [0],
    ...c,
    options: (c.options ?? []).map((o) => ({ name_localizations: null, ...o })),
  }));

  it('sees Discord’s copy of our commands as equal', () => {
    expect(commandsInSync(local, remote, 'global')).toBe(true);
  });

  it('notices a changed description, localization, option, permission or a missing command', () => {
    const changed = (f: (c: Record<string, unknown>) => void) => {
      const copy = structuredClone(remote) as Record<string, unknown>[];
      f(copy.find((c) => c.name === 'ask') ?? {});
      return commandsInSync(local, copy, 'global');
    };
    expect(changed((c) => (c.description = 'Old text'))).toBe(false);
    expect(changed((c) => (c.description_localizations = { ru: 'Старый текст' }))).toBe(false);
    expect(changed((c) => (c.options = []))).toBe(false);
    expect(changed((c) => (c.default_member_permissions = '32'))).toBe(false);
    expect(changed((c) => (c.contexts = [0]))).toBe(false);
    expect(commandsInSync(local, remote.slice(1), 'global')).toBe(false);
  });

  it('ignores contexts for guild commands, which never show in DMs', () => {
    const guildCopy = remote.map((c) => ({ ...c, contexts: null }));
    expect(commandsInSync(local, guildCopy, 'guild')).toBe(true);
  });

  it('replaces commands registered the old way (dm_permission, no contexts)', () => {
    const old = remote.map(({ contexts, ...c }) => ({ ...c, contexts: null, dm_permission: (contexts ?? []).length > 1 }));
    expect(commandsInSync(local, old, 'global')).toBe(false);
  });
});
