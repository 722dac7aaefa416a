import { QueryId, ToInt } from '../http/ids';
import { EVENT_KINDS } from '@app/events';
import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsPositive, Max, Min } from 'class-validator';
import { FairCountsDto, FairRatesDto } from '../job-fair/job-fair.dto';

export class StatisticsQuery {
  @ApiProperty({ description: 'the organisation whose subtree is counted (itself and every organisation below it)' })
  @QueryId()
  organisationId: number;

  @ApiProperty({ example: 2026, description: 'calendar year' })
  @ToInt()
  @IsInt({ message: 'year 须为四位年份' })
  @Min(2000, { message: 'year 须在 2000–2100 之间' })
  @Max(2100, { message: 'year 须在 2000–2100 之间' })
  year: number;
}

export class RecordPersonDto {
  @ApiProperty() userId: number;
  @ApiProperty({ example: '王芳' }) name: string;
  @ApiProperty({ nullable: true, type: String, example: '杭州钢铁集团工会', description: 'where they hold a contestant role, else any role, else their latest delegation' })
  organisation: string | null;
  @ApiProperty({ nullable: true, type: Number }) organisationId: number | null;
}

export class RecordEntryDto {
  @ApiProperty() entryId: number;
  @ApiProperty() eventId: number;
  @ApiProperty({ example: '全市职工技能大赛' }) eventName: string;
  @ApiProperty({ enum: EVENT_KINDS }) eventKind: string;
  @ApiProperty() itemId: number;
  @ApiProperty({ example: '低压电工（职工组）' }) itemName: string;
  @ApiProperty({ nullable: true, type: String, example: '2026-05-01' }) startsOn: string | null;
  @ApiProperty({ enum: ['pending', 'approved', 'rejected', 'waitlisted', 'withdrawn'] }) status: string;
  @ApiProperty({ nullable: true, type: Number, description: 'only once the results are on notice or final' }) place: number | null;
  @ApiProperty({ nullable: true, type: String, example: '86.50' }) total: string | null;
  @ApiProperty({ nullable: true, type: String, example: 'OK', description: 'OK, DNS, DNF, DQ…; null while unpublished' }) resultStatus: string | null;
  @ApiProperty({ nullable: true, type: String, example: '决赛', description: 'the last round the entry has a result in; null without rounds' }) round: string | null;
}

export class RecordAwardDto {
  @ApiProperty() id: number;
  @ApiProperty({ nullable: true, type: String, example: 'ZS2026-000123' }) serial: string | null;
  @ApiProperty({ enum: ['award', 'recognition'] }) kind: string;
  @ApiProperty({ nullable: true, type: String }) eventName: string | null;
  @ApiProperty({ nullable: true, type: String }) itemName: string | null;
  @ApiProperty({ example: '一等奖' }) awardName: string;
  @ApiProperty({ description: '1 is the highest' }) level: number;
  @ApiProperty({ nullable: true, type: String, example: '技术能手' }) title: string | null;
  @ApiProperty({ nullable: true, type: String }) citation: string | null;
  @ApiProperty({ nullable: true, type: String, example: '669.30' }) prizeMoney: string | null;
  @ApiProperty({ enum: ['none', 'pending', 'paid', 'cancelled'] }) paymentStatus: string;
  @ApiProperty({ enum: ['active', 'revoked'] }) status: string;
  @ApiProperty({ example: '2026-05-20' }) grantedOn: string;
  @ApiProperty({ example: 2026 }) year: number;
}

export class PersonRecordDto {
  @ApiProperty({ type: RecordPersonDto }) person: RecordPersonDto;
  @ApiProperty({ type: [RecordEntryDto] }) entries: RecordEntryDto[];
  @ApiProperty({ type: [RecordAwardDto] }) awards: RecordAwardDto[];
}

class StatisticsOrganisationDto {
  @ApiProperty() id: number;
  @ApiProperty({ example: '西湖区总工会' }) name: string;
  @ApiProperty({ example: '/1/4/' }) path: string;
}

class CountDto {
  @ApiProperty() count: number;
}

class AwardNameCountDto extends CountDto {
  @ApiProperty({ example: '一等奖' }) awardName: string;
}

