import { EventsError, EventsErrorCode, EventsModule, EventsService } from '@app/events';
import type { Principal } from '@app/identity';
import { Controller, Get, Module, Param } from '@nestjs/common';
import { Allow, Caller } from '../../../apps/api/src/auth/auth.decorators';
import { ParseIdPipe } from '../../../apps/api/src/http/ids';

/**
 * Test-only routes, mounted beside the API to show that the refusal matrix sees routes nobody told
 * it about, and what it makes of them: one that checks the organisation it acts on, one that
 * forgets to, and two that answer a stranger 404 as if the event did not exist, one of them
 * giving itself away by its code.
 */
@Controller({ path: 'matrix-probe', version: '1' })
export class MatrixProbeController {
  constructor(private readonly events: EventsService) {}

  @Get(':eventId')
  @Allow('organizer')
  async event(@Caller() caller: Principal, @Param('eventId', ParseIdPipe) eventId: number) {
    const { id, name } = await this.events.assertManager(caller, eventId);
    return { id, name };
  }

  /** The role is checked, the organisation is not: any organizer reads any event. */
  @Get(':eventId/leaky')
  @Allow('organizer')
  async leaky(@Param('eventId', ParseIdPipe) eventId: number) {
    const { id, name } = await this.events.event(eventId);
    return { id, name };
  }

  @Get(':eventId/hidden')
  @Allow('organizer')
  async hidden(@Caller() caller: Principal, @Param('eventId', ParseIdPipe) eventId: number) {
    return this.hide(caller, eventId, EventsErrorCode.EventNotFound);
  }

  /** Hides the event behind a 404 whose code differs from the one "no such event" gets. */
  @Get(':eventId/half-hidden')
  @Allow('organizer')
  async halfHidden(@Caller() caller: Principal, @Param('eventId', ParseIdPipe) eventId: number) {
    return this.hide(caller, eventId, EventsErrorCode.ItemNotFound);
  }

  private async hide(caller: Principal, eventId: number, code: EventsErrorCode) {
    const event = await this.events.event(eventId);
    if (!(await this.events.manages(caller, event))) throw new EventsError('not_found', code, `赛事不存在：${eventId}`);
    return { id: event.id, name: event.name };
  }
}

@Module({ imports: [EventsModule], controllers: [MatrixProbeController] })
export class MatrixProbeModule {}

const base = 'GET /api/v1/matrix-probe/:eventId';
export const PROBE_KEYS = { checked: base, leaky: `${base}/leaky`, hidden: `${base}/hidden`, halfHidden: `${base}/half-hidden` };
