import { OptionalField } from '../http/optional';
import { QueryId, ToInt } from '../http/ids';
import { ENTRY_STATUSES } from '@app/registration';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsIn, IsInt, IsPositive, IsString, Length, Max, Min } from 'class-validator';

export class RegisterDto {
  @ApiPropertyOptional({ description: 'individual items: the contestant, when a delegation leader or organizer registers someone else; default the caller' })
  @OptionalField() @IsInt() @IsPositive() userId?: number;

  @ApiPropertyOptional({ example: '杭汽轮一队', description: 'relay and team items' })
  @OptionalField() @IsString() @Length(1, 60) teamName?: string;

  @ApiPropertyOptional({ type: [Number], description: 'relay and team items: every member, captain included' })
  @OptionalField() @ArrayMinSize(1) @ArrayMaxSize(100) @IsInt({ each: true }) @IsPositive({ each: true }) memberIds?: number[];

  @ApiPropertyOptional({ description: 'relay and team items: the captain, one of memberIds' })
  @OptionalField() @IsInt() @IsPositive() captainId?: number;

  @ApiPropertyOptional({ example: 'B', description: "organizers only: the age group's code, overriding the computed one" })
  @OptionalField() @IsString() @Length(1, 20) ageGroup?: string;
}

export class RejectDto {
  @ApiProperty({ example: '工会会员证明材料不全' }) @IsString() @Length(1, 200) reason: string;
}

export class EntryListQuery {
  @ApiPropertyOptional({ enum: ENTRY_STATUSES }) @OptionalField() @IsIn(ENTRY_STATUSES) status?: (typeof ENTRY_STATUSES)[number];
  @ApiPropertyOptional() @OptionalField() @QueryId() itemId?: number;
  @ApiPropertyOptional({ default: 0 }) @OptionalField() @ToInt() @IsInt() @Min(0) offset?: number;
  @ApiPropertyOptional({ default: 500, maximum: 5000 }) @OptionalField() @ToInt() @IsInt() @Min(1) @Max(5000) limit?: number;
}

export class CheckInDto {
  @ApiProperty({ description: 'the text of the scanned QR code' }) @IsString() @Length(1, 200) token: string;
}

export class TeamMemberDto {
  @ApiProperty() userId: number;
  @ApiProperty({ example: '王芳' }) realName: string;
  @ApiProperty() captain: boolean;
}

export class EntryDto {
  @ApiProperty() id: number;
  @ApiProperty() eventId: number;
  @ApiProperty() itemId: number;
  @ApiProperty({ example: '10公里徒步' }) itemName: string;
  @ApiProperty({ description: 'the contestant, or for a team its captain' }) userId: number;
  @ApiProperty({ example: '李娜' }) realName: string;
  @ApiProperty() organisationId: number;
  @ApiProperty({ example: '杭州汽轮动力集团工会' }) organisationName: string;
  @ApiProperty({ enum: ENTRY_STATUSES }) status: string;
  @ApiProperty({ nullable: true, type: String, example: 'A00012' }) bib: string | null;
  @ApiProperty({ nullable: true, type: String }) teamName: string | null;
  @ApiProperty({ nullable: true, type: [TeamMemberDto] }) members: TeamMemberDto[] | null;
  @ApiProperty({ nullable: true, type: String }) ageGroup: string | null;
  @ApiProperty({ nullable: true, type: String }) rejectionReason: string | null;
  @ApiProperty({ nullable: true, type: Date }) checkedInAt: Date | null;
  @ApiProperty() createdAt: Date;
}

export class RegisteredEntryDto extends EntryDto {
  @ApiProperty({ nullable: true, type: String, example: '该项目名额已满，已为您登记候补' }) notice: string | null;
}

export class CheckInCodeDto {
  @ApiProperty() entryId: number;
  @ApiProperty() token: string;
  @ApiProperty({ description: 'SVG document' }) qrSvg: string;
}

export class CheckInResultDto {
  @ApiProperty() entryId: number;
  @ApiProperty({ nullable: true, type: String }) bib: string | null;
  @ApiProperty() realName: string;
  @ApiProperty() alreadyCheckedIn: boolean;
  @ApiProperty() checkedInAt: Date;
  @ApiProperty({ example: '已于2026-11-21 08:02:11签到，无需重复签到' }) message: string;
}

export class CheckInSummaryDto {
  @ApiProperty({ description: 'approved entries of the event' }) approved: number;
  @ApiProperty({ description: 'of those, checked in' }) checkedIn: number;
}

export class DelegationCheckInDto {
  @ApiProperty() checkedIn: number;
  @ApiProperty() alreadyCheckedIn: number;
}

export class ImportReportDto {
  @ApiProperty() people: number;
  @ApiProperty() created: number;
  @ApiProperty() entries: number;
  @ApiProperty() waitlisted: number;
}