class LevelCountDto extends CountDto {
  @ApiProperty({ example: 1 }) level: number;
  @ApiProperty({ type: [AwardNameCountDto] }) byName: AwardNameCountDto[];
}

class TitleCountDto extends CountDto {
  @ApiProperty({ example: '技术能手' }) title: string;
}

class ParticipationsDto extends CountDto {
  @ApiProperty({ example: 9, description: 'distinct people' }) people: number;
}

class AwardStatisticsDto {
  @ApiProperty() total: number;
  @ApiProperty({ type: [LevelCountDto] }) byLevel: LevelCountDto[];
}

class TitleStatisticsDto {
  @ApiProperty() total: number;
  @ApiProperty({ type: [TitleCountDto] }) byTitle: TitleCountDto[];
}

class PrizeMoneyStatisticsDto {
  @ApiProperty({ example: '2678.00' }) paidTotal: string;
  @ApiProperty({ example: 4 }) paidRecords: number;
  @ApiProperty({ example: 3 }) paidPeople: number;
  @ApiProperty({ example: '0.00' }) pendingTotal: string;
  @ApiProperty({ example: 0 }) pendingRecords: number;
}

export class HikingRouteFiguresDto {
  @ApiProperty() itemId: number;
  @ApiProperty({ example: '28公里毅行' }) route: string;
  @ApiProperty({ example: '2026大运河职工毅行' }) event: string;
  @ApiProperty() started: number;
  @ApiProperty() finished: number;
  @ApiProperty({ nullable: true, type: Number, example: 0.8125, description: 'finished / started, 4 decimals; null when nobody started' }) completionRate: number | null;
}

export class HikingOrganisationFiguresDto {
  @ApiProperty() organisationId: number;
  @ApiProperty() name: string;
  @ApiProperty() started: number;
  @ApiProperty() finished: number;
  @ApiProperty({ nullable: true, type: Number }) completionRate: number | null;
}

export class HikingStatisticsDto {
  @ApiProperty({ type: [HikingRouteFiguresDto], description: 'routes of events organised in the subtree' }) routes: HikingRouteFiguresDto[];
  @ApiProperty({ type: [HikingOrganisationFiguresDto], description: 'per organisation of the subtree that entered the walkers' }) organisations: HikingOrganisationFiguresDto[];
}

export class JobFairStatisticsDto {
  @ApiProperty({ description: 'job fairs organised in the subtree starting in the year' }) fairs: number;
  @ApiProperty({ type: FairCountsDto, description: 'summed over the fairs; seekers are unique people across them' }) counts: FairCountsDto;
  @ApiProperty({ type: FairRatesDto, description: 'from the summed counts; null where the denominator is 0' }) rates: FairRatesDto;
}

export class StatisticsDto {
  @ApiProperty({ type: StatisticsOrganisationDto }) organisation: StatisticsOrganisationDto;
  @ApiProperty() year: number;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'number' },
    example: { skill_competition: 2, sports_meet: 1, hiking: 0, job_fair: 0 },
    description: 'events organised in the subtree starting in the year, by kind',
  })
  eventsByKind: Record<string, number>;
  @ApiProperty({ description: 'the sum of eventsByKind' }) events: number;
  @ApiProperty({ type: ParticipationsDto, description: 'approved entries (team entries: one per member) and distinct people' })
  participations: ParticipationsDto;
  @ApiProperty({ type: AwardStatisticsDto, description: 'active award records' }) awards: AwardStatisticsDto;
  @ApiProperty({ type: TitleStatisticsDto, description: 'active records with a title, or recognitions' }) titles: TitleStatisticsDto;
  @ApiProperty({ type: PrizeMoneyStatisticsDto, description: 'yuan as exact decimal text' }) prizeMoney: PrizeMoneyStatisticsDto;
  @ApiProperty({ type: HikingStatisticsDto, description: 'walkers of routes starting in the year (Beijing time): started, finished, completion rate' }) hiking: HikingStatisticsDto;
  @ApiProperty({ type: JobFairStatisticsDto, description: "the job fairs' figures: employers, positions, seekers, visits, CVs, applications, intentions, hires" })
  jobFairs: JobFairStatisticsDto;
}
