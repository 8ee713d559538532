/**
 * Lists, at the end of a run, every test skipped with a note (`ctx.skip(condition, note)`): a check that could
 * not run here (the faithfulness tests without ../shared/sources) is named with its reason, not hidden in a count.
 */
import type { Reporter, TestModule } from 'vitest/node';

export default class SkipNotesReporter implements Reporter {
  onTestRunEnd(testModules: readonly TestModule[]): void {
    const lines: string[] = [];
    for (const module of testModules)
      for (const test of module.children.allTests()) {
        const result = test.result();
        if (result.state === 'skipped' && result.note) lines.push(`  ↓ ${test.fullName}: ${result.note}`);
      }
    if (lines.length > 0) process.stdout.write(`\nSkipped, with the reason:\n${lines.join('\n')}\n`);
  }
}
