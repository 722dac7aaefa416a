import { MATCH_FORMATS, type MatchFormat } from '@app/matches';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsISO8601, IsNumber, IsObject, IsPositive, IsString, Length, Max, Min, ValidateNested } from 'class-validator';
import { OptionalField } from '../http/optional';

export class ConfigureMatchItemDto {
  @ApiProperty({ enum: MATCH_FORMATS }) @IsIn(MATCH_FORMATS) format: MatchFormat;
  @ApiProperty({ type: 'object', additionalProperties: true, example: { sport: 'tennis', tennis: { bestOf: 3, finalSet: 'match_tiebreak' }, thirdPlace: true } })
  @IsObject()
  settings: Record<string, unknown>;
}

export class EntrantDto {
  @ApiProperty() @IsInt() @IsPositive() entryId: number;
  @ApiPropertyOptional({ nullable: true, type: Number, description: '1-based seed; none for the unseeded' }) @OptionalField({ nullable: true }) @IsInt() @Min(1) @Max(1024) seed?: number | null;
  @ApiPropertyOptional({ nullable: true, type: Number, description: 'rating used to order a Swiss field' }) @OptionalField({ nullable: true }) @IsInt() @Min(-10000) @Max(100000) rating?: number | null;
  @ApiPropertyOptional({ nullable: true, type: Number, description: 'McMahon start score (Go), whole or half points' })
  @OptionalField({ nullable: true })
  @IsNumber({ maxDecimalPlaces: 1 })
  @Min(-50)
  @Max(50)
  startScore?: number | null;
}

export class EntrantsDto {
  @ApiProperty({ type: [EntrantDto] }) @IsArray() @ArrayMaxSize(4096) @ValidateNested({ each: true }) @Type(() => EntrantDto) entrants: EntrantDto[];
}

export class MatchDrawDto {
  @ApiPropertyOptional({ description: 'seed of the lot; random when left out' }) @OptionalField() @IsInt() @Min(0) @Max(2 ** 31 - 1) lotSeed?: number;
  @ApiPropertyOptional({ type: [Number], description: 'a recorded lot to replay exactly' }) @OptionalField() @IsArray() @ArrayMaxSize(100000) @IsInt({ each: true }) replay?: number[];
}

export class OfficialDto {
  @ApiProperty() @IsInt() @IsPositive() userId: number;
  @ApiPropertyOptional({ nullable: true, type: Number }) @OptionalField({ nullable: true }) @IsInt() @IsPositive() matchId?: number | null;
  @ApiPropertyOptional({ nullable: true, type: String, example: '3号场' }) @OptionalField({ nullable: true }) @IsString() @Length(1, 100) court?: string | null;
}

export class ReopenDto {
  @ApiProperty() @IsBoolean() open: boolean;
  @ApiProperty({ example: '记分员录错第二盘比分' }) @IsString() @Length(1, 500) reason: string;
}

class GamesDto {
  @ApiProperty() @IsInt() @Min(0) @Max(1000) a: number;
  @ApiProperty() @IsInt() @Min(0) @Max(1000) b: number;
}

export class MatchResultDto {
  @ApiPropertyOptional({ enum: ['completed', 'retired', 'walkover', 'forfeit', 'double_forfeit', 'draw'] })
  @OptionalField()
  @IsIn(['completed', 'retired', 'walkover', 'forfeit', 'double_forfeit', 'draw'])
  ending?: 'completed' | 'retired' | 'walkover' | 'forfeit' | 'double_forfeit' | 'draw';
  @ApiPropertyOptional({ enum: ['a', 'b'], description: 'who retired, was absent or forfeited' }) @OptionalField() @IsIn(['a', 'b']) side?: 'a' | 'b';
  @ApiPropertyOptional({ example: '6-4 7-6(5)' }) @OptionalField() @IsString() @Length(1, 100) score?: string;
  @ApiPropertyOptional({ type: GamesDto }) @OptionalField() @ValidateNested() @Type(() => GamesDto) games?: GamesDto;
  @ApiPropertyOptional({ enum: ['a', 'b'] }) @OptionalField() @IsIn(['a', 'b']) winner?: 'a' | 'b';
  @ApiPropertyOptional({ description: 'required to correct an entered result' }) @OptionalField() @IsString() @Length(1, 500) reason?: string;
}

export class ScheduleDto {
  @ApiPropertyOptional({ nullable: true, type: String, example: '中心球场' }) @OptionalField({ nullable: true }) @IsString() @Length(1, 100) court?: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, example: '2026-12-08T09:30:00+08:00' }) @OptionalField({ nullable: true }) @IsISO8601() at?: string | null;
}

export class SwissBoardDto {
  @ApiProperty({ description: 'participant id with the first move (chess White, Go Black)' }) @IsInt() @IsPositive() first: number;
  @ApiProperty() @IsInt() @IsPositive() second: number;
}

export class SwissRoundDto {
  @ApiProperty({ type: [SwissBoardDto] }) @IsArray() @ArrayMaxSize(2048) @ValidateNested({ each: true }) @Type(() => SwissBoardDto) boards: SwissBoardDto[];
  @ApiPropertyOptional({ nullable: true, type: Number }) @OptionalField({ nullable: true }) @IsInt() @IsPositive() bye?: number | null;
  @ApiProperty({ example: '两名选手同单位，裁判长调整' }) @IsString() @Length(1, 500) reason: string;
}

export class SwissResultDto {
  @ApiProperty({ enum: ['1-0', '0-1', '1/2-1/2', '+-', '-+', '--'], description: 'first player first; +/- a forfeit' })
  @IsIn(['1-0', '0-1', '1/2-1/2', '+-', '-+', '--'])
  result: '1-0' | '0-1' | '1/2-1/2' | '+-' | '-+' | '--';
  @ApiPropertyOptional({ description: 'required to correct an entered result' }) @OptionalField() @IsString() @Length(1, 500) reason?: string;
}

/**
 * The TRF import's body limit: a player line is about 100 characters and 10 more a round, a
 * Chinese name 3 bytes a character; a 1,000-player, 11-round file is some 250 KB as JSON. 2 MB
 * leaves room for longer events without opening the route to anything much larger.
 */
export const TRF_BODY_LIMIT = 2 * 1024 * 1024;
/** Characters of the file itself, inside the body limit. */
const TRF_MAX_CHARS = 1_000_000;

export class TrfImportDto {
  @ApiProperty({ description: 'a FIDE TRF-16 file as text', maxLength: TRF_MAX_CHARS }) @IsString() @Length(1, TRF_MAX_CHARS) trf: string;
  @ApiPropertyOptional({ type: [String], example: ['BH-C1', 'BH', 'SB'] }) @OptionalField() @IsArray() @ArrayMaxSize(10) @IsString({ each: true }) tieBreaks?: string[];
  @ApiPropertyOptional({ enum: ['fide-2024', 'fide-2026'] }) @OptionalField() @IsIn(['fide-2024', 'fide-2026']) edition?: 'fide-2024' | 'fide-2026';
}
