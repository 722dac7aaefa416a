import { CV_MAX_BYTES, PARTICIPATION_STATUSES, SEEKER_ELIGIBILITY, type SeekerEligibility, POSITION_STATUSES, type ParticipationStatus, type PositionStatus, SALARY_PERIODS } from '@app/job-fair';
import { base64Length } from '@app/results';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsBase64, IsBoolean, IsIn, IsInt, IsISO8601, IsPositive, IsString, Length, Max, MaxLength, Min, ValidateIf } from 'class-validator';
import { QueryId, ToInt } from '../http/ids';
import { OptionalField } from '../http/optional';

const DECISIONS = ['approve', 'refuse'] as const;
const SALARY_KINDS = [...SALARY_PERIODS, 'negotiable'] as const;

export class RegisterEmployerDto {
  @ApiProperty({ example: '杭州数控机床制造有限公司' }) @IsString() @Length(1, 200) name: string;
  @ApiProperty({ example: '91330100MA2B3C4D5E', description: 'unified social credit code (GB 32100), checked by its check characters' })
  @IsString()
  @Length(1, 40)
  creditCode: string;
  @ApiPropertyOptional({ example: '拱墅区' }) @OptionalField() @IsString() @Length(1, 100) district?: string;
  @ApiPropertyOptional({ example: '制造业' }) @OptionalField() @IsString() @Length(1, 100) industry?: string;
}

export class EmployerDto {
  @ApiProperty() id: number;
  @ApiProperty() name: string;
  @ApiProperty() creditCode: string;
  @ApiProperty({ nullable: true, type: String }) district: string | null;
  @ApiProperty({ nullable: true, type: String }) industry: string | null;
  @ApiProperty() createdAt: Date;
}

export class AddStaffDto {
  @ApiProperty({ description: 'the colleague to add (a user id)' }) @IsInt() @IsPositive() userId: number;
}

export class StaffDto {
  @ApiProperty() employerId: number;
  @ApiProperty() userId: number;
  @ApiProperty() realName: string;
}

export class ApplyToFairDto {
  @ApiProperty({ description: 'the employer that applies; the caller is one of its staff' }) @IsInt() @IsPositive() employerId: number;
}

export class FairDecisionDto {
  @ApiProperty({ enum: DECISIONS }) @IsIn(DECISIONS) decision: 'approve' | 'refuse';
  @ApiPropertyOptional({ example: '营业执照已注销', description: 'required when refusing' }) @OptionalField() @IsString() @Length(1, 500) reason?: string;
}

export class BoothDto {
  @ApiProperty({ example: '1号馆' }) @IsString() @Length(1, 50) hall: string;
  @ApiProperty({ example: 'A-12' }) @IsString() @Length(1, 20) number: string;
}

export class ParticipationDto {
  @ApiProperty() id: number;
  @ApiProperty() eventId: number;
  @ApiProperty() employerId: number;
  @ApiProperty() employerName: string;
  @ApiProperty() creditCode: string;
  @ApiProperty({ enum: PARTICIPATION_STATUSES }) status: ParticipationStatus;
  @ApiProperty({ nullable: true, type: String }) refusalReason: string | null;
  @ApiProperty({ nullable: true, type: String }) boothHall: string | null;
  @ApiProperty({ nullable: true, type: String }) boothNumber: string | null;
  @ApiProperty({ nullable: true, type: Date }) decidedAt: Date | null;
}

export class CreatePositionDto {
  @ApiProperty() @IsInt() @IsPositive() employerId: number;
  @ApiProperty({ example: '低压电工（持证）' }) @IsString() @Length(1, 200) title: string;
  @ApiProperty({ oneOf: [{ type: 'integer', minimum: 1 }, { type: 'string', enum: ['not_fixed'] }], description: 'a positive number, or not_fixed (若干)' })
  @ValidateIf((o: CreatePositionDto) => o.headcount !== 'not_fixed')
  @IsInt({ message: 'headcount 须为正整数或 not_fixed' })
  headcount: number | 'not_fixed';
  @ApiProperty({ enum: SALARY_KINDS, description: 'month or year for a range in whole yuan, or negotiable (面议)' })
  @IsIn(SALARY_KINDS)
  salaryPeriod: (typeof SALARY_KINDS)[number];
  @ApiPropertyOptional({ example: 6000 }) @OptionalField() @IsInt() salaryMin?: number;
  @ApiPropertyOptional({ example: 9000 }) @OptionalField() @IsInt() salaryMax?: number;
  @ApiPropertyOptional({ example: '拱墅区' }) @OptionalField() @IsString() @Length(1, 100) district?: string;
  @ApiPropertyOptional({ example: '制造业' }) @OptionalField() @IsString() @Length(1, 100) industry?: string;
  @ApiPropertyOptional({ example: '中专/技校' }) @OptionalField() @IsString() @Length(1, 50) education?: string;
  @ApiPropertyOptional({ example: '3年以上' }) @OptionalField() @IsString() @Length(1, 50) experience?: string;
  @ApiProperty({ example: '负责厂区低压配电设备的日常巡检与维修，持特种作业操作证。' }) @IsString() @Length(1, 5000) description: string;
  @ApiPropertyOptional({ type: [String], example: ['五险一金', '包住宿'] })
  @OptionalField()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @Length(1, 20, { each: true })
  tags?: string[];
}

