import type { Principal } from '@app/identity';
import { ScoringService } from '@app/scoring';
import { Body, Controller, Get, Param, ParseIntPipe, Post, Put } from '@nestjs/common';
import { ApiBody, ApiCreatedResponse, ApiOkResponse, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsInt, IsObject, IsOptional, IsPositive, IsString, Length, Matches } from 'class-validator';
import { Allow, Caller } from '../auth/auth.decorators';

export class SetSchemeDto {
  @ApiProperty({
    description: 'scoring scheme configuration; `kind` selects the scheme',
    example: {
      kind: 'judge-panel',
      marks: { min: 0, max: 100, maxDecimals: 2 },
      criteria: [{ key: '总分', aggregate: 'mean', drop: { highest: 1, lowest: 1 } }],
      rounding: { digits: 2, mode: 'half-up' },
    },
  })
  @IsObject()
  scheme: Record<string, unknown>;
}

export class SchemeDto {
  @ApiProperty() itemId: number;
  @ApiProperty({ type: Object }) scheme: Record<string, unknown>;
}

export class AssignJudgeDto {
  @ApiProperty() @IsInt() @IsPositive() userId: number;
}

export class JudgeSeatDto {
  @ApiProperty({ description: 'seat on the panel, from 1' }) seat: number;
  @ApiProperty() userId: number;
  @ApiProperty({ example: '王强' }) realName: string;
}

export class SubmitMarkDto {
  @ApiProperty() @IsInt() @IsPositive() entryId: number;
  @ApiProperty({ example: '86.5', description: 'the mark as decimal text, exactly as written on the sheet' })
  @IsString()
  @Matches(/^-?\d+(\.\d+)?$/, { message: 'value 必须是十进制数字文本，例如 "86.5"' })
  value: string;
  @ApiPropertyOptional({ description: 'criterion key; may be left out when the scheme has one criterion' })
  @IsOptional()
  @IsString()
  @Length(1, 50)
  criterion?: string;
}

export class MarkDto {
  @ApiProperty() entryId: number;
  @ApiProperty() judgeId: number;
  @ApiProperty() criterion: string;
  @ApiProperty({ example: '86.5' }) value: string;
  @ApiProperty({ description: 'the item score version this mark produced' }) scoreVersion: number;
}

@ApiTags('scoring')
@Controller({ path: 'items/:itemId', version: '1' })
export class ScoringController {
  constructor(private readonly scoring: ScoringService) {}

  /** Organizers of the event. */
  @Put('scheme')
  @Allow('organizer')
  @ApiBody({ type: SetSchemeDto })
  @ApiOkResponse({ type: SchemeDto })
  setScheme(@Caller() caller: Principal, @Param('itemId', ParseIntPipe) itemId: number, @Body() dto: SetSchemeDto) {
    return this.scoring.setScheme(caller, itemId, dto.scheme);
  }

  /** Organizers of the event. */
  @Post('judges')
  @Allow('organizer')
  @ApiCreatedResponse({ type: [JudgeSeatDto] })
  assignJudge(@Caller() caller: Principal, @Param('itemId', ParseIntPipe) itemId: number, @Body() dto: AssignJudgeDto) {
    return this.scoring.assignJudge(caller, itemId, dto.userId);
  }

  /** Organizers of the event and the judges on the panel. */
  @Get('judges')
  @Allow('organizer', 'judge')
  @ApiOkResponse({ type: [JudgeSeatDto] })
  panel(@Caller() caller: Principal, @Param('itemId', ParseIntPipe) itemId: number) {
    return this.scoring.panel(caller, itemId);
  }

  /** Judges assigned to the item; a repeat for the same entry and criterion replaces the judge's mark. */
  @Put('marks')
  @Allow('judge')
  @ApiOkResponse({ type: MarkDto })
  submit(@Caller() caller: Principal, @Param('itemId', ParseIntPipe) itemId: number, @Body() dto: SubmitMarkDto) {
    return this.scoring.submitMark(caller, itemId, dto);
  }
}
