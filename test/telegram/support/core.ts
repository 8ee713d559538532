import { createCoreServices, type CoreServices } from '../../../src/app/core-services.js';
import { silentLogger } from '../../../src/core/ports.js';
import { systemClock } from '../../../src/infra/system-clock.js';
import { sharedFacts } from '../../support/shared-facts.js';

/** The real core over the real fact base; a generous rate limit unless a test is about the limit. */
export function testCore(rateLimit = { limit: 1000, windowMs: 60_000 }): CoreServices {
  return createCoreServices({ ...sharedFacts(), clock: systemClock, logger: silentLogger, rateLimit });
}

/** A fake bot token shaped like a real one, so a leak would be caught by the tests. */
export const FAKE_TOKEN = '123456:TEST-TOKEN-abcdefghijklmnopqrstuvwxyz012345';
/** The secret half of {@link FAKE_TOKEN}. */
export const FAKE_TOKEN_SECRET = 'TEST-TOKEN-abcdefghijklmnopqrstuvwxyz012345';
