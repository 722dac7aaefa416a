import type { Principal } from '@app/identity';
import { ResultsService } from '@app/results';
import { Controller, Get, Param, Query } from '@nestjs/common';
import { ParseIdPipe } from '../http/ids';
import { ApiOkResponse, ApiProperty } from '@nestjs/swagger';
import { Operation, Refuses, Tag } from '../http/openapi-decorators';
import { Caller, Public } from '../auth/auth.decorators';
import { RoundQueryDto } from '../scoring/sheets.dto';

export class ResultRowDto {
  @ApiProperty() entryId: number;
  @ApiProperty({ nullable: true, type: Number, description: 'shared by tied entries; null when unplaced' }) place: number | null;
  @ApiProperty({ nullable: true, type: String, example: '86.50' }) total: string | null;
  @ApiProperty({ example: 'OK', description: 'OK, INCOMPLETE, DNS, DNF, DQ, NM' }) status: string;
  @ApiProperty({
    nullable: true,
    type: Number,
    description: 'place among those who score: guests (特邀) and DNS/DNF/DQ skipped, ties shared; what placing points, medals and awards follow. null when the row does not score',
  })
  scoringPlace: number | null;
  @ApiProperty({
    nullable: true,
    type: String,
    example: '4.5',
    description:
      "points this place earns the entry's delegation under the event's points table, shared on ties exactly as the standings count them (decimal text, a share that does not terminate rounded to 4 places); null for a guest, DNS/DNF/DQ, an unplaced row or a heat",
  })
  placingPoints: string | null;
  @ApiProperty({ example: '李娜' }) realName: string;
  @ApiProperty({ example: '杭州汽轮动力集团工会' }) organisationName: string;
  @ApiProperty({ nullable: true, type: Number, description: 'heat in the round; null without rounds' }) heat: number | null;
  @ApiProperty({ nullable: true, type: Number }) lane: number | null;
  @ApiProperty({ nullable: true, enum: ['Q', 'q'], description: 'went through by place (Q) or performance (q)' }) qualified: 'Q' | 'q' | null;
  @ApiProperty({ nullable: true, enum: ['BROKEN', 'EQUALLED'], description: 'against the meet record as it stood before the meet' }) meetRecord: string | null;
  @ApiProperty({ nullable: true, enum: ['BROKEN', 'EQUALLED'] }) allTimeRecord: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true, description: 'per-judge marks, which were dropped, and the rounding at each step; for the public once published' }) breakdown: unknown;
}

export class RoundRefDto {
  @ApiProperty() id: number;
  @ApiProperty() seq: number;
  @ApiProperty({ example: '决赛' }) name: string;
  @ApiProperty({ enum: ['open', 'closed'] }) status: string;
}

export class ResultsPublicationDto {
  @ApiProperty({ enum: ['PROVISIONAL', 'NOTICE', 'FINAL'] }) status: string;
  @ApiProperty({ nullable: true, type: Date, description: 'appeals are accepted until then' }) noticeEndsAt: Date | null;
}

export class ItemResultsDto {
  @ApiProperty() itemId: number;
  @ApiProperty() itemName: string;
  @ApiProperty() eventId: number;
  @ApiProperty({ type: RoundRefDto, nullable: true, description: 'the round listed; null for an item without rounds' }) round: RoundRefDto | null;
  @ApiProperty({ type: [RoundRefDto] }) rounds: RoundRefDto[];
  @ApiProperty({ type: ResultsPublicationDto }) publication: ResultsPublicationDto;
  @ApiProperty({ description: 'the public view of a frozen scoreboard: results as they stood at the freeze' }) frozen: boolean;
  @ApiProperty() scoreVersion: number;
  @ApiProperty({ nullable: true, type: Date }) talliedAt: Date | null;
  @ApiProperty({ type: [ResultRowDto] }) results: ResultRowDto[];
}

@Tag('results')
@Controller({ path: 'items/:itemId/results', version: '1' })
export class ResultsController {
  constructor(private readonly results: ResultsService) {}

  /**
   * Public (`?round=` for one round; default the latest). While the event's board is frozen the
   * public gets the results as they stood at the freeze, and the per-judge breakdown only once the
   * results are published; a signed-in organizer of the event always sees live data in full.
   */
  @Get()
  @Public()
  @Operation("An item's results: places, totals, records, breakdown")
  @ApiOkResponse({ type: ItemResultsDto })
  @Refuses({ 404: 'no such item or round' })
  getResults(@Param('itemId', ParseIdPipe) itemId: number, @Query() q: RoundQueryDto, @Caller() caller?: Principal) {
    return this.results.forItem(itemId, q.round, caller);
  }
}
