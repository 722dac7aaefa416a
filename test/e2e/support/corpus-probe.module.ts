import { EventsModule, EventsService } from '@app/events';
import type { Principal } from '@app/identity';
import { Body, Controller, Module, Param, Put } from '@nestjs/common';
import { IsBoolean, IsOptional, IsString, Length } from 'class-validator';
import { Allow, Caller } from '../../../apps/api/src/auth/auth.decorators';
import { ParseIdPipe } from '../../../apps/api/src/http/ids';
import { OptionalField } from '../../../apps/api/src/http/optional';

export class ProbeNoteDto {
  @IsString() @Length(1, 20) note: string;
  @OptionalField() @IsBoolean() urgent?: boolean;
}

/** The same fields, with class-validator's IsOptional, which lets null through to the handler. */
export class LooseProbeNoteDto {
  @IsString() @Length(1, 20) note: string;
  @IsOptional() @IsBoolean() urgent?: boolean;
}

/**
 * Test-only routes, mounted beside the API to show that the bad-input corpus covers a route nobody
 * told it about, from its DTO alone: one validated as the product's routes are, one whose DTO lets
 * `null` reach a handler that does not expect it.
 */
@Controller({ path: 'corpus-probe', version: '1' })
export class CorpusProbeController {
  constructor(private readonly events: EventsService) {}

  @Put(':eventId/note')
  @Allow('organizer')
  async note(@Caller() caller: Principal, @Param('eventId', ParseIdPipe) eventId: number, @Body() dto: ProbeNoteDto) {
    await this.events.assertManager(caller, eventId);
    return { note: dto.note, urgent: dto.urgent === true };
  }

  @Put(':eventId/loose-note')
  @Allow('organizer')
  async looseNote(@Caller() caller: Principal, @Param('eventId', ParseIdPipe) eventId: number, @Body() dto: LooseProbeNoteDto) {
    await this.events.assertManager(caller, eventId);
    return { note: dto.note, urgent: dto.urgent === undefined ? false : dto.urgent!.valueOf() };
  }
}

@Module({ imports: [EventsModule], controllers: [CorpusProbeController] })
export class CorpusProbeModule {}
