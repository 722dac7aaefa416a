import type { Principal } from '@app/identity';
import { JudgeAssignments } from '@app/scoring';
import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiProperty } from '@nestjs/swagger';
import { Allow, Caller } from '../auth/auth.decorators';
import { Operation, Refuses, Tag } from '../http/openapi-decorators';

export class MyAssignmentDto {
  @ApiProperty() itemId: number;
  @ApiProperty({ example: '数控车工' }) itemName: string;
  @ApiProperty() eventId: number;
  @ApiProperty({ example: '全市职工数控技能竞赛' }) eventName: string;
  @ApiProperty({ example: 'in_progress' }) eventStatus: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) startsAt: Date | null;
  @ApiProperty({ description: 'the chief judge locks sheets and corrects submitted marks' }) chief: boolean;
  @ApiProperty({ enum: ['draft', 'submitted', 'locked'], nullable: true, description: "the judge's own sheet of the latest round; null before a first mark" })
  sheetStatus: string | null;
}

@Tag('scoring')
@Controller({ path: 'me/judging', version: '1' })
export class MyJudgingController {
  constructor(private readonly assignments: JudgeAssignments) {}

  /** The caller's own panels only. */
  @Get()
  @Allow('judge')
  @Operation('The items the calling judge sits on, with their own sheet status')
  @ApiOkResponse({ type: [MyAssignmentDto] })
  @Refuses({})
  mine(@Caller() caller: Principal) {
    return this.assignments.mine(caller);
  }
}
