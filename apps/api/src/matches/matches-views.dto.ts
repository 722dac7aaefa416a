import { MATCH_CHANGE_ACTIONS, MATCH_FORMATS, MATCH_ITEM_STATUSES, SWISS_RESULTS } from '@app/matches';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

const anyObject = { type: 'object', additionalProperties: true } as const;

export class MatchParticipantViewDto {
  @ApiProperty() id: number;
  @ApiProperty() entryId: number;
  @ApiProperty({ example: '刘洋' }) name: string;
  @ApiProperty({ nullable: true, type: Number }) seed: number | null;
  @ApiProperty({ nullable: true, type: Number }) rating: number | null;
  @ApiProperty({ description: 'McMahon start score; 0 without McMahon bars' }) startScore: number;
}

export class MatchItemViewDto {
  @ApiProperty() itemId: number;
  @ApiProperty({ enum: MATCH_FORMATS }) format: string;
  @ApiProperty({ ...anyObject, description: 'the checked settings of the format' }) settings: Record<string, unknown>;
  @ApiProperty({ enum: MATCH_ITEM_STATUSES }) status: string;
  @ApiProperty({ description: 'grows with every change that can move a place' }) version: number;
  @ApiProperty({ nullable: true, type: [Number], description: 'the draws of lots the draw made, to replay it' }) lot: number[] | null;
  @ApiProperty({ type: [MatchParticipantViewDto] }) participants: MatchParticipantViewDto[];
}

export class OpponentViewDto {
  @ApiProperty({ nullable: true, type: Number, description: 'participant id; null while not yet known' }) id: number | null;
  @ApiPropertyOptional() position?: number;
  @ApiPropertyOptional() forfeit?: boolean;
  @ApiPropertyOptional() score?: number;
  @ApiPropertyOptional({ enum: ['win', 'draw', 'loss'] }) result?: string;
}

export class MatchViewDto {
  @ApiProperty() id: number;
  @ApiProperty() stageId: number;
  @ApiProperty() groupId: number;
  @ApiProperty() roundId: number;
  @ApiProperty() number: number;
  @ApiProperty() childCount: number;
  @ApiProperty({ description: '0 locked, 1 waiting, 2 ready, 3 running, 4 completed, 5 archived' }) status: number;
  @ApiProperty({ nullable: true, type: OpponentViewDto, description: 'null: a bye' }) opponent1: OpponentViewDto | null;
  @ApiProperty({ nullable: true, type: OpponentViewDto }) opponent2: OpponentViewDto | null;
  @ApiProperty() itemId: number;
  @ApiProperty({ ...anyObject, nullable: true, description: 'the score as entered (tennis sets, games)' }) score: Record<string, unknown> | null;
  @ApiProperty({ nullable: true, enum: ['completed', 'retired', 'walkover', 'forfeit', 'double_forfeit', 'draw'] }) ending: string | null;
  @ApiProperty({ nullable: true, type: String }) court: string | null;
  @ApiProperty({ nullable: true, type: Date }) scheduledAt: Date | null;
  @ApiProperty({ nullable: true, type: Number }) resultBy: number | null;
  @ApiProperty({ nullable: true, type: Date }) resultAt: Date | null;
}

export class OfficialViewDto {
  @ApiProperty() id: number;
  @ApiProperty() itemId: number;
  @ApiProperty() userId: number;
  @ApiProperty({ nullable: true, type: Number }) matchId: number | null;
  @ApiProperty({ nullable: true, type: String }) court: string | null;
  @ApiProperty() assignedBy: number;
  @ApiProperty() createdAt: Date;
}

export class ReopenViewDto {
  @ApiProperty() itemId: number;
  @ApiProperty() reopened: boolean;
}

export class OrderOfPlayRowDto {
  @ApiProperty() matchId: number;
  @ApiProperty() round: number;
  @ApiProperty() number: number;
  @ApiProperty({ nullable: true, type: String }) court: string | null;
  @ApiProperty({ nullable: true, type: String, example: '2026-12-12 09:00', description: 'Beijing time' }) at: string | null;
  @ApiProperty({ type: 'array', items: { type: 'string', nullable: true } }) players: (string | null)[];
  @ApiProperty() status: number;
  @ApiProperty({ ...anyObject, nullable: true }) score: Record<string, unknown> | null;
}

export class BracketDto {
  @ApiProperty({ type: 'array', items: anyObject, description: 'brackets-model stages' }) stages: Record<string, unknown>[];
  @ApiProperty({ type: 'array', items: anyObject, description: 'brackets-model matches' }) matches: Record<string, unknown>[];
  @ApiProperty({ type: 'array', items: anyObject }) matchGames: Record<string, unknown>[];
  @ApiProperty({ type: 'array', items: anyObject }) participants: Record<string, unknown>[];
}

