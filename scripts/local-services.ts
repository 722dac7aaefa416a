import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { connect } from 'node:net';
import type { AppConfig } from '@app/config';

/** How to start each service from Debian's packages when it is installed here but not running. */
const SERVICES = {
  MySQL: {
    binary: '/usr/sbin/mariadbd',
    start: ['start-stop-daemon', '--start', '--oknodo', '--background', '--exec', '/usr/sbin/mariadbd'],
    install: 'apt-get install -y mariadb-server',
  },
  Redis: {
    binary: '/usr/bin/redis-server',
    start: ['redis-server', '--daemonize', 'yes', '--bind', '127.0.0.1', '-::1', '--port', '6379', '--save', '', '--appendonly', 'no'],
    install: 'apt-get install -y redis-server',
  },
} as const;

function listening(host: string, port: number, timeoutMs = 500): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

async function ensure(name: keyof typeof SERVICES, host: string, port: number, defaultPort: number): Promise<void> {
  if (await listening(host, port)) return;
  const svc = SERVICES[name];
  const local = ['127.0.0.1', 'localhost', '::1'].includes(host) && port === defaultPort;
  if (!local) throw new Error(`${name} is not reachable at ${host}:${port}; start it there (this command only starts local servers)`);
  if (!existsSync(svc.binary)) {
    throw new Error(`${name} is not running and not installed; install it with: ${svc.install} (or run: docker compose up -d)`);
  }
  console.log(`${name} is not running on ${host}:${port}; starting the local server: ${svc.start.join(' ')}`);
  const res = spawnSync(svc.start[0], svc.start.slice(1), { stdio: 'inherit' });
  if (res.status !== 0) throw new Error(`could not start ${name}: ${svc.start.join(' ')} exited with ${res.status}`);
  for (let i = 0; i < 60; i++) {
    if (await listening(host, port)) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${name} was started but is not accepting connections on ${host}:${port} after 30 s`);
}

/** Makes sure MySQL and Redis answer, starting local ones from the OS packages when needed. */
export async function ensureLocalServices(config: AppConfig): Promise<void> {
  await ensure('MySQL', config.DB_HOST, config.DB_PORT, 3306);
  await ensure('Redis', config.REDIS_HOST, config.REDIS_PORT, 6379);
}
