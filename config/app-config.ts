import { availableParallelism } from 'node:os';
import { plainToInstance, Transform } from 'class-transformer';
import { IsIn, IsInt, IsNotEmpty, IsString, Matches, Max, Min, MinLength, validateSync } from 'class-validator';

const toInt = ({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : Number(value));

/**
 * All configuration, read from the environment once at boot and validated.
 * Every default works on a local machine (MySQL root@127.0.0.1 without a
 * password, Redis on 127.0.0.1:6379); production must set JWT_SECRET and PII_KEY.
 */
export class AppConfig {
  @IsIn(['development', 'test', 'production'])
  NODE_ENV: 'development' | 'test' | 'production' = 'development';

  @IsString() HTTP_HOST = '0.0.0.0';
  @Transform(toInt) @IsInt() @Min(0) @Max(65535) HTTP_PORT = 3000;
  /**
   * The reverse proxies whose X-Forwarded-For we believe, as addresses or CIDR ranges separated by
   * commas (e.g. 10.0.0.5,10.1.0.0/16). Unset: none, so the client address is the socket's peer and a
   * caller cannot choose the address the login limits count against.
   */
  @IsString() TRUST_PROXY = '';

  /** 'mariadb' for MariaDB 10.11 (our machines), 'mysql' for MySQL 8: TypeORM reads their catalogues differently. */
  @IsIn(['mariadb', 'mysql']) DB_TYPE: 'mariadb' | 'mysql' = 'mariadb';
  @IsString() @IsNotEmpty() DB_HOST = '127.0.0.1';
  @Transform(toInt) @IsInt() @Min(1) @Max(65535) DB_PORT = 3306;
  @IsString() @IsNotEmpty() DB_USER = 'root';
  @IsString() DB_PASSWORD = '';
  @IsString() @IsNotEmpty() DB_NAME = 'union_events';
  @Transform(toInt) @IsInt() @Min(1) @Max(500) DB_POOL_SIZE = 20;
  /** The server's Unix socket, when it runs on this host: cheaper per statement than TCP. Unset: DB_HOST and DB_PORT. */
  @IsString() DB_SOCKET = '';

  @IsString() @IsNotEmpty() REDIS_HOST = '127.0.0.1';
  @Transform(toInt) @IsInt() @Min(1) @Max(65535) REDIS_PORT = 6379;
  @Transform(toInt) @IsInt() @Min(0) @Max(15) REDIS_DB = 0;
  /** Key prefix of every BullMQ queue; lets tests share a Redis with a dev instance. */
  @IsString() @IsNotEmpty() QUEUE_PREFIX = 'ue';

  @IsString() @MinLength(16) JWT_SECRET = 'dev-only-jwt-secret-change-me-in-production';
  @Transform(toInt) @IsInt() @Min(60) JWT_TTL_S = 3600;
  /** Key for the keyed hashes that let us find personal numbers without storing them in clear. */
  @IsString() @MinLength(16) PII_KEY = 'dev-only-pii-key-change-me-in-production';

  /**
   * How long an API process may keep a token's standing (its version, the user's roles, a disabled
   * mark) before it reads it again. A change of access is announced to every process at once; one
   * that did not hear it still stops a revoked token within this many seconds. 0 keeps nothing.
   */
  @Transform(toInt) @IsInt() @Min(0) @Max(5) SESSION_CACHE_S = 5;

  /** Failed logins in a row for one account from one address before that pair is locked out for LOGIN_WINDOW_S. */
  @Transform(toInt) @IsInt() @Min(1) LOGIN_MAX_ATTEMPTS = 10;
  @Transform(toInt) @IsInt() @Min(1) LOGIN_WINDOW_S = 300;
  /**
   * Failed logins for one account from anywhere before each further attempt waits (0.25 s, doubling
   * up to LOGIN_MAX_DELAY_MS). A delay, never a lock: the owner can always still sign in.
   */
  @Transform(toInt) @IsInt() @Min(1) LOGIN_FREE_FAILURES = 5;
  @Transform(toInt) @IsInt() @Min(0) @Max(30000) LOGIN_MAX_DELAY_MS = 8000;
  /** Failed logins from one address per LOGIN_WINDOW_S: high, since thousands of workers may share one enterprise NAT. */
  @Transform(toInt) @IsInt() @Min(1) LOGIN_MAX_FAILURES_PER_ADDRESS = 2000;

  /**
   * Rows a roster file may have after its header, blank ones included. Past it the upload is refused
   * as soon as the reader gets there, without unpacking the rest: a 5 MB workbook can hold a million
   * rows. The checks take at most 5,000 people per import; the rest is room for blank lines.
   */
  @Transform(toInt) @IsInt() @Min(1) @Max(1_048_575) ROSTER_MAX_ROWS = 20_000;
  /**
   * Worker threads per API process that read roster files, so a big file never holds up the event
   * loop. One leaves the other core to the API on a two-core machine; further uploads wait their turn.
   */
  @Transform(toInt) @IsInt() @Min(1) @Max(16) ROSTER_READ_THREADS = 1;

  @Transform(toInt) @IsInt() @Min(10) OUTBOX_POLL_MS = 100;
  /** How often a hiking route with walkers still out is swept for newly overdue walkers to alert organizers of. */
  @Transform(toInt) @IsInt() @Min(100) @Max(3_600_000) HIKING_SWEEP_MS = 60_000;
  /**
   * How old a safety board an API process may give (ms): its readers share one computation per route
   * this often, however many staff phones ask. 0: every reader gets one begun after they asked.
   */
  @Transform(toInt) @IsInt() @Min(0) @Max(60_000) HIKING_BOARD_MAX_AGE_MS = 1000;
  /**
   * The map tiles behind the safety board, as a Leaflet URL template (https://tiles.example.cn/{z}/{x}/{y}.png),
   * e.g. a tile server inside the venue's network. Empty: the board draws checkpoints and route on a plain background.
   */
  @Matches(/^$|^(?=.*\{z\})(?=.*\{x\})(?=.*\{y\})https?:\/\/[^/\s]+\/\S*$/, { message: 'HIKING_MAP_TILES must be an http(s) URL template with {z}, {x} and {y}, or empty' })
  HIKING_MAP_TILES = '';
  /**
   * Days an outbox row is kept after its job reached Redis (to see what was sent when); rows not
   * yet dispatched are never removed. The worker's relay process prunes every RETENTION_EVERY_S.
   */
  @Transform(toInt) @IsInt() @Min(1) OUTBOX_RETENTION_DAYS = 7;
  /** Days the record of a sent e-mail, SMS or webhook is kept; pending and failed ones, and the inbox, are kept. */
  @Transform(toInt) @IsInt() @Min(1) DELIVERY_RETENTION_DAYS = 90;
  @Transform(toInt) @IsInt() @Min(1) RETENTION_EVERY_S = 3600;
  /**
   * Jobs a worker process runs at once, per queue. A tally is JavaScript on one thread between its
   * reads and writes: two keep the thread busy while the other waits on MySQL; more only hold more
   * items in memory at once, which costs garbage collection rather than buying speed.
   */
  @Transform(toInt) @IsInt() @Min(1) @Max(64) WORKER_CONCURRENCY = 2;
  /**
   * Worker processes, each running every queue with WORKER_CONCURRENCY jobs; the first also runs the
   * outbox relay. 0: one per CPU core, at most 4. A tally's JavaScript runs on one thread, so one
   * process uses one core however many jobs it runs; with one per core a full re-tally shares the
   * cores with MySQL instead of leaving all but one idle.
   */
  @Transform(toInt) @IsInt() @Min(0) @Max(64) WORKER_PROCESSES = 0;
  /** Fault injection for the crash test: each tally holds its transaction open this long after writing. Leave 0. */
  @Transform(toInt) @IsInt() @Min(0) @Max(60_000) FAULT_TALLY_PAUSE_MS = 0;

  /** Where links in messages point (certificates, the inbox). */
  @IsString() @IsNotEmpty() PUBLIC_URL = 'http://localhost:3000';
  /** SMTP server for e-mail, e.g. smtp://user:pass@smtp.example.com:587. Unset: no e-mail channel. */
  @IsString() SMTP_URL = '';
  @IsString() @IsNotEmpty() MAIL_FROM = '"杭州市总工会赛事平台" <noreply@union-events.local>';
  /** The SMS provider's HTTP endpoint (JSON POST of number, text and idempotency key). Unset: no SMS channel. */
  @IsString() SMS_GATEWAY_URL = '';
  @IsString() SMS_GATEWAY_TOKEN = '';
  /** Without SMS_GATEWAY_URL, outside production: sign-up and reset codes are logged and appended to this file (JSON lines), for local runs and tests. */
  @IsString() SMS_SINK_FILE = '';
  /** Seconds between two sign-up or reset codes to one number. */
  @Transform(toInt) @IsInt() @Min(1) SMS_CODE_INTERVAL_S = 60;
  /**
   * Webhooks to private or loopback addresses (an internal system's receiver): allowed except in
   * production. Where refused, a webhook's host name is resolved when each delivery is sent and the
   * delivery connects only to the address checked, so a name pointing into our network gets nowhere.
   */
  @IsIn(['true', 'false', '']) WEBHOOK_ALLOW_PRIVATE = '';
  @Transform(toInt) @IsInt() @Min(100) @Max(60_000) WEBHOOK_TIMEOUT_MS = 5000;
  /** Tries per external delivery and the first retry's delay (doubling after): 8 tries span about four minutes. */
  @Transform(toInt) @IsInt() @Min(1) @Max(50) NOTIFY_ATTEMPTS = 8;
  @Transform(toInt) @IsInt() @Min(10) NOTIFY_BACKOFF_MS = 2000;
  /** Rate limits per channel, in deliveries per second per worker process (a provider's quota, a mail server's patience). */
  @Transform(toInt) @IsInt() @Min(1) NOTIFY_EMAIL_PER_S = 20;
  @Transform(toInt) @IsInt() @Min(1) NOTIFY_SMS_PER_S = 10;
  @Transform(toInt) @IsInt() @Min(1) NOTIFY_WEBHOOK_PER_S = 50;
  /** Inbox jobs per second; each writes up to NOTIFY_BATCH messages in one transaction. */
  @Transform(toInt) @IsInt() @Min(1) NOTIFY_INBOX_PER_S = 200;
  @Transform(toInt) @IsInt() @Min(1) @Max(5000) NOTIFY_BATCH = 500;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';
  /** auto: short lines on a terminal, JSON (pino, one object per line) when the output is a file, a pipe, CI or a test. */
  @IsIn(['auto', 'json', 'pretty']) LOG_FORMAT: 'auto' | 'json' | 'pretty' = 'auto';

  /**
   * Origins beside our own that pages may load images from (a map tile server, say), separated by
   * commas, e.g. https://tiles.example.com. The Content-Security-Policy allows nothing else from outside.
   */
  @Matches(/^(https:\/\/[a-z0-9.-]+(:\d+)?)?(,\s*https:\/\/[a-z0-9.-]+(:\d+)?)*$/i, { message: 'CSP_IMG_ORIGINS must be https:// origins separated by commas' })
  CSP_IMG_ORIGINS = '';

  /** WORKER_PROCESSES, with 0 resolved for this machine. */
  get workerProcesses(): number {
    return this.WORKER_PROCESSES || Math.max(1, Math.min(availableParallelism(), 4));
  }

  get dbAddress(): string {
    return this.DB_SOCKET || `${this.DB_HOST}:${this.DB_PORT}`;
  }
  /** Where mysql2 connects: the socket when one is set, else host and port. */
  get dbEndpoint(): { socketPath: string } | { host: string; port: number } {
    return this.DB_SOCKET ? { socketPath: this.DB_SOCKET } : { host: this.DB_HOST, port: this.DB_PORT };
  }
  get webhooksMayBePrivate(): boolean {
    return this.WEBHOOK_ALLOW_PRIVATE === '' ? this.NODE_ENV !== 'production' : this.WEBHOOK_ALLOW_PRIVATE === 'true';
  }
  /** TRUST_PROXY as Fastify takes it: false, or the list of trusted proxies. */
  get trustedProxies(): false | string[] {
    const list = this.TRUST_PROXY.split(',').map((s) => s.trim()).filter(Boolean);
    return list.length ? list : false;
  }
  /** CSP_IMG_ORIGINS, and the map tiles' host when HIKING_MAP_TILES is set (its {s} subdomains as a wildcard). */
  get cspImgOrigins(): string[] {
    const tiles = this.HIKING_MAP_TILES ? [this.HIKING_MAP_TILES.match(/^https?:\/\/[^/]+/)![0].replace('{s}', '*')] : [];
    return [...this.CSP_IMG_ORIGINS.split(',').map((s) => s.trim()).filter(Boolean), ...tiles];
  }
  get redisAddress(): string {
    return `${this.REDIS_HOST}:${this.REDIS_PORT}`;
  }
}

export class ConfigError extends Error {}

const DEV_SECRETS = ['JWT_SECRET', 'PII_KEY'] as const;

/** Reads and validates the environment; throws one readable error listing every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const defaults = new AppConfig();
  // An empty variable counts as unset (for DB_PASSWORD the default is empty anyway).
  const raw = Object.fromEntries(
    Object.keys(defaults)
      .filter((key) => env[key] !== undefined && env[key] !== '')
      .map((key) => [key, env[key]]),
  );
  const config = plainToInstance(AppConfig, raw, { exposeDefaultValues: true });
  const errors = validateSync(config, { whitelist: true });
  if (errors.length) {
    const lines = errors.map((e) => `${e.property}=${JSON.stringify(raw[e.property] ?? e.value)}: ${Object.values(e.constraints ?? {}).join('; ')}`);
    throw new ConfigError(`Invalid configuration:\n  ${lines.join('\n  ')}`);
  }
  if (config.NODE_ENV === 'production') {
    const unset = DEV_SECRETS.filter((k) => config[k] === defaults[k]);
    if (unset.length) throw new ConfigError(`Invalid configuration: set ${unset.join(' and ')} in production`);
  }
  return config;
}
