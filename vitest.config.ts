import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The usual summary, then each test skipped with a note and its reason (a faithfulness check without the sources).
    reporters: ['default', './test/support/skip-notes-reporter.ts'],
    // A PostgreSQL server for the store tests: TEST_POSTGRES_URL, or a throwaway cluster; and dist/ built, for the
    // tests that start the compiled bot as a process (see the file).
    globalSetup: ['test/support/global-setup.ts'],
    // End-to-end tests start loopback servers; give them room on a 2-core machine.
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // A worker keeps its imports from one test file to the next: grammY, discord.js and the rest load once,
    // and the fact base and resolver of test/support/shared-facts.ts are built once per worker, not per file
    // (the suite's CPU time drops from about 38 s to 13 s). The price: module state lives across files, so a
    // test that changes global state (process.env, fake timers, globals, process listeners) puts it back,
    // and shared helpers register hooks inside the function a test calls, never at their top level.
    isolate: false,
    // One test file more than there are cores (three on two): the slowest files mostly wait (for the bot's
    // processes, loopback servers, PostgreSQL and quiz deadlines) rather than compute, and a third worker runs
    // other files meanwhile. Measured with npm test on a 2-core machine: 2 workers 31 s, 3 workers 29-30.5 s,
    // 4 workers 29.6 s (the CPU-bound files then contend).
    maxWorkers: availableParallelism() + 1,
    // Transformed modules kept on disk between runs (node_modules/.experimental-vitest-cache, keyed by each
    // file's content and the configuration): a run no longer transforms every source and test file again.
    // Measured in alternating runs: 29.5 s instead of 30.4-31.8 s. `npx vitest --clearCache` empties it.
    // Vitest 5 makes it the default, as the top-level `fsModuleCache` (cache in node_modules/.vitest-cache):
    // drop this line when upgrading. No plugin here reads other files, the case its docs warn about.
    experimental: { fsModuleCache: true },
  },
});