export class ScreeningSpanDto {
  @ApiProperty() start: number;
  @ApiProperty() end: number;
  @ApiProperty({ example: 'gender' }) category: string;
  @ApiProperty({ example: '限男性' }) text: string;
}

export class PositionDto {
  @ApiProperty() id: number;
  @ApiProperty() eventId: number;
  @ApiProperty() employerId: number;
  @ApiProperty() employerName: string;
  @ApiProperty() title: string;
  @ApiProperty({ oneOf: [{ type: 'integer' }, { type: 'string', enum: ['not_fixed'] }] }) headcount: number | 'not_fixed';
  @ApiProperty({ enum: SALARY_KINDS }) salaryPeriod: string;
  @ApiProperty({ nullable: true, type: Number }) salaryMin: number | null;
  @ApiProperty({ nullable: true, type: Number }) salaryMax: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'per month (annual ÷ 12)' }) salaryMonthlyMin: number | null;
  @ApiProperty({ nullable: true, type: Number }) salaryMonthlyMax: number | null;
  @ApiProperty({ nullable: true, type: String }) district: string | null;
  @ApiProperty({ nullable: true, type: String }) industry: string | null;
  @ApiProperty({ nullable: true, type: String }) education: string | null;
  @ApiProperty({ nullable: true, type: String }) experience: string | null;
  @ApiProperty() description: string;
  @ApiProperty({ type: [String] }) tags: string[];
  @ApiProperty({ enum: POSITION_STATUSES }) status: PositionStatus;
  @ApiProperty({ nullable: true, type: String }) refusalReason: string | null;
  @ApiProperty() hired: number;
  @ApiPropertyOptional({ type: [ScreeningSpanDto], description: 'reviewers and the employer only: terms a public fair may not publish' })
  screening?: ScreeningSpanDto[];
  @ApiPropertyOptional({ description: 'search only: the keyword is in the title' }) titleMatch?: boolean;
}

export class PositionSearchQuery {
  @ApiPropertyOptional({ example: '电工' }) @OptionalField() @IsString() @Length(0, 200) q?: string;
  @ApiPropertyOptional({ description: 'per month, yuan' }) @OptionalField() @ToInt() @IsInt() @Min(0) salaryMin?: number;
  @ApiPropertyOptional({ description: 'per month, yuan' }) @OptionalField() @ToInt() @IsInt() @Min(0) salaryMax?: number;
  @ApiPropertyOptional() @OptionalField() @IsString() @Length(1, 100) district?: string;
  @ApiPropertyOptional() @OptionalField() @IsString() @Length(1, 100) industry?: string;
  @ApiPropertyOptional() @OptionalField() @IsString() @Length(1, 50) education?: string;
  @ApiPropertyOptional({ enum: ['relevance', 'salary'] }) @OptionalField() @IsIn(['relevance', 'salary']) sort?: 'relevance' | 'salary';
  @ApiPropertyOptional({ minimum: 1 }) @OptionalField() @ToInt() @IsInt() @Min(1) @Max(10_000) page?: number;
  @ApiPropertyOptional({ minimum: 1, maximum: 100 }) @OptionalField() @ToInt() @IsInt() @Min(1) @Max(100) pageSize?: number;
}

export class EmployerQuery {
  @ApiProperty({ description: 'the employer whose postings or interview slots are listed' }) @QueryId() employerId: number;
}

export class SearchPageDto {
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
  @ApiProperty({ type: [PositionDto] }) items: PositionDto[];
}

export class FilterValueDto {
  @ApiProperty({ example: '拱墅区' }) value: string;
  @ApiProperty({ description: 'approved postings that carry it' }) count: number;
}

export class PositionFiltersDto {
  @ApiProperty({ type: [FilterValueDto], description: 'most postings first' }) districts: FilterValueDto[];
  @ApiProperty({ type: [FilterValueDto], description: 'most postings first' }) industries: FilterValueDto[];
}

export class PositionsOfferedDto {
  @ApiProperty({ description: 'sum of the headcounts of approved postings' }) positions: number;
  @ApiProperty({ description: 'approved postings whose headcount is not fixed, counted apart' }) notFixedPostings: number;
  @ApiProperty({ description: 'approved postings' }) postings: number;
}

const STAGES = ['applied', 'screened', 'interviewing', 'offered', 'hired', 'rejected', 'withdrawn'] as const;

