import type { AppConfig } from '@app/config';
import Redis, { type RedisOptions } from 'ioredis';
import { workerRedisOptions } from './redis-options';

export interface ChannelHandlers {
  /** A message published on the channel. */
  message: (message: string) => void;
  /** What went wrong, for the log: the connection retries for as long as it takes. */
  warn: (text: string) => void;
  /** The channel is subscribed, at first and again after each reconnect: announcements arrive from now on. */
  subscribed?: () => void;
}

/**
 * A connection of its own listening on one Redis channel (a subscribed connection can do nothing
 * else), subscribing whenever it is ready. Pub/sub keeps nothing for a listener that was away: what
 * a caller keeps from announcements it drops when the connection closes.
 */
export function listenOn(config: AppConfig, channel: string, handlers: ChannelHandlers): Redis {
  const sub = new Redis(workerRedisOptions(config) as RedisOptions);
  sub.on('error', (err: Error) => handlers.warn(err.message));
  sub.on('message', (_channel: string, message: string) => handlers.message(message));
  sub.on('ready', () => void sub.subscribe(channel).then(() => handlers.subscribed?.(), (err: Error) => handlers.warn(`could not subscribe to ${channel}: ${err.message}`)));
  return sub;
}
