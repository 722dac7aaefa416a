import { ToInt } from '../http/ids';
import type { AwardRule } from '@app/awards';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsDateString, IsIn, IsInt, IsObject, IsOptional, IsPositive, IsString, Length, Matches, Max, Min } from 'class-validator';

const YUAN = /^\d{1,10}(\.\d{1,2})?$/;

export class AwardRulesDto {
  @ApiProperty({
    description:
      'rules by rank, bands or threshold (see libs/awards/src/domain); each rule grants an entry at most one award. ' +
      'Places are counted as the results board counts them: among the official contestants ranked, guests (特邀) and DNS/DNF/DQ skipped, ties sharing a place — ' +
      'a guest who finishes first leaves first prize to the best official contestant; guests win nothing. ' +
      'A band\'s percent ("top 10 %") is of the official contestants ranked (guests, DNS, DNF and DQ not counted), ' +
      'unless the band rule says percentOf: "started" (of those who started: DNF and DQ counted too, guests and DNS still not).',
    example: [
      { type: 'rank', tiers: [{ fromPlace: 1, award: { code: 'gold', name: '金牌', level: 1, prizeMoneyPerPerson: '5000.00' } }] },
      {
        type: 'band',
        percentOf: 'ranked',
        rounding: 'ceil',
        tiePolicy: 'include',
        bands: [
          { percent: '10', award: { code: 'first', name: '一等奖', level: 1 } },
          { percent: '20', award: { code: 'second', name: '二等奖', level: 2 } },
        ],
      },
    ],
  })
  @IsArray()
  @ArrayMaxSize(20)
  @IsObject({ each: true })
  rules: AwardRule[];
}

export class RecognitionDto {
  @ApiProperty({ description: 'the conferring organisation' }) @IsInt() @IsPositive() issuerId: number;
  @ApiProperty() @IsInt() @IsPositive() userId: number;
  @ApiPropertyOptional({ description: "the person's organisation, for statistics (default: the issuer)" }) @IsOptional() @IsInt() @IsPositive() organisationId?: number;
  @ApiProperty({ example: '杭州工匠' }) @IsString() @Length(1, 100) awardName: string;
  @ApiPropertyOptional({ example: '技术能手' }) @IsOptional() @IsString() @Length(1, 100) title?: string;
  @ApiProperty({ example: '在数控加工领域技艺精湛，带徒传技成绩突出' }) @IsString() @Length(1, 500) citation: string;
  @ApiPropertyOptional({ example: '20000.00' }) @IsOptional() @IsString() @Matches(YUAN) prizeMoney?: string;
  @ApiPropertyOptional({ example: 2026 }) @IsOptional() @IsInt() @Min(2000) @Max(2100) year?: number;
}

export class CorrectionDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 100) awardName?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 100) title?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 500) citation?: string;
  @ApiPropertyOptional({ example: '3000.00' }) @IsOptional() @IsString() @Matches(YUAN) prizeMoney?: string;
  @ApiProperty({ example: '复核后更正奖项名称' }) @IsString() @Length(1, 500) reason: string;
}

export class PaymentDto {
  @ApiProperty({ enum: ['paid', 'cancelled'] }) @IsIn(['paid', 'cancelled']) status: 'paid' | 'cancelled';
  @ApiPropertyOptional({ example: '2026-12-01' }) @IsOptional() @IsDateString({ strict: true }) @Length(10, 10) paidOn?: string;
  @ApiPropertyOptional({ example: '杭工财〔2026〕118号' }) @IsOptional() @IsString() @Length(1, 100) reference?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 500) reason?: string;
}

export class LedgerQueryDto {
  @ApiProperty() @ToInt() @IsInt() @IsPositive() organisationId: number;
  @ApiProperty({ example: 2026 }) @ToInt() @IsInt() @Min(2000) @Max(2100) year: number;
}
