import { OptionalField } from '../http/optional';
import { EVENT_KINDS, EVENT_STATUSES, type EventKind, type EventStatus } from '@app/events';
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

export class ItemDto {
  @ApiProperty() id: number;
  @ApiProperty() eventId: number;
  @ApiProperty() name: string;
  @ApiProperty() createdAt: Date;
}

export class EventDto {
  @ApiProperty() id: number;
  @ApiProperty() organisationId: number;
  @ApiProperty({ enum: EVENT_KINDS }) kind: EventKind;
  @ApiProperty() name: string;
  @ApiProperty({ enum: EVENT_STATUSES }) status: EventStatus;
  @ApiProperty({ nullable: true, type: String }) startsOn: string | null;
  @ApiProperty({ nullable: true, type: String }) endsOn: string | null;
  @ApiProperty() createdAt: Date;
}

export class EventDetailDto extends EventDto {
  @ApiProperty({ type: [ItemDto] }) items: ItemDto[];
}

export class ChangeStatusDto {
  @ApiProperty({ enum: EVENT_STATUSES }) @IsIn(EVENT_STATUSES) status: EventStatus;
}
