import { OptionalField } from '../http/optional';
import { QueryId, ToInt } from '../http/ids';
import { ENTRY_TYPES } from '@app/events';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsBoolean,
  IsDate,
  IsIn,
  IsInt,
  IsISO8601,
  IsPositive,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';

export class ProfileDto {
  @ApiPropertyOptional({ example: '王芳' }) @OptionalField() @IsString() @Length(1, 30) realName?: string;
  @ApiProperty({ example: '330102199003071246', description: '18-character resident ID; checksum and birth date are checked' })
  @IsString() @Length(1, 30) residentId: string;
  @ApiProperty({ example: '13800138000' }) @IsString() @Length(1, 20) mobile: string;
  @ApiPropertyOptional({ enum: ['male', 'female'], description: 'optional: must agree with the ID number' })
  @OptionalField() @IsIn(['male', 'female']) gender?: 'male' | 'female';
  @ApiPropertyOptional({ example: '1990-03-07', description: 'optional: must agree with the ID number' })
  @OptionalField() @IsISO8601({ strict: true }) @Length(10, 10) birthDate?: string;
  @ApiPropertyOptional({ type: String, example: 'GH330100123456', nullable: true }) @OptionalField({ nullable: true }) @IsString() @Length(0, 32) unionMemberNo?: string | null;
  @ApiPropertyOptional({ type: String, example: '王建国', nullable: true, description: 'emergency contact; empty clears it' })
  @OptionalField({ nullable: true }) @IsString() @Length(0, 30) emergencyContactName?: string | null;
  @ApiPropertyOptional({ type: String, example: '13900139000', nullable: true, description: "checked like the person's own mobile; required with a contact name" })
  @OptionalField({ nullable: true }) @IsString() @Length(0, 20) emergencyContactMobile?: string | null;
}

export class ProfileViewDto {
  @ApiProperty() userId: number;
  @ApiProperty({ example: '王芳' }) realName: string;
  @ApiProperty({ enum: ['male', 'female'] }) gender: string;
  @ApiProperty({ example: '1990-03-07' }) birthDate: string;
  @ApiProperty({ example: '330102********1246', description: 'clear for the person and the organizers over them, masked for others' })
  residentId: string;
  @ApiProperty({ example: '138****8000' }) mobile: string;
  @ApiProperty() masked: boolean;
  @ApiProperty({ nullable: true, type: String }) unionMemberNo: string | null;
  @ApiProperty({ nullable: true, type: String, example: '王*' }) emergencyContactName: string | null;
  @ApiProperty({ nullable: true, type: String, example: '139****9000' }) emergencyContactMobile: string | null;
}

export class PersonLimitsDto {
  @ApiPropertyOptional({ type: Number, nullable: true, example: 2 }) @OptionalField({ nullable: true }) @IsInt() @Min(0) @Max(100) maxIndividualEntries?: number | null;
  @ApiPropertyOptional({ type: Number, nullable: true }) @OptionalField({ nullable: true }) @IsInt() @Min(0) @Max(100) maxRelayEntries?: number | null;
  @ApiPropertyOptional({ type: Number, nullable: true }) @OptionalField({ nullable: true }) @IsInt() @Min(0) @Max(100) maxTeamEntries?: number | null;
  @ApiPropertyOptional({ description: 'relay legs count against maxIndividualEntries too (每人限报2项，含接力)' })
  @OptionalField() @IsBoolean() relayCountsTowardIndividual?: boolean;
}

export class DelegationLimitsDto {
  @ApiPropertyOptional({ type: Number, nullable: true, example: 30 }) @OptionalField({ nullable: true }) @IsInt() @Min(0) @Max(100000) maxAthletes?: number | null;
  @ApiPropertyOptional({ type: Number, nullable: true, example: 2 }) @OptionalField({ nullable: true }) @IsInt() @Min(0) @Max(100000) maxEntriesPerItem?: number | null;
  @ApiPropertyOptional({ type: Number, nullable: true, example: 1 }) @OptionalField({ nullable: true }) @IsInt() @Min(0) @Max(1000) maxTeamsPerItem?: number | null;
}

export class EventRegistrationDto {
  @ApiPropertyOptional({ nullable: true, type: Date }) @OptionalField({ nullable: true }) @Type(() => Date) @IsDate() opensAt?: Date | null;
  @ApiPropertyOptional({ nullable: true, type: Date }) @OptionalField({ nullable: true }) @Type(() => Date) @IsDate() closesAt?: Date | null;
  @ApiPropertyOptional({ type: String, example: '2026-12-01', nullable: true, description: 'ages are counted on this day; default startsOn' })
  @OptionalField({ nullable: true }) @IsISO8601({ strict: true }) @Length(10, 10) ageReferenceDate?: string | null;
  @ApiPropertyOptional() @OptionalField() @IsBoolean() autoApprove?: boolean;
  @ApiPropertyOptional() @OptionalField() @IsBoolean() selfRegistration?: boolean;
  @ApiPropertyOptional({ type: Number, nullable: true, example: 5000 }) @OptionalField({ nullable: true }) @IsInt() @Min(0) @Max(10_000_000) capacity?: number | null;
  @ApiPropertyOptional({ example: 'H' }) @OptionalField() @IsString() @Matches(/^[A-Z]{0,3}$/) bibPrefix?: string;
  @ApiPropertyOptional({ type: PersonLimitsDto, nullable: true }) @OptionalField({ nullable: true }) @ValidateNested() @Type(() => PersonLimitsDto) personLimits?: PersonLimitsDto | null;
  @ApiPropertyOptional({ type: DelegationLimitsDto, nullable: true })
  @OptionalField({ nullable: true }) @ValidateNested() @Type(() => DelegationLimitsDto) delegationLimits?: DelegationLimitsDto | null;
}

