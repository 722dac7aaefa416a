import { FollowService, HikingExport } from '@app/hiking';
import type { Principal } from '@app/identity';
import { Controller, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Allow, Caller, Public } from '../auth/auth.decorators';
import { ParseIdPipe } from '../http/ids';
import { FileResponse, Operation, Refuses, Tag } from '../http/openapi-decorators';
import { XLSX_TYPE } from '../http/raw-body';
import { FollowViewDto, ShareLinkDto } from './hiking.dto';

/** Families follow a walker by the link the walker sent; organizers export a route's scans and statuses. */
@Tag('hiking')
@Controller({ path: 'hiking', version: '1' })
export class HikingFollowController {
  constructor(
    private readonly follows: FollowService,
    private readonly exports: HikingExport,
  ) {}

  @Post('walkers/:walkerId/share')
  @Allow('any')
  @HttpCode(200)
  @Operation('The walker makes a follow link for their family (a new one ends the old)')
  @ApiOkResponse({ type: ShareLinkDto })
  @Refuses({ 404: 'no such walker' })
  share(@Caller() caller: Principal, @Param('walkerId', ParseIdPipe) walkerId: number) {
    return this.follows.share(caller, walkerId);
  }

  /** Public, by the link's secret only: never by bib, which anyone could count through. */
  @Get('follow/:token')
  @Public()
  @Operation("Where a walker was last seen, by their follow link's secret")
  @ApiOkResponse({ type: FollowViewDto })
  @Refuses({ 404: 'no walker has this link (it may have been renewed)' })
  follow(@Param('token') token: string) {
    return this.follows.follow(token);
  }

  @Get('routes/:routeId/export.xlsx')
  @Allow('organizer')
  @Operation("A route's walkers and every scan, as a workbook", { name: 'hikingRouteWorkbook' })
  @FileResponse('sheets 队员 and 扫码记录, a Chinese header row, times in Beijing time', XLSX_TYPE)
  @Refuses({ 404: 'no such route' })
  async export(@Caller() caller: Principal, @Param('routeId', ParseIdPipe) routeId: number, @Res({ passthrough: true }) reply: FastifyReply) {
    const file = await this.exports.workbook(caller, routeId);
    void reply.header('content-type', XLSX_TYPE).header('content-disposition', `attachment; filename="${file.fileName}"; filename*=UTF-8''${encodeURIComponent(file.localName)}`);
    return file.body;
  }
}
