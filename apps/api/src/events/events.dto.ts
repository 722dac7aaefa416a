import { OptionalField } from '../http/optional';
import { ENTRY_TYPES, type EntryType, EVENT_KINDS, EVENT_STATUSES, type EventKind, type EventStatus } from '@app/events';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsISO8601, IsPositive, IsString, Length } from 'class-validator';

export class CreateEventDto {
  @ApiProperty({ description: 'the organising organisation' }) @IsInt() @IsPositive() organisationId: number;
  @ApiProperty({ enum: EVENT_KINDS }) @IsIn(EVENT_KINDS) kind: EventKind;
  @ApiProperty({ example: '2026年拱墅区职工数控车工技能竞赛' }) @IsString() @Length(1, 200) name: string;
  @ApiPropertyOptional({ example: '2026-12-01' }) @OptionalField() @IsISO8601({ strict: true }) @Length(10, 10) startsOn?: string;
  @ApiPropertyOptional({ example: '2026-12-02' }) @OptionalField() @IsISO8601({ strict: true }) @Length(10, 10) endsOn?: string;
}

export class CreateItemDto {
  @ApiProperty({ example: '数控车工（职工组）' }) @IsString() @Length(1, 200) name: string;
}

export class AgeGroupViewDto {
  @ApiProperty({ example: 'A' }) code: string;
  @ApiProperty({ example: '青年组' }) name: string;
  @ApiPropertyOptional({ nullable: true, type: Number }) minAge?: number | null;
  @ApiPropertyOptional({ nullable: true, type: Number, example: 35 }) maxAge?: number | null;
}

export class ItemDto {
  @ApiProperty() id: number;
  @ApiProperty() eventId: number;
  @ApiProperty() name: string;
  @ApiProperty({ enum: ENTRY_TYPES }) entryType: EntryType;
  @ApiProperty({ nullable: true, type: Number, description: 'team and relay entries: fewest members' }) teamMin: number | null;
  @ApiProperty({ nullable: true, type: Number }) teamMax: number | null;
  @ApiProperty({ nullable: true, enum: ['male', 'female'] }) gender: 'male' | 'female' | null;
  @ApiProperty({ nullable: true, type: Number }) minAge: number | null;
  @ApiProperty({ nullable: true, type: Number }) maxAge: number | null;
  @ApiProperty() unionMemberRequired: boolean;
  @ApiProperty({ nullable: true, type: Number, description: "only people of this organisation's subtree" }) orgSubtreeId: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'places; null is unlimited' }) capacity: number | null;
  @ApiProperty({ nullable: true, type: [AgeGroupViewDto] }) ageGroups: AgeGroupViewDto[] | null;
  @ApiProperty({ nullable: true, type: String, example: '杭州技师学院实训楼' }) venue: string | null;
  @ApiProperty({ nullable: true, type: Date }) startsAt: Date | null;
  @ApiProperty() createdAt: Date;
}

export class PersonLimitsViewDto {
  @ApiPropertyOptional({ nullable: true, type: Number }) maxIndividualEntries?: number | null;
  @ApiPropertyOptional({ nullable: true, type: Number }) maxRelayEntries?: number | null;
  @ApiPropertyOptional({ nullable: true, type: Number }) maxTeamEntries?: number | null;
  @ApiPropertyOptional() relayCountsTowardIndividual?: boolean;
}

export class DelegationLimitsViewDto {
  @ApiPropertyOptional({ nullable: true, type: Number }) maxAthletes?: number | null;
  @ApiPropertyOptional({ nullable: true, type: Number }) maxEntriesPerItem?: number | null;
  @ApiPropertyOptional({ nullable: true, type: Number }) maxTeamsPerItem?: number | null;
}

export class EventDto {
  @ApiProperty() id: number;
  @ApiProperty() organisationId: number;
  @ApiProperty({ enum: EVENT_KINDS }) kind: EventKind;
  @ApiProperty() name: string;
  @ApiProperty({ enum: EVENT_STATUSES }) status: EventStatus;
  @ApiProperty({ nullable: true, type: String }) startsOn: string | null;
  @ApiProperty({ nullable: true, type: String }) endsOn: string | null;
  @ApiProperty({ nullable: true, type: Date }) registrationOpensAt: Date | null;
  @ApiProperty({ nullable: true, type: Date }) registrationClosesAt: Date | null;
  @ApiProperty({ nullable: true, type: String, description: 'ages are counted on this day' }) ageReferenceDate: string | null;
  @ApiProperty() autoApprove: boolean;
  @ApiProperty() selfRegistration: boolean;
  @ApiProperty({ nullable: true, type: Number, description: 'places; null is unlimited' }) capacity: number | null;
  @ApiProperty({ example: 'SK' }) bibPrefix: string;
  @ApiProperty({ nullable: true, type: PersonLimitsViewDto }) personLimits: PersonLimitsViewDto | null;
  @ApiProperty({ nullable: true, type: DelegationLimitsViewDto }) delegationLimits: DelegationLimitsViewDto | null;
  @ApiProperty({ enum: ['warn', 'block'], description: 'a judge scoring someone of their own organisation' }) conflictOfInterest: 'warn' | 'block';
  @ApiProperty() createdBy: number;
  @ApiProperty() createdAt: Date;
  @ApiProperty() updatedAt: Date;
}

export class EventDetailDto extends EventDto {
  @ApiProperty({ type: [ItemDto] }) items: ItemDto[];
}

export class ChangeStatusDto {
  @ApiProperty({ enum: EVENT_STATUSES }) @IsIn(EVENT_STATUSES) status: EventStatus;
}