export class SwissBoardViewDto {
  @ApiProperty() id: number;
  @ApiProperty() itemId: number;
  @ApiProperty() round: number;
  @ApiProperty() board: number;
  @ApiProperty({ description: 'participant with the first move' }) firstId: number;
  @ApiProperty({ nullable: true, type: Number, description: 'null: a bye' }) secondId: number | null;
  @ApiProperty({ nullable: true, enum: SWISS_RESULTS }) result: string | null;
  @ApiProperty({ nullable: true, type: String }) byeScore: string | null;
  @ApiProperty() manual: boolean;
  @ApiProperty({ nullable: true, type: Number }) resultBy: number | null;
  @ApiProperty() createdAt: Date;
}

export class SwissRoundViewDto {
  @ApiProperty() round: number;
  @ApiProperty({ type: [SwissBoardViewDto] }) boards: SwissBoardViewDto[];
}

export class SwissManualRoundDto {
  @ApiProperty() round: number;
  @ApiProperty({ type: [String], description: 'rules the hand pairing breaks, reported, not enforced' }) problems: string[];
}

export class CrosstableRoundDto {
  @ApiProperty() round: number;
  @ApiProperty({ description: 'the board the game was played on' }) board: number;
  @ApiProperty({ nullable: true, type: Number }) opponent: number | null;
  @ApiProperty({ nullable: true, enum: ['first', 'second'] }) seat: string | null;
  @ApiProperty({ nullable: true, enum: SWISS_RESULTS }) result: string | null;
  @ApiProperty({ nullable: true, type: Number }) points: number | null;
}

export class CrosstableRowDto {
  @ApiProperty() participantId: number;
  @ApiProperty() entryId: number;
  @ApiProperty() name: string;
  @ApiProperty() rank: number;
  @ApiProperty() score: number;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'number' }, example: { SOS: 12, SOSOS: 60 } }) tieBreaks: Record<string, number>;
  @ApiProperty({ type: [CrosstableRoundDto] }) rounds: CrosstableRoundDto[];
}

export class CrosstableDto {
  @ApiProperty() rounds: number;
  @ApiProperty({ type: [String] }) tieBreaks: string[];
  @ApiProperty({ enum: ['fide-2024', 'fide-2026'] }) edition: string;
  @ApiProperty({ type: [CrosstableRowDto] }) rows: CrosstableRowDto[];
}

export class TrfStandingRowDto {
  @ApiProperty() startRank: number;
  @ApiProperty() name: string;
  @ApiProperty() rank: number;
  @ApiProperty() score: number;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'number' } }) tieBreaks: Record<string, number>;
}

export class TrfStandingsDto {
  @ApiProperty() tournament: string;
  @ApiProperty({ enum: ['fide-2024', 'fide-2026'] }) edition: string;
  @ApiProperty({ type: [String] }) tieBreaks: string[];
  @ApiProperty({ type: [TrfStandingRowDto] }) rows: TrfStandingRowDto[];
}

export class MatchChangeViewDto {
  @ApiProperty() id: number;
  @ApiProperty() itemId: number;
  @ApiProperty({ nullable: true, type: Number, description: 'the match or Swiss board changed; null for the item' }) targetId: number | null;
  @ApiProperty({ enum: MATCH_CHANGE_ACTIONS }) action: string;
  @ApiProperty({ ...anyObject, nullable: true }) before: unknown;
  @ApiProperty({ ...anyObject, nullable: true }) after: unknown;
  @ApiProperty({ nullable: true, type: String }) reason: string | null;
  @ApiProperty({ description: 'who made the change' }) userId: number;
  @ApiProperty() createdAt: Date;
}

export class MatchItemSummaryDto {
  @ApiProperty() itemId: number;
  @ApiProperty({ example: '网球男子单打' }) name: string;
  @ApiProperty() eventId: number;
  @ApiProperty() eventName: string;
  @ApiProperty({ enum: MATCH_FORMATS }) format: string;
  @ApiProperty({ enum: MATCH_ITEM_STATUSES }) status: string;
  @ApiProperty() version: number;
}

export class MatchAssignmentDto extends MatchItemSummaryDto {
  @ApiProperty({ description: 'assigned to every match of the item' }) wholeItem: boolean;
  @ApiProperty({ type: [String], description: 'courts or boards assigned' }) courts: string[];
  @ApiProperty({ type: [Number], description: 'single matches assigned' }) matchIds: number[];
}
