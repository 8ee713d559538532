/** /healthz and /metrics: what a container runtime and Prometheus ask the running bot. */
import type { HttpRoutes } from './http-server.js';

/** A platform as the health check sees it (RunningPlatform fits). */
export interface HealthPlatform {
  readonly name: string;
  isConnected(): boolean;
}

/** What the health check looks at; read on every request. */
export interface HealthSources {
  /** The store; absent means the bot runs without one. */
  store?: { ping(): boolean };
  /** The enabled platforms (the list may grow while the bot starts). */
  platforms: readonly HealthPlatform[];
  /** Whether the bot is shutting down (then it is not healthy: a load balancer should stop sending). */
  stopping?: () => boolean;
}

/** The body of /healthz. */
export interface HealthReport {
  status: 'ok' | 'unavailable' | 'stopping';
  store: 'ok' | 'failing' | 'none';
  platforms: Record<string, 'connected' | 'disconnected'>;
}

/** Checks the store and each platform; `ok` only when the store answers and every platform is connected. */
export function checkHealth(sources: HealthSources): HealthReport {
  const store = sources.store ? (safe(() => sources.store!.ping()) ? 'ok' : 'failing') : 'none';
  const platforms: HealthReport['platforms'] = {};
  for (const p of sources.platforms) platforms[p.name] = safe(() => p.isConnected()) ? 'connected' : 'disconnected';
  const healthy = store !== 'failing' && Object.values(platforms).every((s) => s === 'connected');
  const status = sources.stopping?.() ? 'stopping' : healthy ? 'ok' : 'unavailable';
  return { status, store, platforms };
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

function safe(check: () => boolean): boolean {
  try {
    return check();
  } catch {
    return false;
  }
}
