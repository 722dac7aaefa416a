import { QueryId } from '../http/ids';
import { OptionalField } from '../http/optional';
import { MarkValue } from './mark-value';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsInt, IsPositive, IsString, Length, Min, ValidateNested } from 'class-validator';

export class SheetCellDto {
  @ApiProperty() entryId: number;
  @ApiProperty({ example: '总分' }) criterion: string;
  @ApiProperty({ example: '86.5' }) value: string;
}

/** `?round=` names the round of an item run in rounds (heats, semi-finals, final). */
export class RoundQueryDto {
  @ApiPropertyOptional({ description: 'the round (id from GET /items/{itemId}/rounds); required when the item runs in rounds' })
  @OptionalField()
  @QueryId()
  round?: number;
}

export class SheetEntryDto {
  @ApiProperty() entryId: number;
  @ApiProperty({ nullable: true, type: String, example: 'SK00001' }) bib: string | null;
  @ApiProperty({ nullable: true, type: Number, description: 'heat in the round; null without rounds' }) heat: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'lane (order) in the heat; null without rounds' }) lane: number | null;
  @ApiProperty({ example: '李娜' }) realName: string;
  @ApiProperty({ example: '杭州汽轮动力集团工会' }) organisationName: string;
}

export class SheetWarningDto {
  @ApiProperty({ example: 'CONFLICT_OF_INTEREST' }) code: string;
  @ApiProperty() entryId: number;
  @ApiProperty() message: string;
}

export class SheetDto {
  @ApiProperty() itemId: number;
  @ApiProperty({ description: '0 when the item has no rounds' }) roundId: number;
  @ApiProperty() judgeId: number;
  @ApiProperty({ enum: ['draft', 'submitted', 'locked'] }) status: string;
  @ApiProperty({ description: 'send it back with the next change; a stale one gets 409 with the current version' }) version: number;
  @ApiProperty({ nullable: true, type: Date }) submittedAt: Date | null;
  @ApiProperty({ nullable: true, type: Date }) lockedAt: Date | null;
  @ApiProperty({ type: [SheetEntryDto], description: 'the contestants this judge scores' }) entries: SheetEntryDto[];
  @ApiProperty({ type: [SheetCellDto] }) marks: SheetCellDto[];
  @ApiProperty({ type: [SheetWarningDto] }) warnings: SheetWarningDto[];
}

export class SheetMarkDto {
  @ApiProperty() @IsInt() @IsPositive() entryId: number;
  @ApiPropertyOptional({ description: 'criterion, aspect or cell key (time, attempts, h:1.85, status…); may be left out when the scheme has one criterion' })
  @OptionalField()
  @IsString()
  @Length(1, 50)
  criterion?: string;
  @MarkValue({ nullable: true, description: 'null removes the mark' })
  value: string | null;
}

export class SaveSheetDto {
  @ApiProperty({ description: 'the version the change was made from (0 for a new sheet)' }) @IsInt() @Min(0) version: number;
  @ApiProperty({ type: [SheetMarkDto] })
  @IsArray()
  @ArrayMaxSize(2000)
  @ValidateNested({ each: true })
  @Type(() => SheetMarkDto)
  marks: SheetMarkDto[];
  @ApiPropertyOptional({ description: 'required once the sheet is submitted', example: '录入错误，按原始评分表更正' })
  @OptionalField()
  @IsString()
  @Length(1, 200)
  reason?: string;
}

export class SheetVersionDto {
  @ApiProperty() @IsInt() @Min(0) version: number;
}

export class MarkChangeDto {
  @ApiProperty() id: number;
  @ApiProperty({ description: '0 when the item has no rounds' }) roundId: number;
  @ApiProperty() entryId: number;
  @ApiProperty({ description: 'whose sheet' }) judgeId: number;
  @ApiProperty() criterion: string;
  @ApiProperty({ nullable: true, type: String }) before: string | null;
  @ApiProperty({ nullable: true, type: String }) after: string | null;
  @ApiProperty() reason: string;
  @ApiProperty() changedBy: number;
  @ApiProperty({ example: '陈建国' }) changedByName: string;
  @ApiProperty() changedAt: Date;
}
