import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsDate, IsIn, IsInt, IsNumber, IsString, Length, Matches, Max, Min, ValidateNested } from 'class-validator';
import { OptionalField } from '../http/optional';
import { acceptScanUpload } from './scan-upload-check';

export class CreateRouteDto {
  @ApiProperty({ example: 30000, description: 'metres' }) @IsInt() @Min(1) @Max(500_000) distanceM: number;
  @ApiProperty({ type: Date, description: "the first wave's gun: checkpoint times are set on it" }) @Type(() => Date) @IsDate() referenceStartAt: Date;
  @ApiPropertyOptional({ example: 4 }) @OptionalField() @IsInt() @Min(1) @Max(20) teamMin?: number;
  @ApiPropertyOptional({ example: 6 }) @OptionalField() @IsInt() @Min(1) @Max(20) teamMax?: number;
  @ApiPropertyOptional({ example: 600000 }) @OptionalField() @IsInt() @Min(0) @Max(86_400_000) teamGapMs?: number;
  @ApiPropertyOptional({ example: 120000 }) @OptionalField() @IsInt() @Min(0) @Max(86_400_000) skewLimitMs?: number;
  @ApiPropertyOptional({ example: 1800000 }) @OptionalField() @IsInt() @Min(0) @Max(86_400_000) overdueMarginMs?: number;
  @ApiPropertyOptional({ enum: ['flag', 'refuse'], description: "a team's QR scanned with a member still walking missing: flagged for staff (default) or refused" })
  @OptionalField()
  @IsIn(['flag', 'refuse'])
  incompleteTeamScan?: 'flag' | 'refuse';
  @ApiPropertyOptional({ description: "text a walker's emergency contact when they are timed out or withdraw (default off)" })
  @OptionalField()
  @IsBoolean()
  notifyContacts?: boolean;
}

/** A route's settings changed after it was made; its reference start stays (checkpoint times are set on it). */
export class RouteSettingsDto {
  @ApiPropertyOptional({ example: 30000, description: 'metres' }) @OptionalField() @IsInt() @Min(1) @Max(500_000) distanceM?: number;
  @ApiPropertyOptional({ example: 4 }) @OptionalField() @IsInt() @Min(1) @Max(20) teamMin?: number;
  @ApiPropertyOptional({ example: 6 }) @OptionalField() @IsInt() @Min(1) @Max(20) teamMax?: number;
  @ApiPropertyOptional({ example: 600000 }) @OptionalField() @IsInt() @Min(0) @Max(86_400_000) teamGapMs?: number;
  @ApiPropertyOptional({ example: 120000 }) @OptionalField() @IsInt() @Min(0) @Max(86_400_000) skewLimitMs?: number;
  @ApiPropertyOptional({ example: 1800000 }) @OptionalField() @IsInt() @Min(0) @Max(86_400_000) overdueMarginMs?: number;
  @ApiPropertyOptional({ enum: ['flag', 'refuse'] }) @OptionalField() @IsIn(['flag', 'refuse']) incompleteTeamScan?: 'flag' | 'refuse';
  @ApiPropertyOptional() @OptionalField() @IsBoolean() notifyContacts?: boolean;
}

export class CheckpointDto {
  @ApiPropertyOptional({ description: "one of the route's checkpoints, kept with its staff and scans wherever it now stands; absent: a new checkpoint (in a list with no ids at all, checkpoints are kept by position)" })
  @OptionalField()
  @IsInt()
  @Min(1)
  id?: number;
  @ApiProperty({ example: '拱宸桥' }) @IsString() @Length(1, 200) name: string;
  @ApiProperty({ example: 2500 }) @IsInt() @Min(0) @Max(500_000) distanceM: number;
  @ApiPropertyOptional({ nullable: true, type: String, example: '杭州市拱墅区桥弄街' }) @OptionalField({ nullable: true }) @IsString() @Length(0, 1000) location?: string | null;
  @ApiPropertyOptional({ nullable: true, type: Number, example: 30.3199, description: 'WGS-84 decimal degrees; with longitude or not at all' }) @OptionalField({ nullable: true }) @IsNumber({ maxDecimalPlaces: 6 }) @Min(-90) @Max(90) latitude?: number | null;
  @ApiPropertyOptional({ nullable: true, type: Number, example: 120.1426, description: 'WGS-84 decimal degrees; with latitude or not at all' }) @OptionalField({ nullable: true }) @IsNumber({ maxDecimalPlaces: 6 }) @Min(-180) @Max(180) longitude?: number | null;
  @ApiPropertyOptional({ nullable: true, type: Date }) @OptionalField({ nullable: true }) @Type(() => Date) @IsDate() opensAt?: Date | null;
  @ApiPropertyOptional({ nullable: true, type: Date }) @OptionalField({ nullable: true }) @Type(() => Date) @IsDate() arrivalCutoffAt?: Date | null;
  @ApiPropertyOptional({ nullable: true, type: Date }) @OptionalField({ nullable: true }) @Type(() => Date) @IsDate() departureCutoffAt?: Date | null;
}