export class AgeGroupDto {
  @ApiProperty({ example: 'A' }) @IsString() @Length(1, 20) code: string;
  @ApiProperty({ example: '青年组' }) @IsString() @Length(1, 30) name: string;
  @ApiPropertyOptional({ type: Number, nullable: true }) @OptionalField({ nullable: true }) @IsInt() @Min(0) @Max(150) minAge?: number | null;
  @ApiPropertyOptional({ type: Number, nullable: true, example: 35 }) @OptionalField({ nullable: true }) @IsInt() @Min(0) @Max(150) maxAge?: number | null;
}

export class ItemRegistrationDto {
  @ApiPropertyOptional({ enum: ENTRY_TYPES }) @OptionalField() @IsIn(ENTRY_TYPES) entryType?: (typeof ENTRY_TYPES)[number];
  @ApiPropertyOptional({ type: Number, nullable: true }) @OptionalField({ nullable: true }) @IsInt() @Min(1) @Max(100) teamMin?: number | null;
  @ApiPropertyOptional({ type: Number, nullable: true }) @OptionalField({ nullable: true }) @IsInt() @Min(1) @Max(100) teamMax?: number | null;
  @ApiPropertyOptional({ enum: ['male', 'female'], nullable: true }) @OptionalField({ nullable: true }) @IsIn(['male', 'female']) gender?: 'male' | 'female' | null;
  @ApiPropertyOptional({ type: Number, nullable: true }) @OptionalField({ nullable: true }) @IsInt() @Min(0) @Max(150) minAge?: number | null;
  @ApiPropertyOptional({ type: Number, nullable: true }) @OptionalField({ nullable: true }) @IsInt() @Min(0) @Max(150) maxAge?: number | null;
  @ApiPropertyOptional() @OptionalField() @IsBoolean() unionMemberRequired?: boolean;
  @ApiPropertyOptional({ type: Number, nullable: true, description: 'only people of this organisation and below' })
  @OptionalField({ nullable: true }) @IsInt() @IsPositive() orgSubtreeId?: number | null;
  @ApiPropertyOptional({ type: Number, nullable: true }) @OptionalField({ nullable: true }) @IsInt() @Min(0) @Max(10_000_000) capacity?: number | null;
  @ApiPropertyOptional({ type: [AgeGroupDto], nullable: true })
  @OptionalField({ nullable: true }) @ArrayMaxSize(20) @ValidateNested({ each: true }) @Type(() => AgeGroupDto) ageGroups?: AgeGroupDto[] | null;
  @ApiPropertyOptional({ type: String, nullable: true, example: '拱墅区运河体育公园' }) @OptionalField({ nullable: true }) @IsString() @Length(0, 200) venue?: string | null;
  @ApiPropertyOptional({ nullable: true, type: Date }) @OptionalField({ nullable: true }) @Type(() => Date) @IsDate() startsAt?: Date | null;
}

export class DelegationQuotaDto {
  @ApiProperty({ type: Number, nullable: true, example: 30, description: 'places the delegation may hold in the event; null removes the limit' })
  @OptionalField({ nullable: true }) @IsInt() @Min(0) @Max(10_000_000) capacity: number | null;
}

export class QuotaDto {
  @ApiProperty({ example: 'delegation:7' }) scope: string;
  @ApiProperty({ nullable: true, type: Number }) cap: number | null;
  @ApiProperty() taken: number;
}

export class PlacesDto {
  @ApiProperty({ example: 200 }) capacity: number;
  @ApiProperty({ example: 180 }) taken: number;
  @ApiProperty({ example: 20 }) left: number;
}

export class ItemPlacesDto {
  @ApiProperty() itemId: number;
  @ApiProperty({ type: PlacesDto, nullable: true, description: 'null: no limit' }) places: PlacesDto | null;
}

export class PublicPlacesDto {
  @ApiProperty() eventId: number;
  @ApiProperty({ type: PlacesDto, nullable: true, description: "the event's own limit; null: none" }) event: PlacesDto | null;
  @ApiProperty({ type: [ItemPlacesDto] }) items: ItemPlacesDto[];
}

export class ExportQuery {
  @ApiPropertyOptional({ enum: ['xlsx', 'csv'], default: 'xlsx' }) @OptionalField() @IsIn(['xlsx', 'csv']) format?: 'xlsx' | 'csv';
}

export class ImportQuery {
  @ApiProperty({ description: 'the delegation (organisation) the people belong to' }) @QueryId() organisationId: number;
}

export class MemberQuery {
  @ApiPropertyOptional({ description: 'a part of the real name' }) @OptionalField() @IsString() @Length(1, 50) q?: string;
  @ApiPropertyOptional({ default: 0 }) @OptionalField() @ToInt() @IsInt() @Min(0) offset?: number;
  @ApiPropertyOptional({ default: 20, maximum: 100 }) @OptionalField() @ToInt() @IsInt() @Min(1) @Max(100) limit?: number;
}

export class MemberDto {
  @ApiProperty() userId: number;
  @ApiProperty({ example: '张伟' }) realName: string;
  @ApiProperty() organisationId: number;
  @ApiProperty({ example: '杭州钢铁集团工会' }) organisationName: string;
  @ApiProperty({ description: 'false while a self-signed-up person waits for their organisation to confirm them' }) membershipConfirmed: boolean;
  @ApiProperty({ nullable: true, type: String, example: '138****5678', description: 'null until the profile is filled in' }) mobile: string | null;
  @ApiProperty() masked: boolean;
}

export class MemberPageDto {
  @ApiProperty() total: number;
  @ApiProperty({ type: [MemberDto] }) items: MemberDto[];
}
