/**
 * Turns a connection failure into one line that names the service and says how
 * to start it, instead of a stack trace.
 */
const HOW_TO_START: Record<string, string> = {
  MySQL:
    'start it with: start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd ' +
    '(install: apt-get install -y mariadb-server), or: docker compose up -d mysql',
  Redis:
    'start it with: redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no ' +
    '(install: apt-get install -y redis-server), or: docker compose up -d redis',
};

export class ServiceUnreachableError extends Error {
  constructor(service: 'MySQL' | 'Redis', address: string, cause: unknown) {
    const reason = (cause as { code?: string })?.code ?? (cause as Error)?.message ?? String(cause);
    super(`${service} is not reachable at ${address} (${reason}); ${HOW_TO_START[service]}`);
    this.name = 'ServiceUnreachableError';
  }
}

const CONNECTION_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'ETIMEDOUT', 'EHOSTUNREACH', 'ECONNRESET']);

export function isConnectionError(err: unknown): boolean {
  const e = err as { code?: string; errors?: unknown[] };
  if (e?.code && CONNECTION_CODES.has(e.code)) return true;
  // Node's happy-eyeballs connect reports an AggregateError holding the real causes.
  return Array.isArray(e?.errors) && e.errors.some(isConnectionError);
}
