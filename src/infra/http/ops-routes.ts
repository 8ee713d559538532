/** /healthz and /metrics: what a container runtime and Prometheus ask the running bot. */
import type { HttpRoutes } from './http-server.js';

/**
 * How a platform connection stands: `connected`; `disconnected` (starting, or the network or API is down and
 * the bot retries); `conflict` (Telegram: another process polls with this token, see the README); `unauthorized`
 * (the token was refused).
 */
export type PlatformStatus = 'connected' | 'disconnected' | 'conflict' | 'unauthorized';

/** A platform as the health check sees it (RunningPlatform fits). */
export interface HealthPlatform {
  readonly name: string;
  isConnected(): boolean;
  /** A finer status than {@link HealthPlatform.isConnected}, when the platform knows one. */
  status?(): PlatformStatus;
}

/** What the health check looks at; read on every request. */
export interface HealthSources {
  /** The store; absent means the bot runs without one. */
  store?: { checkWrite(): { ok: true } | { ok: false; reason: string } };
  /** The enabled platforms (the list may grow while the bot starts). */
  platforms: readonly HealthPlatform[];
  /** The daily posts (see DailyPostsHealth): `stalled` is unhealthy, `standby` is not. */
  dailyPosts?: () => 'ok' | 'standby' | 'stalled' | 'off';
  /** Whether the bot is shutting down (then it is not healthy: a load balancer should stop sending). */
  stopping?: () => boolean;
}

/** The body of /healthz: each part, and `ok` only when every part is. */
export interface HealthReport {
  status: 'ok' | 'unavailable' | 'stopping';
  /** `failing` when a probe write fails or the last real write failed (disk full, read-only, corrupt). */
  store: 'ok' | 'failing' | 'none';
  /** Why the store fails: the database's error code, such as `SQLITE_FULL`. */
  storeError?: string;
  platforms: Record<string, PlatformStatus>;
  dailyPosts?: 'ok' | 'standby' | 'stalled' | 'off';
}

/** Checks the store (it must be able to write), each platform and the daily posts. */
export function checkHealth(sources: HealthSources): HealthReport {
  let store: HealthReport['store'] = 'none';
  let storeError: string | undefined;
  if (sources.store) {
    const check = safe(() => sources.store!.checkWrite(), { ok: false, reason: 'error' } as const);
    store = check.ok ? 'ok' : 'failing';
    if (!check.ok) storeError = check.reason;
  }
  const platforms: HealthReport['platforms'] = {};
  for (const p of sources.platforms)
    platforms[p.name] = safe(() => p.status?.() ?? (p.isConnected() ? 'connected' : 'disconnected'), 'disconnected' as const);
  const dailyPosts = sources.dailyPosts ? safe(sources.dailyPosts, 'stalled' as const) : undefined;
  const healthy = store !== 'failing' && Object.values(platforms).every((s) => s === 'connected') && dailyPosts !== 'stalled';
  const status = sources.stopping?.() ? 'stopping' : healthy ? 'ok' : 'unavailable';
  return { status, store, ...(storeError ? { storeError } : {}), platforms, ...(dailyPosts ? { dailyPosts } : {}) };
}

/** Something that renders Prometheus text (PrometheusMetrics fits). */
export interface MetricsSource {
  expose(): Promise<{ contentType: string; body: string }>;
}

/**
 * Mounts `GET /healthz` (200 with the {@link HealthReport} as JSON when healthy, else 503) and
 * `GET /metrics` (Prometheus text). Returns a function that removes both.
 */
export function mountOpsRoutes(http: HttpRoutes, sources: HealthSources, metrics: MetricsSource): () => void {
  const unmountHealth = http.route('/healthz', (req, res) => {
    if (!isRead(req.method)) return void res.writeHead(405, { allow: 'GET, HEAD' }).end();
    const report = checkHealth(sources);
    const body = JSON.stringify(report);
    res.writeHead(report.status === 'ok' ? 200 : 503, { 'content-type': 'application/json', 'cache-control': 'no-store' });
    res.end(req.method === 'HEAD' ? undefined : body);
  });
  const unmountMetrics = http.route('/metrics', async (req, res) => {
    if (!isRead(req.method)) return void res.writeHead(405, { allow: 'GET, HEAD' }).end();
    const { contentType, body } = await metrics.expose();
    res.writeHead(200, { 'content-type': contentType, 'cache-control': 'no-store' });
    res.end(req.method === 'HEAD' ? undefined : body);
  });
  return () => {
    unmountHealth();
    unmountMetrics();
  };
}

function isRead(method: string | undefined): boolean {
  return method === 'GET' || method === 'HEAD';
}

/** A check's answer, or `failed` when the check itself throws. */
function safe<T>(check: () => T, failed: T): T {
  try {
    return check();
  } catch {
    return failed;
  }
}
