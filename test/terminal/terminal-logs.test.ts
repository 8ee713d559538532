/**
 * Logs in the terminal chat: `npm start` with no platform token, driven through its standard input. Routine
 * log lines go to LOG_FILE, never into the conversation on standard output; only warnings and errors also
 * reach the terminal (standard error).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/infra/logger.js';
import { terminalLogDestination } from '../../src/infra/terminal-log.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'terminal-logs-'));
  dirs.push(dir);
  return dir;
}

/** Runs the bot in terminal mode, types `lines`, and returns what it printed once it has ended. */
function chat(env: Record<string, string>, lines: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: '/tmp', NODE_ENV: 'development', ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  child.stdin.end(lines.map((l) => `${l}\n`).join(''));
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, stdout, stderr })));
}

describe('logs in the terminal chat', () => {
  it('go to the log file named in the welcome line, not into the chat', async () => {
    const dir = tempDir();
    const logFile = join(dir, 'logs', 'bot.log');
    // At debug level every question writes a log line ("question resolved").
    const run = await chat({ LOG_LEVEL: 'debug', LOG_FILE: logFile, DATABASE_URL: `file:${join(dir, 'bot.db')}` }, ['When was the constitutional referendum held in Kazakhstan?', '/quit']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`Logs go to ${logFile}`);
    expect(run.stdout).toMatch(/June 5, 2022/);
    // The conversation holds no log line, and nothing below a warning reached the terminal.
    expect(run.stdout).not.toMatch(/question resolved|"level":|\bDEBUG\b|\bINFO\b/);
    expect(run.stderr).toBe('');
    expect(existsSync(logFile)).toBe(true);
    const entries = readFileSync(logFile, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { level: number; msg: string });
    expect(entries).toContainEqual(expect.objectContaining({ level: 20, msg: 'question resolved' }));
  }, 60_000);

  it('show warnings and errors on the terminal too, and keep everything in the file', () => {
    const dir = tempDir();
    const file = join(dir, 'var', 'bot.log');
    const terminal: string[] = [];
    const logger = createLogger('info', { destination: terminalLogDestination(file, { terminal: { write: (s: string) => void terminal.push(s) } }) });
    logger.info('daily posts: tick claimed: 1');
    logger.warn('question log: expired entries not deleted');
    logger.error('study deadline failed');
    expect(terminal.map((l) => (JSON.parse(l) as { msg: string }).msg)).toEqual(['question log: expired entries not deleted', 'study deadline failed']);
    const inFile = readFileSync(file, 'utf8').trim().split('\n').map((l) => (JSON.parse(l) as { msg: string }).msg);
    expect(inFile).toEqual(['daily posts: tick claimed: 1', 'question log: expired entries not deleted', 'study deadline failed']);
  });
});
