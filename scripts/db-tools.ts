import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Readable, Writable } from 'node:stream';
import type { AppConfig } from '@app/config';

/** The server's own command-line tools: they dump and load what our driver cannot (routines, triggers, a consistent snapshot). */
const TOOLS = {
  mariadb: { dump: 'mariadb-dump', client: 'mariadb', install: 'apt-get install -y mariadb-client' },
  mysql: { dump: 'mysqldump', client: 'mysql', install: 'apt-get install -y mysql-client' },
} as const;

/**
 * Runs `mariadb-dump`/`mariadb` (or MySQL's) against the configured server. The password goes in an
 * option file only this user can read, never on the command line where `ps` shows it. `input` is fed
 * to the tool's stdin; its stdout goes through `output` (a compressor and a file, say).
 */
export async function runTool(
  config: AppConfig,
  tool: 'dump' | 'client',
  args: string[],
  io: { input?: Readable[]; output?: Array<Writable | NodeJS.ReadWriteStream> } = {},
): Promise<void> {
  const binary = TOOLS[config.DB_TYPE][tool];
  const dir = mkdtempSync(join(tmpdir(), 'ue-db-'));
  try {
    const options: string[] = [];
    if (config.DB_PASSWORD) {
      const file = join(dir, 'client.cnf');
      writeFileSync(file, `[client]\npassword="${config.DB_PASSWORD.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"\n`, { mode: 0o600 });
      options.push(`--defaults-extra-file=${file}`); // must come first
    }
    options.push(...(config.DB_SOCKET ? [`--socket=${config.DB_SOCKET}`] : [`--host=${config.DB_HOST}`, `--port=${config.DB_PORT}`, '--protocol=TCP']));
    options.push(`--user=${config.DB_USER}`, '--default-character-set=utf8mb4');

    const child = spawn(binary, [...options, ...args], { stdio: [io.input ? 'pipe' : 'ignore', io.output ? 'pipe' : 'ignore', 'pipe'] });
    const stderr: string[] = [];
    child.stderr!.on('data', (d) => stderr.push(String(d)));
    const exited = new Promise<number | null>((resolve, reject) => {
      child.once('error', (err: NodeJS.ErrnoException) =>
        reject(err.code === 'ENOENT' ? new Error(`${binary} is not installed (install: ${TOOLS[config.DB_TYPE].install})`) : err),
      );
      child.once('close', resolve);
    });
    const streams = [
      io.input && pipeline([...io.input, child.stdin!] as unknown as [Readable, Writable]),
      io.output && pipeline([child.stdout!, ...io.output] as unknown as [Readable, Writable]),
    ];
    const broken: string[] = [];
    const [code] = await Promise.all([exited, ...streams.map((p) => p?.catch((err: Error) => broken.push(err.message)))]);
    if (code !== 0) throw new Error(`${binary} failed (exit ${code}): ${stderr.join('').trim() || broken.join('; ') || 'no message'}`);
    if (broken.length) throw new Error(`${binary}: ${broken.join('; ')}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
