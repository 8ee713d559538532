/**
 * What can be checked of the Dockerfile without a Docker engine: the npm scripts and files it uses exist, it
 * compiles in its first stage and runs the compiled build with plain node and production dependencies only,
 * runs as a non-root user with the database on a /data volume and a health check, and bakes in no secret.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const dockerfile = readFileSync(join(ROOT, 'Dockerfile'), 'utf8');
const dockerignore = readFileSync(join(ROOT, '.dockerignore'), 'utf8')
  .split('\n')
  .map((l) => l.trim())
  .filter((l) => l && !l.startsWith('#'));
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  scripts: Record<string, string>;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

/** Instructions with continuation lines joined, comments dropped. */
const instructions = dockerfile
  .replace(/\\\n/g, ' ')
  .split('\n')
  .map((l) => l.trim())
  .filter((l) => l && !l.startsWith('#'))
  .map((l) => {
    const [op = '', ...rest] = l.split(/\s+/);
    return { op: op.toUpperCase(), args: rest.join(' ') };
  });
const stages: (typeof instructions)[] = [];
for (const i of instructions) {
  if (i.op === 'FROM') stages.push([]);
  stages.at(-1)?.push(i);
}
const runtime = stages.at(-1) ?? [];
const of = (op: string, list = instructions) => list.filter((i) => i.op === op).map((i) => i.args);

