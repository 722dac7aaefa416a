import { ScansService } from '@app/hiking';
import type { Principal } from '@app/identity';
import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import { Allow, Caller } from '../auth/auth.decorators';
import { ParseIdPipe } from '../http/ids';
import { Operation, Refuses, Tag } from '../http/openapi-decorators';
import { ScanUploadDto, ScanUploadResultDto } from './hiking.dto';

/** Staff devices upload scans: one at a time, or an offline device's backlog in one batch. */
@Tag('hiking')
@Controller({ path: 'hiking', version: '1' })
export class HikingScansController {
  constructor(private readonly scans: ScansService) {}

  @Post('events/:eventId/scans')
  @Allow('checkpoint_staff', 'organizer')
  @HttpCode(200)
  @Operation('Upload scans from a device; each is answered by its index (accepted, repeat or refused)')
  @ApiOkResponse({ type: ScanUploadResultDto, description: 'per scan: accepted with its flags, a repeat of one already stored, or refused with a code' })
  @Refuses({ 404: 'the event has no route' })
  upload(@Caller() caller: Principal, @Param('eventId', ParseIdPipe) eventId: number, @Body() dto: ScanUploadDto) {
    return this.scans.upload(caller, eventId, dto);
  }
}