export class SetCheckpointsDto {
  @ApiProperty({ type: [CheckpointDto] }) @IsArray() @ArrayMinSize(2) @ArrayMaxSize(200) @ValidateNested({ each: true }) @Type(() => CheckpointDto) checkpoints: CheckpointDto[];
}

export class MoveCutoffsDto {
  @ApiPropertyOptional({ nullable: true, type: Date }) @OptionalField({ nullable: true }) @Type(() => Date) @IsDate() arrivalCutoffAt?: Date | null;
  @ApiPropertyOptional({ nullable: true, type: Date }) @OptionalField({ nullable: true }) @Type(() => Date) @IsDate() departureCutoffAt?: Date | null;
}

export class WaveDto {
  @ApiProperty({ example: '第一批' }) @IsString() @Length(1, 200) name: string;
  @ApiProperty({ type: Date }) @Type(() => Date) @IsDate() startsAt: Date;
}

export class MoveWaveDto {
  @ApiProperty({ type: Date }) @Type(() => Date) @IsDate() startsAt: Date;
}

export class EnrolDto {
  @ApiProperty({ description: 'the wave the enrolled walkers start in' }) @IsInt() @Min(1) waveId: number;
}

/** Named apart from the job fair's StaffDto: the OpenAPI document keeps one schema per class name. */
export class CheckpointStaffDto {
  @ApiProperty() @IsInt() @Min(1) userId: number;
}

export class WithdrawDto {
  @ApiProperty({ example: '脚踝扭伤，自行退出' }) @IsString() @Length(1, 500) reason: string;
  @ApiPropertyOptional({ nullable: true, type: Number, description: 'where it happened' }) @OptionalField({ nullable: true }) @IsInt() @Min(1) checkpointId?: number | null;
}

export class LostDto {
  @ApiProperty() @IsBoolean() lost: boolean;
}

export class ScanDto {
  @ApiProperty({ example: 'cp3-a-000123', description: 'unique per scan on its device' }) @IsString() @Length(1, 40) @Matches(/^[\w.:-]+$/) clientScanId: string;
  @ApiProperty() @IsInt() @Min(1) checkpointId: number;
  @ApiProperty({ enum: ['in', 'out'] }) @IsIn(['in', 'out']) direction: 'in' | 'out';
  @ApiProperty({ type: Date, description: "the device's clock when scanned" }) @Type(() => Date) @IsDate() deviceAt: Date;
  @ApiPropertyOptional({ description: "a walker's own code" }) @OptionalField() @IsInt() @Min(1) walkerId?: number;
  @ApiPropertyOptional({ description: "the entry's bib (registration QR); a team's scans its members" }) @OptionalField() @IsString() @Length(1, 32) bib?: string;
  @ApiPropertyOptional({ type: [Number], description: "with a team's bib: the members (walker ids) present; an incomplete team is refused or flagged as the route sets" })
  @OptionalField()
  @IsArray()
  @ArrayMaxSize(20)
  @IsInt({ each: true })
  @Min(1, { each: true })
  present?: number[];
}

export class ScanUploadDto {
  @ApiProperty({ example: 'pad-cp3-a' }) @IsString() @Length(1, 64) @Matches(/^[\w.:-]+$/) deviceId: string;
  @ApiProperty({ type: Date, description: "the device's clock at upload" }) @Type(() => Date) @IsDate() deviceNow: Date;
  @ApiProperty({ type: [ScanDto] }) @IsArray() @ArrayMinSize(1) @ArrayMaxSize(1000) @ValidateNested({ each: true }) @Type(() => ScanDto) scans: ScanDto[];

  /** A well-formed upload in one pass (see the validation pipe); anything else is judged by the decorators above. */
  static accept(body: unknown): ScanUploadDto | null {
    return acceptScanUpload(body);
  }
}

