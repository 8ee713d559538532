/** Wiring the core over a resolver built elsewhere: the tests share one, so it must be the one used. */
import { describe, expect, it } from 'vitest';
import { createCoreServices } from '../../src/app/core-services.js';
import { FactBase } from '../../src/core/facts/fact-base.js';
import { silentLogger } from '../../src/core/ports.js';
import { Resolver } from '../../src/core/resolver/resolver.js';
import { loadFactBaseData } from '../../src/infra/data-files.js';
import { sharedFacts } from '../support/shared-facts.js';

const clock = { now: () => new Date(Date.UTC(2024, 0, 1)) };
const member = { platform: 'telegram', chatId: '1', userId: '1', chatKind: 'private' } as const;

describe('createCoreServices', () => {
  it('answers through the resolver it is given, and builds one when given none', () => {
    const shared = sharedFacts();
    const core = createCoreServices({ ...shared, clock, logger: silentLogger });
    expect(core.resolver).toBe(shared.resolver);
    expect(core.chat.question(member, 'When was the constitutional referendum held?').text).toMatch(/June 5, 2022/);
    const own = createCoreServices({ base: shared.base, clock, logger: silentLogger });
    expect(own.resolver).not.toBe(shared.resolver);
    expect(own.resolver.base).toBe(shared.base);
  });

  it('refuses a resolver built over another fact base', () => {
    const other = new FactBase(loadFactBaseData());
    expect(() => createCoreServices({ base: other, resolver: sharedFacts().resolver, clock, logger: silentLogger })).toThrow(/another fact base/);
    expect(() => createCoreServices({ base: other, resolver: new Resolver(other), clock, logger: silentLogger })).not.toThrow();
  });
});
