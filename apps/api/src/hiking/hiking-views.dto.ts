import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import { OptionalField } from '../http/optional';

export class StaffCheckpointDto {
  @ApiProperty() checkpointId: number;
  @ApiProperty() seq: number;
  @ApiProperty() name: string;
  @ApiProperty() routeId: number;
  @ApiProperty() routeName: string;
  @ApiProperty() eventId: number;
  @ApiProperty() eventName: string;
}

export class MyWalkerDto {
  @ApiProperty() id: number;
  @ApiProperty() routeId: number;
  @ApiProperty() routeName: string;
  @ApiProperty() eventId: number;
  @ApiProperty() eventName: string;
  @ApiProperty() status: string;
  @ApiProperty({ nullable: true, type: String }) bib: string | null;
  @ApiProperty() lost: boolean;
  @ApiProperty({ nullable: true, type: Number }) lastCheckpointSeq: number | null;
  @ApiProperty({ nullable: true, type: String }) lastCheckpointName: string | null;
  @ApiProperty({ nullable: true, type: Date }) lastScanAt: Date | null;
}

export class OutlineCheckpointDto {
  @ApiProperty() id: number;
  @ApiProperty() seq: number;
  @ApiProperty() name: string;
  @ApiProperty() distanceM: number;
  @ApiProperty({ nullable: true, type: String }) location: string | null;
  @ApiProperty({ nullable: true, type: Number, description: 'WGS-84 decimal degrees' }) latitude: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'WGS-84 decimal degrees' }) longitude: number | null;
  @ApiProperty({ description: 'the caller is staff of this checkpoint' }) assigned: boolean;
}

export class RouteOutlineDto {
  @ApiProperty() id: number;
  @ApiProperty() name: string;
  @ApiProperty() eventId: number;
  @ApiProperty() eventName: string;
  @ApiProperty() distanceM: number;
  @ApiProperty({ description: 'the caller organizes the event (may disqualify, export)' }) organizer: boolean;
  @ApiProperty({ type: [OutlineCheckpointDto] }) checkpoints: OutlineCheckpointDto[];
  @ApiProperty({ description: "the map tiles' URL template (Leaflet's {z}/{x}/{y}); empty: draw on a plain background" }) mapTiles: string;
}

export class EventRouteDto {
  @ApiProperty() id: number;
  @ApiProperty() itemId: number;
  @ApiProperty() name: string;
  @ApiProperty() distanceM: number;
}

export class SplitDto {
  @ApiProperty() seq: number;
  @ApiProperty({ type: Date }) at: Date;
  @ApiProperty({ description: 'since the checkpoint before (the start: own start scan, or the gun)' }) segmentMs: number;
  @ApiProperty({ description: 'since the own start' }) elapsedMs: number;
}

export class ResultMemberDto {
  @ApiProperty() walkerId: number;
  @ApiProperty() realName: string;
  @ApiProperty() status: string;
  @ApiProperty({ type: [SplitDto], nullable: true, description: 'null while the walker is out on the trail' }) splits: SplitDto[] | null;
}

export class ResultTeamDto {
  @ApiProperty() entryId: number;
  @ApiProperty() name: string;
  @ApiProperty({ nullable: true, type: String }) bib: string | null;
  @ApiProperty({ nullable: true, type: Number }) place: number | null;
  @ApiProperty({ enum: ['OK', 'DNS', 'DNF', 'DQ', 'INCOMPLETE'] }) status: string;
  @ApiProperty({ nullable: true, type: String, description: 'team time (last member in) from the gun, h:mm:ss' }) gunTime: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'from the own start scans' }) netTime: string | null;
  @ApiProperty({ description: 'every starter still walking finished within the gap' }) complete: boolean;
  @ApiProperty({ type: [ResultMemberDto] }) members: ResultMemberDto[];
}

export class ResultCheckpointDto {
  @ApiProperty() seq: number;
  @ApiProperty() name: string;
  @ApiProperty() distanceM: number;
}

export class RouteResultsDto {
  @ApiProperty() routeId: number;
  @ApiProperty() name: string;
  @ApiProperty() eventId: number;
  @ApiProperty() eventName: string;
  @ApiProperty({ type: [ResultCheckpointDto] }) checkpoints: ResultCheckpointDto[];
  @ApiProperty({ type: [ResultTeamDto] }) teams: ResultTeamDto[];
}

export class StaffQuery {
  @ApiPropertyOptional({ description: 'a part of the real name' }) @OptionalField() @IsString() @Length(1, 50) q?: string;
}

export class StaffCandidateDto {
  @ApiProperty() userId: number;
  @ApiProperty({ example: '陆晓峰' }) realName: string;
  @ApiProperty() organisationId: number;
  @ApiProperty() organisationName: string;
}

export class AssignedStaffDto {
  @ApiProperty() checkpointId: number;
  @ApiProperty() userId: number;
  @ApiProperty() realName: string;
}

export class RouteStaffDto {
  @ApiProperty({ type: [StaffCandidateDto], description: "checkpoint staff of the event's organisation and below, by name, at most 50" }) candidates: StaffCandidateDto[];
  @ApiProperty({ type: [AssignedStaffDto], description: "who staffs which of the route's checkpoints, in checkpoint order" }) assigned: AssignedStaffDto[];
}