export const CV_BODY_LIMIT = base64Length(CV_MAX_BYTES) + 64 * 1024;

export class UploadCvDto {
  @ApiProperty({ example: '张伟-简历.pdf' }) @IsString() @Length(1, 255) fileName: string;
  @ApiProperty({ description: `PDF, JPEG or PNG, at most ${CV_MAX_BYTES / 1024 / 1024} MB; the type is read from the content` })
  @IsString()
  @MaxLength(base64Length(CV_MAX_BYTES))
  @IsBase64()
  contentBase64: string;
}

export class CvDto {
  @ApiProperty() id: number;
  @ApiProperty() fileName: string;
  @ApiProperty({ example: 'application/pdf' }) contentType: string;
  @ApiProperty() size: number;
  @ApiProperty({ nullable: true, type: Date }) withdrawnAt: Date | null;
  @ApiProperty() createdAt: Date;
}

export class ConsentBodyDto {
  @ApiProperty() @IsInt() @IsPositive() employerId: number;
  @ApiProperty() @IsInt() @IsPositive() cvId: number;
}

export class ConsentDto {
  @ApiProperty() id: number;
  @ApiProperty() employerId: number;
  @ApiProperty() cvId: number;
  @ApiProperty() grantedAt: Date;
  @ApiProperty({ nullable: true, type: Date }) revokedAt: Date | null;
}

export class RegisterSeekerDto {
  @ApiPropertyOptional({ example: 'ZJ-2026-0042', description: 'retraining certificate number (培训合格证书编号), required where the fair admits retrained workers' })
  @OptionalField()
  @IsString()
  @MaxLength(64)
  retrainingCertificate?: string;
}

export class UnionSeekersDto {
  @ApiProperty({ type: [Number], description: 'members of the union (its subtree) to register' })
  @IsArray()
  @ArrayMaxSize(500)
  @IsInt({ each: true })
  @IsPositive({ each: true })
  userIds: number[];
}

export class UnionSeekersResultDto {
  @ApiProperty({ type: [Number] }) registered: number[];
  @ApiProperty({ type: [Number], description: 'registered already, left as they were' }) already: number[];
}

export class EligibilityDto {
  @ApiProperty({ enum: SEEKER_ELIGIBILITY, description: 'members: union members of the organising subtree (default); retrained: retrained workers with a certificate number; open: everyone' })
  @IsIn(SEEKER_ELIGIBILITY)
  seekerEligibility: SeekerEligibility;
}

export class FairSettingDto {
  @ApiProperty() eventId: number;
  @ApiProperty({ enum: SEEKER_ELIGIBILITY }) seekerEligibility: SeekerEligibility;
}

export class SeekerDto {
  @ApiProperty() id: number;
  @ApiProperty() eventId: number;
  @ApiProperty() userId: number;
  @ApiProperty({ nullable: true, type: Number }) organisationId: number | null;
  @ApiProperty({ nullable: true, type: String }) retrainingCertificate: string | null;
  @ApiProperty() registeredAt: Date;
}

export class PassDto {
  @ApiProperty({ description: 'shown as a QR code; the employer scans it at its booth' }) token: string;
  @ApiProperty({ description: 'the token as a QR code, an SVG document to show on a phone' }) qrSvg: string;
}

export class ApplyDto {
  @ApiPropertyOptional({ description: 'the CV to send' }) @OptionalField() @IsInt() @IsPositive() cvId?: number;
  @ApiPropertyOptional({ description: 'consent to give this CV to the position’s employer (PIPL art. 23); required with a CV' })
  @OptionalField()
  @IsBoolean()
  consent?: boolean;
}

export class ShareCvDto {
  @ApiProperty({ description: 'the CV to share with the employer; sharing is the consent' }) @IsInt() @IsPositive() cvId: number;
}

export class NoteDto {
  @ApiPropertyOptional({ example: '已另有工作' }) @OptionalField() @IsString() @Length(1, 500) note?: string;
}

export class StageDto extends NoteDto {
  @ApiProperty({ enum: STAGES }) @IsIn(STAGES) stage: (typeof STAGES)[number];
}

export class AssessmentDto {
  @ApiPropertyOptional({ nullable: true, type: Number, minimum: 1, maximum: 4 }) @OptionalField({ nullable: true }) @IsInt() rating?: number | null;
  @ApiPropertyOptional({ nullable: true, type: String }) @OptionalField({ nullable: true }) @IsString() @Length(0, 2000) notes?: string | null;
  @ApiPropertyOptional({ description: '达成意向' }) @OptionalField() @IsBoolean() intentionReached?: boolean;
}

export class BoothScanDto {
  @ApiProperty() @IsInt() @IsPositive() positionId: number;
  @ApiProperty({ description: "the seeker's pass, read from their QR code" }) @IsString() @Length(1, 100) pass: string;
}

