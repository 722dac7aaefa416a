import type { AwardRule } from '@app/awards';
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

export class AwardRulesViewDto {
  @ApiProperty() eventId: number;
  @ApiProperty({ description: "0: the event's rules, for every item without its own" }) itemId: number;
  @ApiProperty({ type: 'array', items: { type: 'object', additionalProperties: true }, description: 'as saved with PUT' }) rules: AwardRule[];
  @ApiProperty({ enum: ['item', 'event', 'none'], description: 'where the rules an item uses come from' }) source: string;
}

export class AwardRunDto {
  @ApiProperty() itemId: number;
  @ApiProperty({ description: 'the awards job; records appear when it has run' }) jobId: string;
}

export class AwardRecordDto {
  @ApiProperty() id: number;
  @ApiProperty({ nullable: true, type: String, example: 'ZS2026-000123' }) serial: string | null;
  @ApiProperty({ enum: ['award', 'recognition'] }) kind: string;
  @ApiProperty() userId: number;
  @ApiProperty({ example: '刘洋' }) name: string;
  @ApiProperty() organisationId: number;
  @ApiProperty() issuerId: number;
  @ApiProperty({ example: '拱墅区总工会' }) issuer: string;
  @ApiProperty({ nullable: true, type: Number }) eventId: number | null;
  @ApiProperty({ nullable: true, type: String }) eventName: string | null;
  @ApiProperty({ nullable: true, type: Number }) itemId: number | null;
  @ApiProperty({ nullable: true, type: String }) itemName: string | null;
  @ApiProperty({ nullable: true, type: Number }) entryId: number | null;
  @ApiProperty({ example: 'first' }) awardCode: string;
  @ApiProperty({ example: '一等奖' }) awardName: string;
  @ApiProperty({ description: '1 is the highest' }) level: number;
  @ApiProperty({ nullable: true, type: String, example: '技术能手' }) title: string | null;
  @ApiProperty({ nullable: true, type: String }) citation: string | null;
  @ApiProperty({ nullable: true, type: String, example: '5000.00', description: 'yuan, exact decimal' }) prizeMoney: string | null;
  @ApiProperty({ enum: ['none', 'pending', 'paid', 'cancelled'] }) paymentStatus: string;
  @ApiProperty({ nullable: true, type: String, example: '2026-12-01' }) paidOn: string | null;
  @ApiProperty({ nullable: true, type: String }) paymentRef: string | null;
  @ApiProperty({ example: 2026 }) year: number;
  @ApiProperty({ example: '2026-11-29' }) grantedOn: string;
  @ApiProperty({ enum: ['active', 'revoked'] }) status: string;
  @ApiProperty({ description: 'bumped by every revocation or correction' }) revision: number;
  @ApiProperty({ nullable: true, type: Number, description: 'the revision the stored certificate shows; null while it is rendered' }) certificateRevision: number | null;
}

export class AwardAuditDto {
  @ApiProperty() id: number;
  @ApiProperty({ example: 'corrected', description: 'granted, revoked, corrected, paid, cancelled…' }) action: string;
  @ApiProperty({ nullable: true, type: Number, description: 'null: the platform (the awards job)' }) by: number | null;
  @ApiProperty({ nullable: true, type: String }) byName: string | null;
  @ApiProperty() at: Date;
  @ApiProperty({ nullable: true, type: String }) reason: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true }) before: unknown;
  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true }) after: unknown;
}

export class LedgerCountsDto {
  @ApiProperty() paid: number;
  @ApiProperty() pending: number;
  @ApiProperty() cancelled: number;
}

export class LedgerTotalDto {
  @ApiProperty({ example: '/1/2/', description: 'the subtree counted' }) orgPath: string;
  @ApiProperty() year: number;
  @ApiProperty({ example: '15000.00' }) paid: string;
  @ApiProperty({ example: '5000.00' }) pending: string;
  @ApiProperty({ example: '0.00' }) cancelled: string;
  @ApiProperty({ example: '20000.00', description: 'paid + pending' }) committed: string;
  @ApiProperty({ type: LedgerCountsDto }) counts: LedgerCountsDto;
}

export class LedgerDto {
  @ApiProperty({ type: LedgerTotalDto }) total: LedgerTotalDto;
  @ApiProperty({ type: [AwardRecordDto], description: 'every record with prize money' }) payments: AwardRecordDto[];
}
