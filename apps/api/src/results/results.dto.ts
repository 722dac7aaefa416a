import { OptionalField } from '../http/optional';
import { applyDecorators } from '@nestjs/common';
import { MarkValue } from '../scoring/mark-value';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { APPEAL_LIMITS, base64Length } from '@app/results';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBase64,
  IsBoolean,
  IsIn,
  IsInt,
  IsPositive,
  IsString,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';

const POINTS = /^\d{1,6}(\.\d{1,4})?$/;

/** A placing-points table: optional, 1 to 50 decimal strings, 1st place first. */
const PointsTable = (example: string[], description: string) =>
  applyDecorators(
    ApiPropertyOptional({ example, description }),
    OptionalField(),
    IsArray(),
    ArrayMinSize(1),
    ArrayMaxSize(50),
    IsString({ each: true }),
    Matches(POINTS, { each: true }),
  );

export class MedalWeightsDto {
  @ApiProperty({ example: '3' }) @IsString() @Matches(POINTS) gold: string;
  @ApiProperty({ example: '2' }) @IsString() @Matches(POINTS) silver: string;
  @ApiProperty({ example: '1' }) @IsString() @Matches(POINTS) bronze: string;
}

export class ResultsSettingsDto {
  @PointsTable(['9', '7', '6', '5', '4', '3', '2', '1'], 'placing points of individual items, 1st place first')
  pointsIndividual?: string[];

  @PointsTable(['18', '14', '12', '10', '8', '6', '4', '2'], 'placing points of relay and team items')
  pointsRelay?: string[];

  @ApiPropertyOptional({ enum: ['gold-first', 'weighted'], description: 'medal table order: golds first, or weighted points' })
  @OptionalField()
  @IsIn(['gold-first', 'weighted'])
  medalOrder?: 'gold-first' | 'weighted';

  @ApiPropertyOptional({ type: MedalWeightsDto, nullable: true, description: 'weights of the weighted order; null = 3/2/1' })
  @OptionalField({ nullable: true })
  @ValidateNested()
  @Type(() => MedalWeightsDto)
  medalWeights?: MedalWeightsDto | null;

  @ApiPropertyOptional({
    example: 5,
    description: 'days of public notice (公示) before results can be final; 0: no notice period (a demo, an internal contest), results can be finalised as soon as they are published',
  })
  @OptionalField()
  @IsInt()
  @Min(0)
  @Max(60)
  noticeDays?: number;
}

export class RecordsDto {
  @ApiProperty({ nullable: true, type: String, example: '10.85', description: 'meet record in the unit of the item total (seconds for times); null = none' })
  @ValidateIf((_, v) => v !== null)
  @IsString()
  @Length(1, 32)
  meetRecord: string | null;

  @ApiProperty({ nullable: true, type: String, example: '张伟（2023）' })
  @ValidateIf((_, v) => v !== null)
  @IsString()
  @Length(1, 100)
  meetHolder: string | null;

  @ApiProperty({ nullable: true, type: String, example: '10.62' })
  @ValidateIf((_, v) => v !== null)
  @IsString()
  @Length(1, 32)
  allTimeRecord: string | null;

  @ApiProperty({ nullable: true, type: String })
  @ValidateIf((_, v) => v !== null)
  @IsString()
  @Length(1, 100)
  allTimeHolder: string | null;
}

export class ReasonDto {
  @ApiProperty({ example: '计时设备故障，成绩需复核' }) @IsString() @Length(1, 2000) reason: string;
}

const MB = APPEAL_LIMITS.maxAttachmentBytes / 1024 / 1024;

export class AttachmentDto {
  @ApiProperty({ example: '终点录像截图.png' }) @IsString() @Length(1, 200) fileName: string;
  @ApiProperty({
    example: 'image/png',
    description: 'image/jpeg, image/png, image/webp, application/pdf or video/mp4; must be what the bytes are (the type is read from the content)',
  })
  @IsString()
  @Length(1, 100)
  contentType: string;
  @ApiProperty({ description: `the file, base64-encoded; at most ${MB} MB decoded (${base64Length(APPEAL_LIMITS.maxAttachmentBytes)} base64 characters)` })
  @IsString()
  @MaxLength(base64Length(APPEAL_LIMITS.maxAttachmentBytes))
  @IsBase64()
  contentBase64: string;
}

/** The appeal route's body limit: every file at its largest in base64, plus room for the reason and the names. */
export const APPEAL_BODY_LIMIT = APPEAL_LIMITS.maxAttachments * base64Length(APPEAL_LIMITS.maxAttachmentBytes) + 64 * 1024;

export class AppealDto extends ReasonDto {
  @ApiProperty({ description: 'the result appealed against' }) @IsInt() @IsPositive() entryId: number;
  @ApiPropertyOptional({
    type: [AttachmentDto],
    description:
      `at most ${APPEAL_LIMITS.maxAttachments} files of up to ${MB} MB each; the whole body may be ${APPEAL_BODY_LIMIT} bytes. ` +
      `One undecided appeal per entry at a time, ${APPEAL_LIMITS.maxAppealsPerEntry} per entry in all.`,
  })
  @OptionalField()
  @IsArray()
  @ArrayMaxSize(APPEAL_LIMITS.maxAttachments)
  @ValidateNested({ each: true })
  @Type(() => AttachmentDto)
  attachments?: AttachmentDto[];
}

export class CorrectedMarkDto {
  @ApiProperty({ description: 'whose sheet' }) @IsInt() @IsPositive() judgeId: number;
  @ApiProperty() @IsInt() @IsPositive() entryId: number;
  @ApiPropertyOptional({ example: 'time', description: 'may be left out when the scheme has one criterion' })
  @OptionalField()
  @IsString()
  @Length(1, 50)
  criterion?: string;
  @MarkValue({ nullable: true, description: 'null removes the mark' })
  value: string | null;
}

export class AppealDecisionDto extends ReasonDto {
  @ApiPropertyOptional({ type: [CorrectedMarkDto], description: 'uphold: the corrected marks of the appealed entry (several judges and criteria); dismiss: none' })
  @OptionalField()
  @IsArray()
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => CorrectedMarkDto)
  marks?: CorrectedMarkDto[];

  @ApiPropertyOptional({ description: "uphold: reverse the entry's disqualification (DNS/DNF/DQ status) and penalties; with or without marks" })
  @OptionalField()
  @IsBoolean()
  reinstate?: boolean;

  @ApiPropertyOptional({ description: 'the round of the marks, for an item run in rounds' }) @OptionalField() @IsInt() @IsPositive() round?: number;
}

export class GuestDto {
  @ApiProperty({ description: '特邀/表演: ranked but scores no points, wins no medal, sets no record' }) @IsBoolean() guest: boolean;
}

export class PublicationDto {
  @ApiProperty() itemId: number;
  @ApiProperty({ enum: ['PROVISIONAL', 'NOTICE', 'FINAL'] }) status: string;
  @ApiProperty({ nullable: true, type: String, example: '2026-05-01T10:00:00.000+08:00', description: 'ISO 8601 with the Beijing offset' }) noticeStartedAt: string | null;
  @ApiProperty({ nullable: true, type: String, example: '2026-05-06T10:00:00.000+08:00', description: 'appeals are accepted until then; ISO 8601 with the Beijing offset' })
  noticeEndsAt: string | null;
  @ApiProperty({ nullable: true, type: String, example: '2026-05-06T15:20:00.000+08:00', description: 'ISO 8601 with the Beijing offset' }) finalizedAt: string | null;
  @ApiProperty() reopenCount: number;
  @ApiProperty() openAppeals: number;
}
