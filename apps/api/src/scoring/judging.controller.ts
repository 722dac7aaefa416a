import { OptionalField } from '../http/optional';
import type { Principal } from '@app/identity';
import { ScoringService } from '@app/scoring';
import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ParseIdPipe } from '../http/ids';
import { ApiOkResponse, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsNumberString, IsObject, IsString, Length, ValidateNested } from 'class-validator';
import { Allow, Caller } from '../auth/auth.decorators';
import { RoundQueryDto } from './sheets.dto';

export class PreviewRowInputDto {
  @ApiProperty({ example: '选手A' }) @IsString() @Length(1, 60) id: string;
  @ApiProperty({ type: Object, example: { marks: ['7.5', '8', '8', '8.5', '7.5', '8', '8'], difficulty: '3.0' } }) @IsObject() input: Record<string, unknown>;
}

export class PreviewDto {
  @ApiProperty({ type: Object, description: 'a scheme configuration, as for PUT /items/{itemId}/scheme' }) @IsObject() scheme: Record<string, unknown>;
  @ApiProperty({ type: [PreviewRowInputDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => PreviewRowInputDto)
  rows: PreviewRowInputDto[];
}

export class PreviewRowDto {
  @ApiProperty() id: string;
  @ApiProperty({ nullable: true, type: Number }) place: number | null;
  @ApiProperty() tied: boolean;
  @ApiProperty({ nullable: true, type: Number, description: '0: separated by the total; k: by the k-th tie-breaker' }) decidedBy: number | null;
  @ApiProperty({ nullable: true, type: String }) total: string | null;
  @ApiProperty() status: string;
  @ApiProperty({ type: [String], example: [] }) flags: string[];
  @ApiProperty({ type: [Object] }) tieBreakKeys: unknown[];
  @ApiProperty({ type: Object }) breakdown: unknown;
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

@ApiTags('scoring')
@Controller({ version: '1' })
export class JudgingController {
  constructor(private readonly scoring: ScoringService) {}

  /** Organizers: a scheme against sample marks, before the event; invalid configurations are refused with the reason. */
  @Post('scoring/preview')
  @HttpCode(200)
  @Allow('organizer')
  @ApiOkResponse({ type: [PreviewRowDto] })
  preview(@Body() dto: PreviewDto) {
    return this.scoring.preview(dto.scheme, dto.rows);
  }

  /** Organizers of the event and the item's chief judge. */
  @Get('items/:itemId/judge-deviation')
  @Allow('organizer', 'judge')
  deviation(@Caller() caller: Principal, @Param('itemId', ParseIdPipe) itemId: number, @Query() q: DeviationQueryDto) {
    return this.scoring.deviation(caller, itemId, { markThreshold: q.markThreshold ?? '1', judgeThreshold: q.judgeThreshold ?? '5', sumMode: q.sumMode ?? 'absolute' }, q.round);
  }

  /** Organizers of the event. */
  @Put('events/:eventId/conflict-of-interest')
  @Allow('organizer')
  setConflictRule(@Caller() caller: Principal, @Param('eventId', ParseIdPipe) eventId: number, @Body() dto: ConflictRuleDto) {
    return this.scoring.setConflictRule(caller, eventId, dto.conflictOfInterest);
  }
}