export class HistoryDto {
  @ApiProperty({ enum: STAGES, nullable: true }) fromStage: string | null;
  @ApiProperty({ enum: STAGES }) toStage: string;
  @ApiProperty() by: number;
  @ApiProperty() at: Date;
  @ApiProperty({ nullable: true, type: String }) note: string | null;
}

export class SeekerApplicationDto {
  @ApiProperty() id: number;
  @ApiProperty() eventId: number;
  @ApiProperty() positionId: number;
  @ApiProperty() positionTitle: string;
  @ApiProperty() employerId: number;
  @ApiProperty() employerName: string;
  @ApiProperty({ enum: STAGES }) stage: string;
  @ApiProperty({ enum: ['applied', 'booth_scan'] }) source: string;
  @ApiProperty({ nullable: true, type: Number }) cvId: number | null;
  @ApiProperty({ description: 'a booth scan without a CV: the page asks whether to share one' }) consentAsked: boolean;
  @ApiProperty({ type: [HistoryDto] }) history: HistoryDto[];
  @ApiProperty() createdAt: Date;
}

export class EmployerApplicationDto {
  @ApiProperty() id: number;
  @ApiProperty() positionId: number;
  @ApiProperty() seekerUserId: number;
  @ApiProperty() seekerName: string;
  @ApiProperty({ enum: STAGES }) stage: string;
  @ApiProperty({ enum: ['applied', 'booth_scan'] }) source: string;
  @ApiProperty() intentionReached: boolean;
  @ApiProperty({ nullable: true, type: Number }) rating: number | null;
  @ApiProperty({ nullable: true, type: String }) notes: string | null;
  @ApiProperty({ nullable: true, type: Number, description: 'only while the seeker consents' }) cvId: number | null;
  @ApiProperty({ type: [HistoryDto] }) history: HistoryDto[];
  @ApiProperty() createdAt: Date;
}

export class FairCountsDto {
  @ApiProperty() employers: number;
  @ApiProperty({ description: 'sum of approved headcounts' }) positions: number;
  @ApiProperty() postings: number;
  @ApiProperty() notFixedPostings: number;
  @ApiProperty({ description: 'unique people registered' }) seekers: number;
  @ApiProperty({ description: 'booth scans' }) visits: number;
  @ApiProperty() cvsDelivered: number;
  @ApiProperty() applications: number;
  @ApiProperty() screened: number;
  @ApiProperty() interviewed: number;
  @ApiProperty() offered: number;
  @ApiProperty() hired: number;
  @ApiProperty({ description: '达成意向' }) intentions: number;
}

export class FairRatesDto {
  @ApiProperty({ nullable: true, type: Number }) screenedPerCv: number | null;
  @ApiProperty({ nullable: true, type: Number }) interviewedPerScreened: number | null;
  @ApiProperty({ nullable: true, type: Number }) offeredPerInterviewed: number | null;
  @ApiProperty({ nullable: true, type: Number }) hiredPerOffered: number | null;
  @ApiProperty({ nullable: true, type: Number }) intentionsPerApplication: number | null;
  @ApiProperty({ nullable: true, type: Number }) hiredPerApplication: number | null;
  @ApiProperty({ nullable: true, type: Number }) applicationsPerSeeker: number | null;
  @ApiProperty({ nullable: true, type: Number }) hiredPerPosition: number | null;
}

export class FairFiguresDto {
  @ApiProperty() eventId: number;
  @ApiProperty() eventName: string;
  @ApiProperty({ type: FairCountsDto }) counts: FairCountsDto;
  @ApiProperty({ type: FairRatesDto }) rates: FairRatesDto;
}

export class PublishSlotDto {
  @ApiProperty() @IsInt() @IsPositive() employerId: number;
  @ApiProperty({ example: '2026-12-12T09:00:00+08:00' }) @IsISO8601({ strict: true }) startsAt: string;
  @ApiProperty({ example: '2026-12-12T09:20:00+08:00' }) @IsISO8601({ strict: true }) endsAt: string;
}

export class SlotDto {
  @ApiProperty() id: number;
  @ApiProperty() eventId: number;
  @ApiProperty() employerId: number;
  @ApiProperty() startsAt: Date;
  @ApiProperty() endsAt: Date;
  @ApiProperty() booked: boolean;
}

export class BookingDto extends SlotDto {
  @ApiProperty({ example: '杭州数控机床制造有限公司' }) employerName: string;
}

export class EmployerSlotDto extends SlotDto {
  @ApiProperty({ nullable: true, type: String, description: 'who booked it; null while free' }) bookerName: string | null;
  @ApiProperty({ nullable: true, type: String, example: '139****9000', description: 'their mobile, masked; null while free or when they gave none' })
  bookerMobile: string | null;
}