describe('Dockerfile', () => {
  it('is multi-stage on a slim Node image that better-sqlite3 supports', () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    for (const from of of('FROM')) expect(from).toMatch(/^node:\$\{NODE_VERSION\}-\w+-slim\b/);
    const version = /^ARG NODE_VERSION=(\d+)$/m.exec(dockerfile)?.[1];
    expect(version).toBeDefined();
    const engines = (JSON.parse(readFileSync(join(ROOT, 'node_modules/better-sqlite3/package.json'), 'utf8')) as { engines: { node: string } }).engines.node;
    expect(engines.split('||').map((r) => r.trim())).toContain(`${version}.x`);
    // LTS lines are even.
    expect(Number(version) % 2).toBe(0);
  });

  it('runs npm scripts that exist in package.json, and installs from the lock file', () => {
    const scripts = of('RUN').flatMap((r) => [...r.matchAll(/npm run (\S+)/g)].map((m) => m[1]!));
    expect(scripts.length).toBeGreaterThan(0);
    for (const s of scripts) expect(Object.keys(pkg.scripts)).toContain(s);
    expect(of('RUN').some((r) => /\bnpm ci\b/.test(r))).toBe(true);
    expect(existsSync(join(ROOT, 'package-lock.json'))).toBe(true);
  });

  it('copies only paths that exist and that .dockerignore lets through', () => {
    const sources = of('COPY')
      .filter((c) => !c.startsWith('--from'))
      .flatMap((c) => c.replace(/--\S+\s+/g, '').split(/\s+/).slice(0, -1));
    expect(sources).toEqual(expect.arrayContaining(['package.json', 'package-lock.json', 'tsconfig.json', 'tsconfig.build.json', 'src', 'data']));
    for (const s of sources) {
      expect(existsSync(join(ROOT, s)), s).toBe(true);
      expect(dockerignore, s).not.toContain(s);
    }
  });

  it('keeps secrets, local state and dependencies out of the build context', () => {
    for (const p of ['.env', 'node_modules', 'var', '*.db']) expect(dockerignore).toContain(p);
  });

  it('builds with npm run build and runs the compiled bot with plain node, as npm run start:prod does', () => {
    expect(of('RUN', stages[0]).some((r) => /\bnpm run build\b/.test(r))).toBe(true);
    // The build writes the search index artefact from data/: data/ is in the build stage before it runs.
    const buildStage = stages[0] ?? [];
    const dataAt = buildStage.findIndex((i) => i.op === 'COPY' && /^data\b/.test(i.args));
    const buildAt = buildStage.findIndex((i) => i.op === 'RUN' && /\bnpm run build\b/.test(i.args));
    expect(dataAt).toBeGreaterThanOrEqual(0);
    expect(dataAt).toBeLessThan(buildAt);
    const cmd = JSON.parse(of('CMD', runtime).at(-1) ?? '[]') as string[];
    // node itself (no npm or tsx in between), its own options only, then the compiled bot.
    expect(cmd[0]).toBe('node');
    expect(cmd.at(-1)).toBe('dist/main.js');
    for (const option of cmd.slice(1, -1)) expect(option).toMatch(/^--[a-z-]+(=\S+)?$/);
    expect(pkg.scripts['start:prod']).toBe(cmd.join(' '));
    // The build emits src/ to dist/ folder for folder: dist/main.js is src/main.ts compiled.
    const build = ts.readConfigFile(join(ROOT, 'tsconfig.build.json'), (f) => ts.sys.readFile(f)).config as {
      extends: string;
      compilerOptions: { outDir: string; rootDir: string; noEmit: boolean };
      include: string[];
    };
    expect(pkg.scripts.build).toContain('tsconfig.build.json');
    expect(build).toMatchObject({ extends: './tsconfig.json', compilerOptions: { outDir: 'dist', rootDir: 'src', noEmit: false }, include: ['src'] });
    expect(existsSync(join(ROOT, 'src/main.ts'))).toBe(true);
  });

  it('keeps TypeScript and tsx out of the image: dev dependencies, pruned, and no source copied into the runtime', () => {
    for (const dev of ['tsx', 'typescript']) {
      expect(pkg.dependencies[dev], dev).toBeUndefined();
      expect(pkg.devDependencies[dev], dev).toBeDefined();
    }
    expect(of('RUN').some((r) => /npm (prune|ci) --omit=dev/.test(r))).toBe(true);
    const copied = of('COPY', runtime).map((c) => c.split(/\s+/));
    expect(copied).toContainEqual(['--from=build', '/app/node_modules', './node_modules']);
    expect(copied).toContainEqual(['--from=build', '/app/dist', './dist']);
    const fromContext = copied.filter((c) => !c[0]?.startsWith('--from')).flatMap((c) => c.slice(0, -1));
    // package.json for "type": "module" (dist/*.js are ES modules); data/ is read beside dist/ at run time.
    expect(fromContext.sort()).toEqual(['data', 'package.json']);
    expect(dockerignore).toContain('dist');
  });

  it('runs as a non-root user, with the database on the /data volume, the port exposed and a health check', () => {
    const users = of('USER', runtime);
    expect(users.length).toBeGreaterThan(0);
    expect(users.at(-1)).not.toMatch(/^(root|0)(:|$)/);
    const userIndex = runtime.findIndex((i) => i.op === 'USER');
    expect(runtime.findIndex((i) => i.op === 'CMD')).toBeGreaterThan(userIndex);
    expect(of('VOLUME', runtime).join(' ')).toMatch(/["\s[]?\/data["\s\]]?/);
    const env = of('ENV', runtime).join(' ');
    expect(env).toContain('DATABASE_URL=file:/data/bot.db');
    const port = /PORT=(\d+)/.exec(env)?.[1];
    expect(of('EXPOSE', runtime)).toContain(port);
    const health = of('HEALTHCHECK', runtime).join(' ');
    expect(health).toContain('/healthz');
    expect(health).toMatch(/CMD \["node", "-e"/);
  });

  it('bakes in no token or secret', () => {
    const settings = [...of('ENV'), ...of('ARG')].join(' ');
    expect(settings).not.toMatch(/TOKEN|SECRET|PASSWORD|KEY/i);
    expect(dockerfile).not.toMatch(/\d{6,12}:[A-Za-z0-9_-]{30,}/);
  });
});

describe('the code the image runs', () => {
  it('imports only production dependencies (dev ones are pruned from the image)', () => {
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        if (e.isDirectory()) walk(join(dir, e.name));
        else if (e.name.endsWith('.ts')) files.push(join(dir, e.name));
      }
    };
    walk(join(ROOT, 'src'));
    const packages = new Set<string>();
    for (const f of files) {
      const text = readFileSync(f, 'utf8');
      for (const m of text.matchAll(/^\s*(?:import|export)\s[^;]*?from\s+'([^'.][^']*)'|\bimport\('([^'.][^']*)'\)/gm)) {
        const spec = m[1] ?? m[2]!;
        if (spec.startsWith('node:')) continue;
        const name = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!;
        // Type-only imports vanish at run time.
        if (/^\s*import\s+type\b/.test(m[0])) continue;
        packages.add(name);
      }
    }
    expect(packages.size).toBeGreaterThan(5);
    for (const p of packages) expect(Object.keys(pkg.dependencies), p).toContain(p);
  });
});
