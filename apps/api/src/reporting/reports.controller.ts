import type { Principal } from '@app/identity';
import { PersonRecordService, StatisticsService, jobFairStatisticsWorkbook, statisticsWorkbook } from '@app/reporting';
import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ParseIdPipe } from '../http/ids';
import { ApiOkResponse } from '@nestjs/swagger';
import { FileResponse, Operation, Refuses, Tag } from '../http/openapi-decorators';
import type { FastifyReply } from 'fastify';
import { Allow, Caller } from '../auth/auth.decorators';
import { XLSX_TYPE } from '../http/raw-body';
import { PersonRecordDto, StatisticsDto, StatisticsQuery } from './reports.dto';

const PDF_TYPE = 'application/pdf';

@Tag('awards')
@Controller({ version: '1' })
export class ReportsController {
  constructor(
    private readonly records: PersonRecordService,
    private readonly statisticsService: StatisticsService,
  ) {}

  /**
   * A person's entries, published results and award records across every event and year: for the
   * person, and for organizers (and admins) whose role covers an organisation of theirs (of their
   * entries, award records or role assignments).
   */
  @Get('people/:userId/record')
  @Allow('any')
  @Operation("A person's entries, results and awards across events and years")
  @ApiOkResponse({ type: PersonRecordDto })
  @Refuses({ 404: 'no such person' })
  personRecord(@Caller() caller: Principal, @Param('userId', ParseIdPipe) userId: number) {
    return this.records.personRecord(caller, userId);
  }

  /** The record as a workbook; the same access. */
  @Get('people/:userId/record.xlsx')
  @Allow('any')
  @Operation("A person's record as a workbook")
  @FileResponse('the record, one sheet per part', XLSX_TYPE)
  @Refuses({ 404: 'no such person' })
  async personRecordXlsx(@Caller() caller: Principal, @Param('userId', ParseIdPipe) userId: number, @Res({ passthrough: true }) reply: FastifyReply) {
    const file = await this.records.personRecordXlsx(caller, userId);
    void reply.header('content-type', XLSX_TYPE).header('content-disposition', disposition(file));
    return file.body;
  }

  /** The record as a printable PDF; the same access. */
  @Get('people/:userId/record.pdf')
  @Allow('any')
  @Operation("A person's record as a printable PDF")
  @FileResponse('the record, A4', PDF_TYPE)
  @Refuses({ 404: 'no such person' })
  async personRecordPdf(@Caller() caller: Principal, @Param('userId', ParseIdPipe) userId: number, @Res({ passthrough: true }) reply: FastifyReply) {
    const file = await this.records.personRecordPdf(caller, userId);
    void reply.header('content-type', PDF_TYPE).header('content-disposition', disposition(file));
    return file.body;
  }

  /**
   * Events, participations, awards, titles and prize money of an organisation's subtree in one
   * calendar year, for organizers and admins whose role covers the organisation. The counting
   * rules are those of StatisticsService.statistics.
   */
  @Get('statistics')
  @Allow('organizer')
  @Operation("An organisation subtree's events, participations, awards and prize money in a year")
  @ApiOkResponse({ type: StatisticsDto })
  @Refuses({ 404: 'no such organisation' })
  statistics(@Caller() caller: Principal, @Query() q: StatisticsQuery) {
    return this.statisticsService.statistics(caller, q.organisationId, q.year);
  }

  /** The same figures as a workbook, a sheet per part; the same access and counting rules. */
  @Get('statistics.xlsx')
  @Allow('organizer')
  @Operation("An organisation subtree's figures of a year, as a workbook")
  @FileResponse('sheets 概况, 徒步, 招聘会 and 获奖', XLSX_TYPE)
  @Refuses({ 404: 'no such organisation' })
  async statisticsXlsx(@Caller() caller: Principal, @Query() q: StatisticsQuery, @Res({ passthrough: true }) reply: FastifyReply) {
    const file = await statisticsWorkbook(await this.statisticsService.statistics(caller, q.organisationId, q.year));
    void reply.header('content-type', XLSX_TYPE).header('content-disposition', disposition(file));
    return file.body;
  }

  /** The job fairs' figures of the same subtree and year as a workbook; the same access and counting rules. */
  @Get('statistics/job-fairs.xlsx')
  @Allow('organizer')
  @Operation("An organisation subtree's job fair figures in a year, as a workbook")
  @FileResponse('one sheet 招聘会数据, a row per figure', XLSX_TYPE)
  @Refuses({ 404: 'no such organisation' })
  async jobFairStatisticsXlsx(@Caller() caller: Principal, @Query() q: StatisticsQuery, @Res({ passthrough: true }) reply: FastifyReply) {
    const file = await jobFairStatisticsWorkbook(await this.statisticsService.statistics(caller, q.organisationId, q.year));
    void reply.header('content-type', XLSX_TYPE).header('content-disposition', disposition(file));
    return file.body;
  }
}

function disposition(file: { fileName: string; localName: string }): string {
  return `attachment; filename="${file.fileName}"; filename*=UTF-8''${encodeURIComponent(file.localName)}`;
}
