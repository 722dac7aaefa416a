import type { Principal } from '@app/identity';
import { type IdempotencyKey, ProfilesService, RegistrationSettingsService, RosterService } from '@app/registration';
import { Body, Controller, Get, Headers, Param, Post, Put, Query, Res } from '@nestjs/common';
import { BodyLimit } from '../http/body-limits';
import { ParseIdPipe } from '../http/ids';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiHeader, ApiOkResponse } from '@nestjs/swagger';
import { EventDetailDto, ItemDto } from '../events/events.dto';
import { FileResponse, Operation, Refuses, Tag } from '../http/openapi-decorators';
import type { FastifyReply } from 'fastify';
import { RegistrationError, RegistrationErrorCode } from '@app/registration';
import { Allow, Caller, Public } from '../auth/auth.decorators';
import { CSV_TYPE, XLSX_TYPE } from '../http/raw-body';
import { Idempotency } from './idempotency-key';
import { IDEMPOTENCY_HEADER } from './registration.controller';
import { ImportReportDto } from './registration.dto';
import {
  DelegationQuotaDto,
  EventRegistrationDto,
  ExportQuery,
  ImportQuery,
  ItemRegistrationDto,
  MemberPageDto,
  MemberQuery,
  ProfileDto,
  ProfileViewDto,
  PublicPlacesDto,
  QuotaDto,
} from './registration-admin.dto';

@Tag('registration')
@Controller({ version: '1' })
export class RegistrationAdminController {
  constructor(
    private readonly profiles: ProfilesService,
    private readonly settings: RegistrationSettingsService,
    private readonly roster: RosterService,
  ) {}

  /** Any signed-in person, for themselves. */
  @Put('me/profile')
  @Allow('any')
  @Operation("Save one's own profile (real name, resident ID, mobile)")
  @ApiOkResponse({ type: ProfileViewDto })
  @Refuses({ 409: 'the resident ID belongs to another person' })
  saveOwnProfile(@Caller() caller: Principal, @Body() dto: ProfileDto) {
    return this.profiles.save(caller, caller.userId, dto);
  }

  /** Delegation leaders and organizers over one of the person's organisations. */
  @Put('users/:id/profile')
  @Allow('delegation_leader', 'organizer')
  @Operation("Save a person's profile")
  @ApiOkResponse({ type: ProfileViewDto })
  @Refuses({ 404: 'no such user', 409: 'the resident ID belongs to another person' })
  saveProfile(@Caller() caller: Principal, @Param('id', ParseIdPipe) id: number, @Body() dto: ProfileDto) {
    return this.profiles.save(caller, id, dto);
  }

  /** The person (clear), organizers over them (clear), their delegation leaders (masked). */
  @Get('users/:id/profile')
  @Allow('any')
  @Operation("Read a person's profile, masked unless the caller is entitled", { name: 'getProfile' })
  @ApiOkResponse({ type: ProfileViewDto })
  @Refuses({ 404: 'no such user, or no profile yet' })
  profile(@Caller() caller: Principal, @Param('id', ParseIdPipe) id: number) {
    return this.profiles.view(caller, id);
  }

  /** Delegation leaders and organizers: the contestants of their own organisations, to enter one of them. */
  @Get('delegation-members')
  @Allow('delegation_leader', 'organizer')
  @Operation('The contestants of the organisations in the caller\'s charge, by name, a page at a time')
  @ApiOkResponse({ type: MemberPageDto })
  @Refuses({})
  members(@Caller() caller: Principal, @Query() query: MemberQuery) {
    return this.profiles.members(caller, { q: query.q, offset: query.offset ?? 0, limit: query.limit ?? 20 });
  }

  /** Organizers of the event: window, age reference date, approval, capacity, bibs, limits. */
  @Put('events/:id/registration')
  @Allow('organizer')
  @Operation("Set an event's registration rules", { name: 'configureEventRegistration' })
  @ApiOkResponse({ type: EventDetailDto })
  @Refuses({ 404: 'no such event' })
  configureEvent(@Caller() caller: Principal, @Param('id', ParseIdPipe) id: number, @Body() dto: EventRegistrationDto) {
    return this.settings.configureEvent(caller, id, dto);
  }

  /** Organizers of the event: entry type, categories, eligibility rules, capacity. */
  @Put('items/:id/registration')
  @Allow('organizer')
  @Operation("Set an item's entry type and eligibility rules", { name: 'configureItemRegistration' })
  @ApiOkResponse({ type: ItemDto })
  @Refuses({ 404: 'no such item or organisation' })
  configureItem(@Caller() caller: Principal, @Param('id', ParseIdPipe) id: number, @Body() dto: ItemRegistrationDto) {
    return this.settings.configureItem(caller, id, dto);
  }

