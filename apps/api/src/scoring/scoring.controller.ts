import { OptionalField } from '../http/optional';
import type { Principal } from '@app/identity';
import { ScoreSheetsService, ScoringService } from '@app/scoring';
import { RoundQueryDto, SheetDto } from './sheets.dto';
import { Body, Controller, Get, Param, Post, Put, Query } from '@nestjs/common';
import { ParseIdPipe } from '../http/ids';
import { ApiBody, ApiCreatedResponse, ApiOkResponse, ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Operation, Refuses, Tag } from '../http/openapi-decorators';
import { ArrayMaxSize, IsArray, IsBoolean, IsInt, IsObject, IsPositive, IsString, Length } from 'class-validator';
import { Allow, Caller, Public } from '../auth/auth.decorators';
import { MarkValue } from './mark-value';

export class SetSchemeDto {
  @ApiProperty({
    type: 'object', additionalProperties: true,
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
  @ApiProperty({ type: 'object', additionalProperties: true }) scheme: Record<string, unknown>;
}

export class AssignJudgeDto {
  @ApiProperty() @IsInt() @IsPositive() userId: number;
  @ApiPropertyOptional({ description: 'the chief judge locks sheets and corrects submitted marks' }) @OptionalField() @IsBoolean() chief?: boolean;
  @ApiPropertyOptional({ type: [Number], nullable: true, description: 'only these entries (a group of contestants); omitted or null: all' })
  @OptionalField({ nullable: true })
  @IsArray()
  @ArrayMaxSize(1000)
  @IsInt({ each: true })
  @IsPositive({ each: true })
  entryIds?: number[] | null;
  @ApiPropertyOptional({ type: [Number], nullable: true, description: 'only these rounds (ids from GET /items/{itemId}/rounds); omitted or null: all' })
  @OptionalField({ nullable: true })
  @IsArray()
  @ArrayMaxSize(20)
  @IsInt({ each: true })
  @IsPositive({ each: true })
  roundIds?: number[] | null;
}

export class JudgeSeatDto {
  @ApiProperty({ description: 'seat on the panel, from 1' }) seat: number;
  @ApiProperty() userId: number;
  @ApiProperty({ example: '王强' }) realName: string;
  @ApiProperty() chief: boolean;
  @ApiProperty({ type: [Number], nullable: true }) entryIds: number[] | null;
  @ApiProperty({ type: [Number], nullable: true }) roundIds: number[] | null;
}

export class SubmitMarkDto {
  @ApiProperty() @IsInt() @IsPositive() entryId: number;
  @MarkValue()
  value: string;
  @ApiPropertyOptional({ description: 'criterion key; may be left out when the scheme has one criterion' })
  @OptionalField()
  @IsString()
  @Length(1, 50)
  criterion?: string;
}

@Tag('scoring')
@Controller({ path: 'items/:itemId', version: '1' })
export class ScoringController {
  constructor(
    private readonly scoring: ScoringService,
    private readonly sheets: ScoreSheetsService,
  ) {}

  /** Organizers of the event. */
  @Put('scheme')
  @Allow('organizer')
  @ApiBody({ type: SetSchemeDto })
  @Operation("Set an item's scoring scheme")
  @ApiOkResponse({ type: SchemeDto })
  @Refuses({ 404: 'no such item' })
  setScheme(@Caller() caller: Principal, @Param('itemId', ParseIdPipe) itemId: number, @Body() dto: SetSchemeDto) {
    return this.scoring.setScheme(caller, itemId, dto.scheme);
  }

  /** Public, like the rules of an item: judges see it beside their sheet (criteria and ranges). */
  @Get('scheme')
  @Public()
  @Operation("An item's scoring scheme")
  @ApiOkResponse({ type: SchemeDto })
  @Refuses({ 404: 'no such item', 409: 'the item has no scheme yet' })
  async getScheme(@Param('itemId', ParseIdPipe) itemId: number): Promise<SchemeDto> {
    return { itemId, scheme: (await this.scoring.publishedScheme(itemId)) as unknown as Record<string, unknown> };
  }

  /** Organizers of the event. */
  @Post('judges')
  @Allow('organizer')
  @Operation("Seat a judge on an item's panel")
  @ApiCreatedResponse({ type: [JudgeSeatDto] })
  @Refuses({ 404: 'no such item or user', 422: "not a judge within the event's organisation, or entries or rounds not of this item" })
  assignJudge(@Caller() caller: Principal, @Param('itemId', ParseIdPipe) itemId: number, @Body() dto: AssignJudgeDto) {
    return this.scoring.assignJudge(caller, itemId, dto);
  }

  /** Organizers of the event and the judges on the panel. */
  @Get('judges')
  @Allow('organizer', 'judge')
  @Operation("An item's judge panel")
  @ApiOkResponse({ type: [JudgeSeatDto] })
  @Refuses({ 404: 'no such item' })
  listJudges(@Caller() caller: Principal, @Param('itemId', ParseIdPipe) itemId: number) {
    return this.scoring.panel(caller, itemId);
  }

  /** Judges assigned to the item: one mark into their own draft sheet (a repeat replaces it). */
  @Put('marks')
  @Allow('judge')
  @Operation("Enter one mark into the judge's own draft sheet")
  @ApiOkResponse({ type: SheetDto })
  @Refuses({
    404: 'no such item or round',
    409: 'no scheme yet, the sheet is submitted, the round is closed, or the results are final',
    422: 'the entry is not one this judge scores',
  })
  submitMark(@Caller() caller: Principal, @Param('itemId', ParseIdPipe) itemId: number, @Query() q: RoundQueryDto, @Body() dto: SubmitMarkDto) {
    return this.sheets.enterOne(caller, itemId, dto, q.round);
  }
}
