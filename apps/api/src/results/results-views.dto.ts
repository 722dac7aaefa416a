import { ApiProperty } from '@nestjs/swagger';
import { MedalWeightsDto, RecordsDto } from './results.dto';

/** What the results endpoints answer; the request bodies are in results.dto.ts. */

export class DelegationPointsDto {
  @ApiProperty() organisationId: number;
  @ApiProperty({ example: '杭州汽轮动力集团有限公司工会' }) name: string;
  @ApiProperty({ description: 'the organisation id as text' }) delegationId: string;
  @ApiProperty({ description: 'shared when points and the countback are both equal' }) rank: number;
  @ApiProperty({ example: '4.5', description: 'decimal; exact when `exact`, else rounded to 4 places' }) points: string;
  @ApiProperty({ example: '9/2', description: 'always exact (tied places share points)' }) pointsFraction: string;
  @ApiProperty({ description: 'whether `points` is exact' }) exact: boolean;
  @ApiProperty({ type: [Number], description: 'number of 1st, 2nd, … places, for the countback' }) placeCounts: number[];
}

export class MedalRowDto {
  @ApiProperty() organisationId: number;
  @ApiProperty() delegationId: string;
  @ApiProperty({ required: false }) name?: string;
  @ApiProperty({ description: 'equal keys share a rank (1, 1, 3)' }) rank: number;
  @ApiProperty() gold: number;
  @ApiProperty() silver: number;
  @ApiProperty() bronze: number;
  @ApiProperty() total: number;
  @ApiProperty({ required: false, description: 'only in the weighted order, exact decimal' }) weightedPoints?: string;
}

export class BoardItemDto {
  @ApiProperty() itemId: number;
  @ApiProperty({ example: '男子100米' }) name: string;
  @ApiProperty({ enum: ['individual', 'relay', 'team'] }) entryType: string;
  @ApiProperty({ enum: ['PROVISIONAL', 'NOTICE', 'FINAL'] }) publication: string;
  @ApiProperty() scoreVersion: number;
  @ApiProperty({ nullable: true, type: Date }) talliedAt: Date | null;
}

export class BoardDto {
  @ApiProperty() eventId: number;
  @ApiProperty({ example: '2026年杭州市职工运动会' }) eventName: string;
  @ApiProperty({ type: [DelegationPointsDto], description: 'best first; equal totals split by countback' }) points: DelegationPointsDto[];
  @ApiProperty({ type: [MedalRowDto] }) medals: MedalRowDto[];
  @ApiProperty() frozen: boolean;
  @ApiProperty({ nullable: true, type: Date }) frozenAt: Date | null;
  @ApiProperty({ description: 'false: the public snapshot of a frozen board' }) live: boolean;
  @ApiProperty({ description: "true until every item's results are final" }) provisional: boolean;
  @ApiProperty() generatedAt: Date;
  @ApiProperty({ type: [BoardItemDto] }) items: BoardItemDto[];
}

export class ResultsSettingsViewDto {
  @ApiProperty({ type: [String], example: ['9', '7', '6', '5', '4', '3', '2', '1'] }) pointsIndividual: string[];
  @ApiProperty({ type: [String], example: ['18', '14', '12', '10', '8', '6', '4', '2'] }) pointsRelay: string[];
  @ApiProperty({ enum: ['gold-first', 'weighted'] }) medalOrder: string;
  @ApiProperty({ type: MedalWeightsDto, nullable: true }) medalWeights: MedalWeightsDto | null;
  @ApiProperty({ example: 5 }) noticeDays: number;
  @ApiProperty({ nullable: true, type: Date, description: 'when the board was frozen; null while live' }) frozenAt: Date | null;
}

export class RecordsViewDto extends RecordsDto {
  @ApiProperty() itemId: number;
}

export class GuestViewDto {
  @ApiProperty() entryId: number;
  @ApiProperty() guest: boolean;
}

export class AppealAttachmentDto {
  @ApiProperty() id: number;
  @ApiProperty({ example: '终点录像截图.png' }) fileName: string;
  @ApiProperty({ example: 'image/png' }) contentType: string;
  @ApiProperty({ description: 'bytes' }) size: number;
}

export class AppealViewDto {
  @ApiProperty() id: number;
  @ApiProperty() itemId: number;
  @ApiProperty() entryId: number;
  @ApiProperty({ example: '刘洋' }) realName: string;
  @ApiProperty({ example: '杭州汽轮动力集团有限公司工会' }) organisationName: string;
  @ApiProperty() filedBy: number;
  @ApiProperty() filedByName: string;
  @ApiProperty() filedAt: Date;
  @ApiProperty() reason: string;
  @ApiProperty({ enum: ['open', 'upheld', 'dismissed'] }) status: string;
  @ApiProperty({ nullable: true, type: Number }) resolvedBy: number | null;
  @ApiProperty({ nullable: true, type: Date }) resolvedAt: Date | null;
  @ApiProperty({ nullable: true, type: String }) resolutionReason: string | null;
  @ApiProperty({ type: [AppealAttachmentDto] }) attachments: AppealAttachmentDto[];
}

export class PublicationAuditDto {
  @ApiProperty() id: number;
  @ApiProperty({ example: 'PUBLISH_NOTICE', description: 'the step: PUBLISH_NOTICE, RETRACT, FINALIZE, REOPEN, UPHOLD_APPEAL, DISMISS_APPEAL…' }) action: string;
  @ApiProperty({ nullable: true, type: Number }) appealId: number | null;
  @ApiProperty() by: number;
  @ApiProperty({ example: '王丽华' }) byName: string;
  @ApiProperty() at: Date;
  @ApiProperty({ nullable: true, type: String }) reason: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true, description: 'status before and after, corrected marks' }) detail: unknown;
}
