import { AuthService, IdentityErrorCode, type Principal } from '@app/identity';
import { JobQueues, QUEUES } from '@app/queue';
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter } from '@bull-board/fastify';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { createHash } from 'node:crypto';

export const QUEUE_BOARD_PATH = '/admin/queues';
/** A browser asks for every asset with the same Basic credentials: argon2 once a minute, not per request. */
const BASIC_CACHE_MS = 60_000;

/**
 * The queue dashboard (bull-board): every queue's jobs, failures and retries,
 * for platform admins only. A browser signs in with an admin's username and
 * password (HTTP Basic, through the same rate-limited login); scripts may send
 * an admin's Bearer token.
 */
export async function mountQueueBoard(app: NestFastifyApplication): Promise<void> {
  const auth = app.get(AuthService);
  const jobQueues = app.get(JobQueues);
  const queues = Object.values(QUEUES).map((name) => jobQueues.queue(name));
  const serverAdapter = new FastifyAdapter();
  serverAdapter.setBasePath(QUEUE_BOARD_PATH);
  createBullBoard({ queues: queues.map((q) => new BullMQAdapter(q)), serverAdapter, options: { uiConfig: { boardTitle: '赛事平台队列' } } });

  // A browser sends Basic credentials with every request; argon2 on each would be slow, so the token a
  // login gave is kept and verified per request instead, which still sees a revoked or disabled admin.
  const basicTokens = new Map<string, { token: string; until: number }>();
  const isAdmin = (p: Principal | undefined) => !!p?.roles.some((r) => r.role === 'admin');
  const principalOf = async (header: string | undefined, address: string): Promise<Principal | undefined> => {
    const bearer = header?.match(/^Bearer\s+(\S+)$/i)?.[1];
    if (bearer) return auth.verify(bearer).catch(() => undefined);
    const basic = header?.match(/^Basic\s+(\S+)$/i)?.[1];
    if (!basic) return undefined;
    const key = createHash('sha256').update(basic).digest('hex');
    const kept = basicTokens.get(key);
    if (kept && kept.until > Date.now()) return auth.verify(kept.token).catch(() => undefined);
    const decoded = Buffer.from(basic, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon < 0) return undefined;
    const token = await auth.login(decoded.slice(0, colon), decoded.slice(colon + 1), address).catch(() => undefined);
    const principal = token && (await auth.verify(token.accessToken));
    if (token && isAdmin(principal)) basicTokens.set(key, { token: token.accessToken, until: Date.now() + BASIC_CACHE_MS });
    return principal;
  };

  const fastify = app.getHttpAdapter().getInstance();
  await fastify.register(async (scope) => {
    scope.addHook('onRequest', async (req: FastifyRequest, reply: FastifyReply) => {
      const principal = await principalOf(req.headers.authorization, req.ip);
      if (isAdmin(principal)) return;
      const status = principal ? 403 : 401;
      if (!principal) void reply.header('www-authenticate', 'Basic realm="union-events queues", charset="UTF-8"');
      return reply.code(status).send({
        statusCode: status,
        code: principal ? IdentityErrorCode.Forbidden : IdentityErrorCode.BadCredentials,
        message: principal ? '队列面板仅限平台管理员' : '请以平台管理员身份登录',
      });
    });
    await scope.register(serverAdapter.registerPlugin(), { prefix: QUEUE_BOARD_PATH });
  });
}
