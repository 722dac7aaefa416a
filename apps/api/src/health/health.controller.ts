import { InjectRedis } from '@app/queue';
import { Controller, Get, VERSION_NEUTRAL } from '@nestjs/common';
import { HealthCheck, HealthCheckService, HealthIndicatorService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import type Redis from 'ioredis';
import { Public } from '../auth/auth.decorators';
import { Operation, Tag } from '../http/openapi-decorators';

@Tag('health')
@Controller({ path: 'health', version: VERSION_NEUTRAL })
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly db: TypeOrmHealthIndicator,
    private readonly indicators: HealthIndicatorService,
    @InjectRedis() private readonly redis: Redis,
  ) {}

  /** Public, for load balancers: 200 when MySQL and Redis answer, 503 otherwise. */
  @Get()
  @Public()
  @HealthCheck()
  @Operation('Whether MySQL and Redis answer')
  check() {
    return this.health.check([() => this.db.pingCheck('mysql', { timeout: 1500 }), () => this.redisUp()]);
  }

  private async redisUp() {
    const indicator = this.indicators.check('redis');
    try {
      const pong = await Promise.race([
        this.redis.ping(),
        new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timeout after 1500 ms')), 1500)),
      ]);
      return pong === 'PONG' ? indicator.up() : indicator.down({ message: `unexpected reply ${pong}` });
    } catch (err) {
      return indicator.down({ message: (err as Error).message });
    }
  }
}
