/**
 * `npm run bench:cold` (and the last section of `npm run bench`): what a fresh process pays before its first
 * answer. Runs `ask` as a new process several times, compiled (`node dist/cli/ask.js`, built first with
 * `npm run build`, plain and with the node options of `npm run start:prod`) beside tsx
 * (`node --import tsx`, and the `tsx` command that `npm run ask` uses), with bare `node -e 0` as the floor,
 * and prints the median and maximum time from spawn to the first answer on standard output, to exit, and the
 * peak RSS. Prints figures; asserts nothing. `-- --runs 15` for more runs.
 */
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const QUESTION = 'when was the referendum';

/** Reports each process's peak RSS (kB) on standard error as it exits; NODE_OPTIONS carries it into tsx's child too. */
const RSS_PROBE = `--import=data:text/javascript,${encodeURIComponent(
  'process.on("exit",()=>process.stderr.write("\\nrss-probe "+process.resourceUsage().maxRSS+"\\n"))',
)}`;

/** The node options of `npm run start:prod` (`node <options> dist/main.js`), so the bench follows the script. */
function startProdOptions(): string[] {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
  const [node, ...rest] = (pkg.scripts['start:prod'] ?? '').split(/\s+/);
  if (node !== 'node' || rest.at(-1) !== 'dist/main.js') throw new Error(`start:prod is not "node <options> dist/main.js": ${pkg.scripts['start:prod']}`);
  return rest.slice(0, -1);
}

interface Variant {
  name: string;
  command: string;
  args: string[];
}

const VARIANTS: Variant[] = [
  { name: 'node -e 0 (the floor)', command: process.execPath, args: ['-e', '0'] },
  { name: 'compiled: node dist/cli/ask.js', command: process.execPath, args: ['dist/cli/ask.js', QUESTION] },
  // With the node options that `npm run start:prod` (and so the image) gives the bot.
  { name: 'compiled, start:prod options', command: process.execPath, args: [...startProdOptions(), 'dist/cli/ask.js', QUESTION] },
  { name: 'tsx: node --import tsx', command: process.execPath, args: ['--import', 'tsx', 'src/cli/ask.ts', QUESTION] },
  { name: 'tsx CLI (npm run ask)', command: join(ROOT, 'node_modules', '.bin', 'tsx'), args: ['src/cli/ask.ts', QUESTION] },
];

/**
 * One run: ms from spawn to the first byte on stdout (the answer; NaN when it prints nothing) and to exit;
 * peak RSS summed over its processes.
 */
interface Run {
  firstOutputMs: number;
  exitMs: number;
  rssKb: number;
  processes: number;
  firstLine: string;
}

function runOnce(v: Variant): Promise<Run> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    let firstOutputMs = Number.NaN;
    let stdout = '';
    let stderr = '';
    const child = spawn(v.command, v.args, { cwd: ROOT, env: { ...process.env, NODE_OPTIONS: RSS_PROBE }, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', (chunk: Buffer) => {
      if (Number.isNaN(firstOutputMs)) firstOutputMs = performance.now() - t0;
      stdout += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const exitMs = performance.now() - t0;
      if (code !== 0) return reject(new Error(`${v.name} exited with ${code}: ${stderr.trim()}`));
      const probes = [...stderr.matchAll(/^rss-probe (\d+)$/gm)].map((m) => Number(m[1]));
      resolve({
        firstOutputMs,
        exitMs,
        rssKb: probes.reduce((a, b) => a + b, 0),
        processes: probes.length,
        firstLine: stdout.split('\n')[0] ?? '',
      });
    });
  });
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};
const ms = (x: number) => (Number.isNaN(x) ? '    —   ' : `${x.toFixed(0).padStart(5)} ms`);
const mb = (kb: number) => `${(kb / 1024).toFixed(0).padStart(4)} MB`;

/** Builds dist/ (incremental), then runs every variant `runs` times, round-robin so load changes hit all alike. */
export async function runColdStart(runs = 7): Promise<void> {
  const build = spawnSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, stdio: 'inherit' });
  if (build.status !== 0) throw new Error('npm run build failed');
  const results = new Map<Variant, Run[]>(VARIANTS.map((v) => [v, []]));
  for (const v of VARIANTS) await runOnce(v); // warm the file cache
  for (let i = 0; i < runs; i++) for (const v of VARIANTS) results.get(v)!.push(await runOnce(v));

  const sample = results.get(VARIANTS[1]!)![0]!.firstLine;
  console.log(`\ncold start: ${runs} fresh processes each, asking "${QUESTION}" (first line: ${sample.slice(0, 60)}…); node ${process.version}`);
  console.log(`${'variant'.padEnd(32)} first answer: median      max    exit: median  peak RSS: median      max`);
  for (const [v, rs] of results) {
    const first = rs.map((r) => r.firstOutputMs);
    const rss = rs.map((r) => r.rssKb);
    const procs = Math.max(...rs.map((r) => r.processes));
    console.log(
      `${v.name.padEnd(32)}         ${ms(median(first))} ${ms(Math.max(...first))}         ${ms(median(rs.map((r) => r.exitMs)))}` +
        `         ${mb(median(rss))}  ${mb(Math.max(...rss))}${procs > 1 ? `  (${procs} processes, summed)` : ''}`,
    );
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values } = parseArgs({ options: { runs: { type: 'string', default: '7' } } });
  await runColdStart(Math.max(1, Number(values.runs) || 7));
}
