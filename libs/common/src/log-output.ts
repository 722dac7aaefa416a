import { hostname } from 'node:os';
import type { DestinationStream, LoggerOptions } from 'pino';
import type PinoPretty from 'pino-pretty';
import { beijingClock } from './local-time';

/** `auto`: short lines when a person watches the terminal, JSON when the output goes to a file, a pipe, CI or a test. */
export type LogFormat = 'auto' | 'json' | 'pretty';

export function logsArePretty(format: LogFormat, stdout: { isTTY?: boolean } = process.stdout): boolean {
  return format === 'pretty' || (format === 'auto' && stdout.isTTY === true);
}

/** The fields every line of an app carries (pino's `base`): bound once to its logger, not to each request's. */
export const logBase = (app: string) => ({ pid: process.pid, hostname: hostname(), app });

/**
 * Nest's own start-up lines: one per module and per route, about ninety for the API alone. They say
 * nothing a person starting the platform acts on; JSON logs keep them for whoever wants to filter.
 */
const NEST_START_UP = new Set(['InstanceLoader', 'RoutesResolver', 'RouterExplorer', 'NestFactory', 'NestApplication']);

interface LogLine {
  msg?: string;
  context?: string;
  req?: { method?: string; url?: string };
  res?: { statusCode?: number };
  responseTime?: number;
}

/** `GET /api/v1/events 200 12 ms` for a request, `TallyService: tallied item 1…` for the rest, each after the app's name. */
export function prettyMessage(app: string, log: LogLine): string {
  const line =
    log.req?.method && log.res?.statusCode
      ? `${log.req.method} ${log.req.url} ${log.res.statusCode} ${Math.round(log.responseTime ?? 0)} ms`
      : `${log.context ? `${log.context}: ` : ''}${log.msg ?? ''}`;
  return `${app.padEnd(6)} ${line}`;
}

/**
 * Pino options and destination for a person's terminal: one short line per entry, time of day in
 * Beijing, Nest's start-up chatter left out (warnings and errors always shown). Written in this
 * thread and synchronously, so the last lines before an exit are not lost.
 */
export function prettyLogger<T extends LoggerOptions>(app: string, options: T, destination: NodeJS.WritableStream | number = 1): [T, DestinationStream] {
  // Loaded here, not at the top: everything imports @app/common, and only a watched terminal needs it.
  const pretty = require('pino-pretty') as typeof PinoPretty;
  const stream = pretty({
    destination,
    sync: true,
    singleLine: true,
    ignore: 'pid,hostname,app,context,req,res,responseTime',
    translateTime: false,
    customPrettifiers: { time: (epochMs) => beijingClock(Number(epochMs)) },
    messageFormat: (log) => prettyMessage(app, log as LogLine),
  });
  const hooks: LoggerOptions['hooks'] = {
    logMethod(args, method, level) {
      const context = (args[0] as { context?: unknown } | undefined)?.context;
      if (level < 40 && typeof context === 'string' && NEST_START_UP.has(context)) return;
      method.apply(this, args);
    },
  };
  return [{ ...options, hooks }, stream];
}
