import { OptionalField } from '../http/optional';
import { QueryId, ToInt } from '../http/ids';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDateString, IsIn, IsInt, IsPositive, IsString, Length, Matches, Max, Min } from 'class-validator';

const YUAN = /^\d{1,10}(\.\d{1,2})?$/;

export { AwardRulesDto } from './award-rules.dto';

export class RecognitionDto {
  @ApiProperty({ description: 'the conferring organisation' }) @IsInt() @IsPositive() issuerId: number;
  @ApiProperty() @IsInt() @IsPositive() userId: number;
  @ApiPropertyOptional({ description: "the person's organisation, for statistics (default: the issuer)" }) @OptionalField() @IsInt() @IsPositive() organisationId?: number;
  @ApiProperty({ example: '杭州工匠' }) @IsString() @Length(1, 100) awardName: string;
  @ApiPropertyOptional({ example: '技术能手' }) @OptionalField() @IsString() @Length(1, 100) title?: string;
  @ApiProperty({ example: '在数控加工领域技艺精湛，带徒传技成绩突出' }) @IsString() @Length(1, 500) citation: string;
  @ApiPropertyOptional({ example: '20000.00' }) @OptionalField() @IsString() @Matches(YUAN) prizeMoney?: string;
  @ApiPropertyOptional({ example: 2026 }) @OptionalField() @IsInt() @Min(2000) @Max(2100) year?: number;
}

export class CorrectionDto {
  @ApiPropertyOptional() @OptionalField() @IsString() @Length(1, 100) awardName?: string;
  @ApiPropertyOptional() @OptionalField() @IsString() @Length(1, 100) title?: string;
  @ApiPropertyOptional() @OptionalField() @IsString() @Length(1, 500) citation?: string;
  @ApiPropertyOptional({ example: '3000.00' }) @OptionalField() @IsString() @Matches(YUAN) prizeMoney?: string;
  @ApiProperty({ example: '复核后更正奖项名称' }) @IsString() @Length(1, 500) reason: string;
}

export class PaymentDto {
  @ApiProperty({ enum: ['paid', 'cancelled'] }) @IsIn(['paid', 'cancelled']) status: 'paid' | 'cancelled';
  @ApiPropertyOptional({ example: '2026-12-01' }) @OptionalField() @IsDateString({ strict: true }) @Length(10, 10) paidOn?: string;
  @ApiPropertyOptional({ example: '杭工财〔2026〕118号' }) @OptionalField() @IsString() @Length(1, 100) reference?: string;
  @ApiPropertyOptional() @OptionalField() @IsString() @Length(1, 500) reason?: string;
}

export class LedgerQueryDto {
  @ApiProperty() @QueryId() organisationId: number;
  @ApiProperty({ example: 2026 }) @ToInt() @IsInt() @Min(2000) @Max(2100) year: number;
}