export class RegroupDto {
  @ApiProperty({ example: '运河重组一队' }) @IsString() @Length(1, 100) name: string;
  @ApiProperty({ type: [Number], description: 'walkers still on the course from teams broken by withdrawals' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @IsInt({ each: true })
  @Min(1, { each: true })
  walkerIds: number[];
}

// Answers.

export class RegroupViewDto {
  @ApiProperty() id: number;
  @ApiProperty() routeId: number;
  @ApiProperty() name: string;
  @ApiProperty({ example: 'RG-12', description: "the new team's QR payload: scanned like an entry's bib, it scans the members; their old teams' bibs no longer do" })
  bib: string;
  @ApiProperty({ description: 'the staff member or organizer who approved it' }) approvedBy: number;
  @ApiProperty({ type: [Number] }) walkerIds: number[];
}

export class CheckpointViewDto {
  @ApiProperty() id: number;
  @ApiProperty() routeId: number;
  @ApiProperty({ description: '0 is the start; the last is the finish' }) seq: number;
  @ApiProperty() name: string;
  @ApiProperty() distanceM: number;
  @ApiProperty({ nullable: true, type: String }) location: string | null;
  @ApiProperty({ nullable: true, type: Number }) latitude: number | null;
  @ApiProperty({ nullable: true, type: Number }) longitude: number | null;
  @ApiProperty({ nullable: true, type: Date }) opensAt: Date | null;
  @ApiProperty({ nullable: true, type: Date }) arrivalCutoffAt: Date | null;
  @ApiProperty({ nullable: true, type: Date }) departureCutoffAt: Date | null;
}

export class WaveViewDto {
  @ApiProperty() id: number;
  @ApiProperty() eventId: number;
  @ApiProperty() name: string;
  @ApiProperty({ type: Date }) startsAt: Date;
}

export class RouteViewDto {
  @ApiProperty() id: number;
  @ApiProperty() eventId: number;
  @ApiProperty() itemId: number;
  @ApiProperty() name: string;
  @ApiProperty() distanceM: number;
  @ApiProperty({ type: Date }) referenceStartAt: Date;
  @ApiProperty() teamMin: number;
  @ApiProperty() teamMax: number;
  @ApiProperty() teamGapMs: number;
  @ApiProperty() skewLimitMs: number;
  @ApiProperty({ enum: ['flag', 'refuse'] }) incompleteTeamScan: 'flag' | 'refuse';
  @ApiProperty() overdueMarginMs: number;
  @ApiProperty() notifyContacts: boolean;
  @ApiProperty() standingsVersion: number;
  @ApiProperty({ type: [CheckpointViewDto] }) checkpoints: CheckpointViewDto[];
  @ApiProperty({ type: [WaveViewDto] }) waves: WaveViewDto[];
}

export class EnrolRefusalDto {
  @ApiProperty() entryId: number;
  @ApiProperty() code: string;
  @ApiProperty() message: string;
}

export class EnrolResultDto {
  @ApiProperty() enrolled: number;
  @ApiProperty({ type: [EnrolRefusalDto] }) refused: EnrolRefusalDto[];
}

export class StaffAssignmentDto {
  @ApiProperty() id: number;
  @ApiProperty() checkpointId: number;
  @ApiProperty() userId: number;
}

export class WalkerDto {
  @ApiProperty() id: number;
  @ApiProperty() entryId: number;
  @ApiProperty() userId: number;
  @ApiProperty() routeId: number;
  @ApiProperty() waveId: number;
  @ApiProperty({ nullable: true, type: Number }) teamEntryId: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'the team formed on the course the walker now walks with' }) regroupId: number | null;
  @ApiProperty({ nullable: true, type: String }) bib: string | null;
  @ApiProperty() captain: boolean;
  @ApiProperty() lost: boolean;
  @ApiProperty({ enum: ['registered', 'started', 'on_course', 'finished', 'withdrawn', 'timed_out', 'disqualified'] }) status: string;
  @ApiProperty({ nullable: true, type: String }) dropReason: string | null;
  @ApiProperty({ nullable: true, type: Number }) dropCheckpointId: number | null;
  @ApiProperty({ nullable: true, type: Date }) droppedAt: Date | null;
  @ApiProperty({ nullable: true, type: Number }) lastCheckpointSeq: number | null;
  @ApiProperty({ nullable: true, type: Date }) lastScanAt: Date | null;
  @ApiProperty({ nullable: true, type: Date, description: 'own start scan; null: net time unknown' }) startedAt: Date | null;
}

export class NamedWalkerDto extends WalkerDto {
  @ApiProperty() realName: string;
}

export class WalkerScanDto {
  @ApiProperty() id: number;
  @ApiProperty() checkpointId: number;
  @ApiProperty() seq: number;
  @ApiProperty() checkpointName: string;
  @ApiProperty({ enum: ['in', 'out'] }) direction: string;
  @ApiProperty({ type: Date }) rawAt: Date;
  @ApiProperty({ type: Date }) correctedAt: Date;
  @ApiProperty() counted: boolean;
  @ApiProperty({ type: [String] }) flags: string[];
}