  /** Organizers of the event. */
  @Put('events/:id/delegations/:organisationId/quota')
  @Allow('organizer')
  @Operation("Set a delegation's places in an event", { name: 'setDelegationQuota' })
  @ApiOkResponse({ type: [QuotaDto] })
  @Refuses({ 404: 'no such event or organisation' })
  setQuota(
    @Caller() caller: Principal,
    @Param('id', ParseIdPipe) id: number,
    @Param('organisationId', ParseIdPipe) organisationId: number,
    @Body() dto: DelegationQuotaDto,
  ) {
    return this.settings.setDelegationQuota(caller, id, organisationId, dto.capacity ?? null);
  }

  /** Anyone: how many places are left in the event and each item (no delegation's figures). */
  @Get('events/:id/places')
  @Public()
  @Operation('Places left in an event and each of its items')
  @ApiOkResponse({ type: PublicPlacesDto })
  @Refuses({ 404: 'no such event' })
  places(@Param('id', ParseIdPipe) id: number) {
    return this.settings.placesLeft(id);
  }

  /** Organizers of the event see every capacity; a delegation leader, their own delegation's quota. */
  @Get('events/:id/quotas')
  @Allow('organizer', 'delegation_leader')
  @Operation("An event's capacities, each with the places taken", { name: 'listQuotas' })
  @ApiOkResponse({ type: [QuotaDto] })
  @Refuses({ 404: 'no such event' })
  quotas(@Caller() caller: Principal, @Param('id', ParseIdPipe) id: number) {
    return this.settings.quotas(caller, id);
  }

  /**
   * Delegation leaders and organizers over the organisation. The body is the
   * file itself (.xlsx or UTF-8 .csv, by Content-Type); all rows go in or none.
   * A file of more rows than ROSTER_MAX_ROWS (20,000 by default, blank ones
   * included) is refused with 413 ROSTER_FILE_TOO_LARGE before anything is written.
   */
  @Post('events/:id/roster')
  @BodyLimit(10 * 1024 * 1024)
  @Allow('delegation_leader', 'organizer')
  @ApiConsumes(XLSX_TYPE, CSV_TYPE)
  @ApiBody({ schema: { type: 'string', format: 'binary' } })
  @ApiHeader(IDEMPOTENCY_HEADER)
  @Operation('Import a roster file (.xlsx or .csv): every row or none', { name: 'importRoster' })
  @ApiCreatedResponse({ type: ImportReportDto })
  @Refuses({ 404: 'no such event or organisation', 409: 'not in the registration period', 422: 'rows that fail (details: one per problem, with its row)' })
  import(
    @Caller() caller: Principal,
    @Param('id', ParseIdPipe) id: number,
    @Query() query: ImportQuery,
    @Headers('content-type') type: string | undefined,
    @Body() body: unknown,
    @Idempotency() idem: IdempotencyKey | undefined,
  ) {
    const format = type?.startsWith(XLSX_TYPE) ? 'xlsx' : type?.startsWith(CSV_TYPE) ? 'csv' : null;
    if (!format || !Buffer.isBuffer(body)) {
      throw new RegistrationError('invalid', RegistrationErrorCode.RosterInvalid, `请以 Content-Type ${XLSX_TYPE} 或 ${CSV_TYPE} 上传名单文件`, {
        field: 'file',
      });
    }
    return this.roster.import(caller, id, query.organisationId, body, format, idem);
  }

  /** Organizers (full personal data) and delegation leaders (their people, masked). */
  @Get('events/:id/entries/export')
  @Allow('organizer', 'delegation_leader')
  @Operation("Download an event's entries as a spreadsheet", { name: 'exportEntries' })
  @FileResponse('the entries, CSV with a BOM for Excel', XLSX_TYPE, CSV_TYPE)
  @Refuses({ 404: 'no such event' })
  async export(@Caller() caller: Principal, @Param('id', ParseIdPipe) id: number, @Query() query: ExportQuery, @Res({ passthrough: true }) reply: FastifyReply) {
    const format = query.format ?? 'xlsx';
    const file = await this.roster.export(caller, id, format);
    void reply
      .header('content-type', format === 'xlsx' ? XLSX_TYPE : `${CSV_TYPE}; charset=utf-8`)
      .header('content-disposition', `attachment; filename="entries-${id}.${format}"; filename*=UTF-8''${encodeURIComponent(`报名表-${id}.${format}`)}`);
    return file;
  }
}
