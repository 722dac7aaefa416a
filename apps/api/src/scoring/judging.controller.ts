import { OptionalField } from '../http/optional';
import type { Principal } from '@app/identity';
import { EventsService } from '@app/events';
import { ScoringService } from '@app/scoring';
import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ParseIdPipe } from '../http/ids';
import { ApiOkResponse, ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Operation, Refuses, Tag } from '../http/openapi-decorators';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsNumberString, IsObject, IsString, Length, ValidateNested } from 'class-validator';
import { Allow, Caller } from '../auth/auth.decorators';
import { RoundQueryDto } from './sheets.dto';

export class PreviewRowInputDto {
  @ApiProperty({ example: '选手A' }) @IsString() @Length(1, 60) id: string;
  @ApiProperty({ type: 'object', additionalProperties: true, example: { marks: ['7.5', '8', '8', '8.5', '7.5', '8', '8'], difficulty: '3.0' } }) @IsObject() input: Record<string, unknown>;
}

export class PreviewDto {
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'a scheme configuration, as for PUT /items/{itemId}/scheme' }) @IsObject() scheme: Record<string, unknown>;
  @ApiProperty({ type: [PreviewRowInputDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => PreviewRowInputDto)
  rows: PreviewRowInputDto[];
}

export class TieBreakKeyDto {
  @ApiProperty({ example: 'tes' }) name: string;
  @ApiProperty({ nullable: true, type: String, description: 'decimal text; null ranks after any value' }) value: string | null;
  @ApiProperty({ enum: ['higher', 'lower'] }) better: string;
}

export class PreviewRowDto {
  @ApiProperty() id: string;
  @ApiProperty({ nullable: true, type: Number }) place: number | null;
  @ApiProperty() tied: boolean;
  @ApiProperty({ nullable: true, type: Number, description: '0: separated by the total; k: by the k-th tie-breaker' }) decidedBy: number | null;
  @ApiProperty({ nullable: true, type: String }) total: string | null;
  @ApiProperty() status: string;
  @ApiProperty({ type: [String], example: [] }) flags: string[];
  @ApiProperty({ type: [TieBreakKeyDto] }) tieBreakKeys: TieBreakKeyDto[];
  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true, description: 'how the total came about (per scheme kind)' }) breakdown: unknown;
}

export class DeviationQueryDto extends RoundQueryDto {
  @ApiPropertyOptional({ example: '1.5', description: 'a mark further than this from the other judges’ mean is flagged (default 1)' })
  @OptionalField()
  @IsNumberString()
  markThreshold?: string;
  @ApiPropertyOptional({ example: '5', description: 'a judge whose deviations add up beyond this is flagged (default 5)' })
  @OptionalField()
  @IsNumberString()
  judgeThreshold?: string;
  @ApiPropertyOptional({ enum: ['absolute', 'signed'], description: 'signed shows a bias in one direction (default absolute)' })
  @OptionalField()
  @IsIn(['absolute', 'signed'])
  sumMode?: 'absolute' | 'signed';
}

export class ConflictRuleDto {
  @ApiProperty({ enum: ['warn', 'block'] }) @IsIn(['warn', 'block']) conflictOfInterest: 'warn' | 'block';
}

export class ConflictRuleViewDto extends ConflictRuleDto {
  @ApiProperty() eventId: number;
}

export class DeviationMarkDto {
  @ApiProperty({ description: 'the judge (user id as text)' }) judge: string;
  @ApiProperty({ nullable: true, type: String, example: '8.5' }) mark: string | null;
  @ApiProperty({ nullable: true, type: String, description: "the other judges' mean" }) othersMean: string | null;
  @ApiProperty({ nullable: true, type: String, example: '-1.25' }) deviation: string | null;
  @ApiProperty() flagged: boolean;
}

export class DeviationRowDto {
  @ApiProperty({ example: '812:总分', description: '<entryId>:<criterion>' }) key: string;
  @ApiProperty({ type: [DeviationMarkDto] }) marks: DeviationMarkDto[];
}

export class DeviationJudgeDto {
  @ApiProperty() judge: string;
  @ApiProperty({ description: 'marks given' }) marks: number;
  @ApiProperty({ example: '3.50' }) deviationSum: string;
  @ApiProperty() flaggedMarks: number;
  @ApiProperty() flagged: boolean;
}

export class JudgeDeviationDto {
  @ApiProperty({ type: [DeviationRowDto] }) rows: DeviationRowDto[];
  @ApiProperty({ type: [DeviationJudgeDto] }) judges: DeviationJudgeDto[];
  @ApiProperty({ enum: ['absolute', 'signed'] }) sumMode: string;
  @ApiProperty({ example: '1' }) markThreshold: string;
  @ApiProperty({ example: '5' }) judgeThreshold: string;
  @ApiProperty({ type: [Number], description: 'the panel, in seat order' }) judgeIds: number[];
}

@Tag('scoring')
@Controller({ version: '1' })
export class JudgingController {
  constructor(
    private readonly scoring: ScoringService,
    private readonly events: EventsService,
  ) {}

  /** Organizers: a scheme against sample marks, before the event; invalid configurations are refused with the reason. */
  @Post('scoring/preview')
  @HttpCode(200)
  @Allow('organizer')
  @Operation('Try a scoring scheme on sample marks')
  @ApiOkResponse({ type: [PreviewRowDto] })
  previewScheme(@Body() dto: PreviewDto) {
    return this.scoring.preview(dto.scheme, dto.rows);
  }

  /** Organizers of the event and the item's chief judge. */
  @Get('items/:itemId/judge-deviation')
  @Allow('organizer', 'judge')
  @Operation("Each judge's deviation from the other judges")
  @ApiOkResponse({ type: JudgeDeviationDto })
  @Refuses({ 404: 'no such item or round', 409: 'the item has no scheme, or is not judged by a panel' })
  judgeDeviation(@Caller() caller: Principal, @Param('itemId', ParseIdPipe) itemId: number, @Query() q: DeviationQueryDto) {
    return this.scoring.deviation(caller, itemId, { markThreshold: q.markThreshold ?? '1', judgeThreshold: q.judgeThreshold ?? '5', sumMode: q.sumMode ?? 'absolute' }, q.round);
  }

  /** Organizers of the event. */
  @Put('events/:eventId/conflict-of-interest')
  @Allow('organizer')
  @Operation('Warn or block a judge scoring someone of their own organisation')
  @ApiOkResponse({ type: ConflictRuleViewDto })
  @Refuses({ 404: 'no such event' })
  setConflictRule(@Caller() caller: Principal, @Param('eventId', ParseIdPipe) eventId: number, @Body() dto: ConflictRuleDto) {
    return this.events.setConflictRule(caller, eventId, dto.conflictOfInterest);
  }
}
