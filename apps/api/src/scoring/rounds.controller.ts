import { OptionalField } from '../http/optional';
import type { Principal } from '@app/identity';
import { RoundsService } from '@app/scoring';
import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ParseIdPipe } from '../http/ids';
import { ApiCreatedResponse, ApiOkResponse, ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Operation, Refuses, Tag } from '../http/openapi-decorators';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsInt, IsPositive, IsString, Length, Max, Min, ValidateNested, IsObject } from 'class-validator';
import { Allow, Caller, Public } from '../auth/auth.decorators';

export class QualificationDto {
  @ApiProperty({ example: 2, description: 'the first N of each heat go through (Q)' }) @IsInt() @Min(0) @Max(100) byPlace: number;
  @ApiProperty({ example: 2, description: 'then the next N best times or marks over all heats (q)' }) @IsInt() @Min(0) @Max(100) byPerformance: number;
  @ApiPropertyOptional({ example: 9, description: 'places in the next round (lanes) when a tie calls for more; default the nominal number' })
  @OptionalField()
  @IsInt()
  @IsPositive()
  maxAdvancing?: number;
}

export class RoundInputDto {
  @ApiProperty({ example: '预赛' }) @IsString() @Length(1, 100) name: string;
  @ApiPropertyOptional({ example: 3, description: 'number of heats (groups); default 1' }) @OptionalField() @IsInt() @Min(1) @Max(200) heats?: number;
  @ApiPropertyOptional({ type: QualificationDto, description: 'who goes through; omit for a final' })
  @OptionalField()
  @ValidateNested()
  @Type(() => QualificationDto)
  qualification?: QualificationDto;
}

export class LineupEntryDto {
  @ApiProperty() @IsInt() @IsPositive() entryId: number;
  @ApiProperty({ example: 1 }) @IsInt() @Min(1) heat: number;
  @ApiProperty({ example: 4 }) @IsInt() @Min(1) lane: number;
}

export class CreateRoundDto extends RoundInputDto {
  @ApiPropertyOptional({ type: [LineupEntryDto], description: 'the start list; omitted: every approved entry, dealt into the heats in bib order' })
  @OptionalField()
  @IsArray()
  @ArrayMaxSize(5000)
  @ValidateNested({ each: true })
  @Type(() => LineupEntryDto)
  entries?: LineupEntryDto[];
}

export class QualifyDto {
  @ApiProperty({ type: RoundInputDto, description: 'the round the qualifiers go to' }) @IsObject() @ValidateNested() @Type(() => RoundInputDto) next: RoundInputDto;
  @ApiPropertyOptional({ type: [Number], description: 'entry ids that won the drawing of lots, when the answer without it asked for one' })
  @OptionalField()
  @IsArray()
  @ArrayMaxSize(100)
  @IsInt({ each: true })
  @IsPositive({ each: true })
  drawn?: number[];
}

export class RoundEntryDto {
  @ApiProperty() entryId: number;
  @ApiProperty() heat: number;
  @ApiProperty() lane: number;
  @ApiProperty({ nullable: true, enum: ['Q', 'q'], description: 'Q by place, q by performance; set when the round is closed' }) qualified: 'Q' | 'q' | null;
  @ApiProperty({ nullable: true, type: String }) bib: string | null;
  @ApiProperty({ example: '张伟' }) realName: string;
  @ApiProperty({ example: '杭州钢铁集团工会' }) organisationName: string;
}

export class RoundDto {
  @ApiProperty() id: number;
  @ApiProperty() itemId: number;
  @ApiProperty({ description: '1 for the first round' }) seq: number;
  @ApiProperty({ example: '半决赛' }) name: string;
  @ApiProperty() heats: number;
  @ApiProperty({ type: QualificationDto, nullable: true }) qualification: QualificationDto | null;
  @ApiProperty({ enum: ['open', 'closed'] }) status: string;
  @ApiProperty({ type: [RoundEntryDto] }) entries: RoundEntryDto[];
}

export class DrawDto {
  @ApiProperty({ enum: ['place', 'performance'], description: 'the tie is for a place (Q) or a performance (q) qualifier' }) basis: string;
  @ApiProperty({ type: [String], description: 'the tied entries' }) ids: string[];
  @ApiProperty({ description: 'places left for them' }) places: number;
}

export class QualifyResultDto {
  @ApiProperty({ type: RoundDto }) round: RoundDto;
  @ApiProperty({ type: RoundDto }) next: RoundDto;
  @ApiProperty({ type: [DrawDto], description: 'ties for the last places that need a drawing of lots; empty otherwise' }) draws: DrawDto[];
}

@Tag('scoring')
@Controller({ path: 'items/:itemId/rounds', version: '1' })
export class RoundsController {
  constructor(private readonly rounds: RoundsService) {}

  /** Public: start lists are published, like results. */
  @Get()
  @Public()
  @Operation("An item's rounds with their start lists")
  @ApiOkResponse({ type: [RoundDto] })
  @Refuses({ 404: 'no such item' })
  listRounds(@Param('itemId', ParseIdPipe) itemId: number) {
    return this.rounds.list(itemId);
  }

  /** Organizers of the event: the first round (heats); later rounds come from qualification. */
  @Post()
  @Allow('organizer')
  @Operation("Set up an item's first round (heats and start lists)")
  @ApiCreatedResponse({ type: RoundDto })
  @Refuses({
    404: 'no such item',
    409: 'the item already has rounds, or was marked without them',
    422: 'no approved entries yet, or a start list with entries not approved in this item',
  })
  createRound(@Caller() caller: Principal, @Param('itemId', ParseIdPipe) itemId: number, @Body() dto: CreateRoundDto) {
    return this.rounds.createFirst(caller, itemId, dto);
  }

  /** Organizers of the event: closes the round and draws its qualifiers (Q, q) into the next. */
  @Post(':roundId/qualify')
  @HttpCode(200)
  @Allow('organizer')
  @Operation('Close a round and seed its qualifiers into the next')
  @ApiOkResponse({ type: QualifyResultDto })
  @Refuses({
    404: 'no such item or round',
    409: 'the round is closed or a final, results are incomplete, or a tie needs a drawing of lots (SCORING_DRAW_REQUIRED, with the groups)',
  })
  qualifyRound(@Caller() caller: Principal, @Param('itemId', ParseIdPipe) itemId: number, @Param('roundId', ParseIdPipe) roundId: number, @Body() dto: QualifyDto) {
    return this.rounds.qualify(caller, itemId, roundId, dto);
  }
}