export class StatusChangeDto {
  @ApiProperty() fromStatus: string;
  @ApiProperty() toStatus: string;
  @ApiProperty() reason: string;
  @ApiProperty({ nullable: true, type: Number, description: 'null: a cut-off job or a late scan' }) actorId: number | null;
  @ApiProperty({ type: Date }) at: Date;
}

export class WalkerDetailDto extends WalkerDto {
  @ApiProperty({ type: [WalkerScanDto] }) scans: WalkerScanDto[];
  @ApiProperty({ type: [StatusChangeDto], description: 'drops and reversals, audited' }) changes: StatusChangeDto[];
}

export class LostViewDto {
  @ApiProperty() walkerId: number;
  @ApiProperty() lost: boolean;
}

export class SafetyBoardCheckpointDto {
  @ApiProperty() checkpointId: number;
  @ApiProperty() seq: number;
  @ApiProperty() name: string;
  @ApiProperty({ description: 'walking walkers not yet past it' }) expected: number;
  @ApiProperty() arrived: number;
  @ApiProperty({ description: 'walked past it without a scan' }) missed: number;
  @ApiProperty({ description: 'past their predicted arrival by the margin' }) overdue: number;
}

export class SafetyBoardSegmentDto {
  @ApiProperty() fromSeq: number;
  @ApiProperty() toSeq: number;
  @ApiProperty() onTrail: number;
}

export class SafetyBoardWalkerDto {
  @ApiProperty() walkerId: number;
  @ApiProperty({ nullable: true, type: String }) bib: string | null;
  @ApiProperty({ nullable: true, type: Number }) lastSeq: number | null;
}

export class SafetyBoardDto {
  @ApiProperty() routeId: number;
  @ApiProperty({ type: Date }) at: Date;
  @ApiProperty() total: number;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'number' }, description: 'walkers per status' }) byStatus: Record<string, number>;
  @ApiProperty({ type: [SafetyBoardCheckpointDto] }) checkpoints: SafetyBoardCheckpointDto[];
  @ApiProperty({ type: [SafetyBoardSegmentDto] }) segments: SafetyBoardSegmentDto[];
  @ApiProperty({ type: [SafetyBoardWalkerDto], description: 'the longest overdue first, at most 200 named; the checkpoints count them all' }) overdue: SafetyBoardWalkerDto[];
  @ApiProperty({ type: [SafetyBoardWalkerDto] }) lost: SafetyBoardWalkerDto[];
}

export class ScanOutcomeDto {
  @ApiProperty() index: number;
  @ApiProperty({ enum: ['accepted', 'repeat', 'refused'] }) outcome: string;
  @ApiPropertyOptional({ type: [Number] }) walkerIds?: number[];
  @ApiPropertyOptional({ type: [Boolean] }) counted?: boolean[];
  @ApiPropertyOptional({ type: 'array', items: { type: 'array', items: { type: 'string' } }, description: 'per walker' }) flags?: string[][];
  @ApiPropertyOptional() code?: string;
  @ApiPropertyOptional() field?: string;
  @ApiPropertyOptional() message?: string;
}

export class ScanUploadResultDto {
  @ApiProperty() deviceId: string;
  @ApiProperty({ description: 'device now − server now' }) skewMs: number;
  @ApiProperty() skewFlagged: boolean;
  @ApiProperty() accepted: number;
  @ApiProperty() repeats: number;
  @ApiProperty() refused: number;
  @ApiProperty({ type: [ScanOutcomeDto] }) results: ScanOutcomeDto[];
}

export class ShareLinkDto {
  @ApiProperty({ description: "the follow link's secret: /api/v1/hiking/follow/{token}" }) token: string;
}

export class FollowCheckpointDto {
  @ApiProperty() seq: number;
  @ApiProperty() name: string;
}

export class FollowSplitDto {
  @ApiProperty() seq: number;
  @ApiProperty() name: string;
  @ApiProperty({ example: '2026-11-28 21:42', description: 'Beijing time' }) at: string;
  @ApiProperty({ description: 'since the checkpoint before' }) segmentMs: number;
}

export class FollowViewDto {
  @ApiProperty({ example: '王**', description: 'the given name masked' }) name: string;
  @ApiProperty() routeName: string;
  @ApiProperty() status: string;
  @ApiProperty({ nullable: true, type: FollowCheckpointDto }) lastCheckpoint: FollowCheckpointDto | null;
  @ApiProperty({ nullable: true, type: String, example: '2026-11-28 21:42', description: 'Beijing time' }) lastSeenAt: string | null;
  @ApiProperty({ type: [FollowSplitDto] }) splits: FollowSplitDto[];
}
