import type { Principal } from '@app/identity';
import { ApplicationsService, FairFigures, InterviewSlotsService, SeekersService } from '@app/job-fair';
import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse } from '@nestjs/swagger';
import { create as contentDisposition } from 'content-disposition';
import type { FastifyReply } from 'fastify';
import { Allow, Caller, Public } from '../auth/auth.decorators';
import { BodyLimit } from '../http/body-limits';
import { ParseIdPipe } from '../http/ids';
import { EmptyResponse, FileResponse, Operation, Refuses, Tag } from '../http/openapi-decorators';
import { XLSX_TYPE } from '../http/raw-body';
import {
  EligibilityDto,
  UnionSeekersDto,
  UnionSeekersResultDto,
  FairSettingDto,
  RegisterSeekerDto,
  ApplyDto,
  AssessmentDto,
  BookingDto,
  BoothScanDto,
  ConsentBodyDto,
  ConsentDto,
  CV_BODY_LIMIT,
  CvDto,
  EmployerApplicationDto,
  EmployerQuery,
  EmployerSlotDto,
  FairFiguresDto,
  NoteDto,
  PassDto,
  PublishSlotDto,
  SeekerApplicationDto,
  SeekerDto,
  ShareCvDto,
  SlotDto,
  StageDto,
  UploadCvDto,
} from './job-fair.dto';

/**
 * Seekers at job fairs (their registration, pass, CVs and consents, applications), the employer's
 * pipeline, and the fair's figures. Seekers act on their own things only; employer staff on their
 * own employer's applications; another's are answered 404, as if they did not exist.
 */
@Tag('job-fair')
@Controller({ version: '1' })
export class FairApplicationsController {
  constructor(
    private readonly seekers: SeekersService,
    private readonly applications: ApplicationsService,
    private readonly figures: FairFigures,
    private readonly slots: InterviewSlotsService,
  ) {}

  @Post('fairs/:eventId/interview-slots')
  @Allow('employer')
  @Operation('Publish an interview slot of an employer at a fair')
  @ApiCreatedResponse({ type: SlotDto })
  @Refuses({ 404: 'no such fair or employer', 409: 'not a job fair, or a slot at that time already', 422: 'the employer is not approved for the fair' })
  publishInterviewSlot(@Caller() caller: Principal, @Param('eventId', ParseIdPipe) eventId: number, @Body() dto: PublishSlotDto) {
    return this.slots.publish(caller, eventId, dto.employerId, new Date(dto.startsAt), new Date(dto.endsAt));
  }

  /** Times and whether they are taken; never who took them. */
  @Get('fairs/:eventId/interview-slots')
  @Public()
  @Operation("A fair's interview slots, free or booked")
  @ApiOkResponse({ type: [SlotDto] })
  @Refuses({ 404: 'no such fair', 409: 'not a job fair' })
  listInterviewSlots(@Param('eventId', ParseIdPipe) eventId: number) {
    return this.slots.list(eventId);
  }

  /** The seeker's own bookings: which taken slots are theirs, and with whom. */
  @Get('fairs/:eventId/interview-slots/mine')
  @Allow('contestant')
  @Operation("The caller's bookings of interview slots at a fair, with the employer's name")
  @ApiOkResponse({ type: [BookingDto] })
  @Refuses({ 404: 'no such fair', 409: 'not a job fair' })
  listMyInterviewBookings(@Caller() caller: Principal, @Param('eventId', ParseIdPipe) eventId: number) {
    return this.slots.mine(caller, eventId);
  }

  /** Who booked each slot (name, mobile masked), for that employer's staff alone. */
  @Get('fairs/:eventId/interview-slots/own')
  @Allow('employer')
  @Operation("An employer's interview slots at a fair, with who booked them")
  @ApiOkResponse({ type: [EmployerSlotDto] })
  @Refuses({ 404: 'no such fair or employer', 409: 'not a job fair' })
  listEmployerInterviewSlots(@Caller() caller: Principal, @Param('eventId', ParseIdPipe) eventId: number, @Query() q: EmployerQuery) {
    return this.slots.ofEmployer(caller, eventId, q.employerId);
  }

  @Post('fair-interview-slots/:id/booking')
  @Allow('contestant')
  @HttpCode(200)
  @Operation('Book an interview slot')
  @ApiOkResponse({ type: SlotDto })
  @Refuses({ 404: 'no such slot', 409: 'booked already, or the caller has another interview at that time', 422: 'not registered for the fair' })
  bookInterviewSlot(@Caller() caller: Principal, @Param('id', ParseIdPipe) id: number) {
    return this.slots.book(caller, id);
  }

  @Delete('fair-interview-slots/:id/booking')
  @Allow('contestant')
  @HttpCode(204)
  @Operation("Give back the caller's booking of an interview slot")
  @EmptyResponse('given back')
  @Refuses({ 404: 'no such booking of the caller' })
  async cancelInterviewBooking(@Caller() caller: Principal, @Param('id', ParseIdPipe) id: number) {
    await this.slots.cancel(caller, id);
  }

  @Post('fairs/:eventId/seekers')
  @Allow('contestant')
  @Operation('Register the caller as a seeker at a fair, if its eligibility rule admits them')
  @ApiCreatedResponse({ type: SeekerDto })
  @Refuses({ 404: 'no such fair', 409: 'not a job fair, or registered already', 422: "not eligible: the refusal names the fair's rule" })
  registerSeeker(@Caller() caller: Principal, @Param('eventId', ParseIdPipe) eventId: number, @Body() dto: RegisterSeekerDto = {}) {
    return this.seekers.register(caller, eventId, dto ?? {});
  }

  /** A delegation leader registers members of their union's subtree, as delegations enter competitions. */
  @Post('fairs/:eventId/delegations/:organisationId/seekers')
  @Allow('delegation_leader')
  @Operation("Register members of the caller's union as seekers at a fair")
  @ApiCreatedResponse({ type: UnionSeekersResultDto })
  @Refuses({ 404: 'no such fair or organisation', 409: 'not a job fair', 422: 'someone not a member of the union, or not eligible for the fair' })
  registerUnionSeekers(
    @Caller() caller: Principal,
    @Param('eventId', ParseIdPipe) eventId: number,
    @Param('organisationId', ParseIdPipe) organisationId: number,
    @Body() dto: UnionSeekersDto,
  ) {
    return this.seekers.registerByUnion(caller, eventId, organisationId, dto.userIds);
  }

  /** Who may register as a seeker at the fair; those registered already stay. */
  @Put('fairs/:eventId/eligibility')
  @Allow('organizer')
  @Operation('Set who may register as a seeker at a fair')
  @ApiOkResponse({ type: FairSettingDto })
  @Refuses({ 404: 'no such fair', 409: 'not a job fair' })
  setEligibility(@Caller() caller: Principal, @Param('eventId', ParseIdPipe) eventId: number, @Body() dto: EligibilityDto) {
    return this.seekers.setEligibility(caller, eventId, dto.seekerEligibility);
  }

  @Get('fairs/:eventId/pass')
  @Allow('contestant')
  @Operation("The caller's pass for a fair's booths (shown as a QR code)", { name: 'getFairPass' })
  @ApiOkResponse({ type: PassDto })
  @Refuses({ 404: 'no such fair', 409: 'not a job fair', 422: 'not registered for the fair' })
  pass(@Caller() caller: Principal, @Param('eventId', ParseIdPipe) eventId: number) {
    return this.seekers.pass(caller, eventId);
  }

  @Post('me/fair-cvs')
  @BodyLimit(CV_BODY_LIMIT)
  @Allow('contestant')
  @Operation('Upload a CV (PDF or image, type read from the content)')
  @ApiCreatedResponse({ type: CvDto })
  uploadCv(@Caller() caller: Principal, @Body() dto: UploadCvDto) {
    return this.seekers.uploadCv(caller, dto.fileName, Buffer.from(dto.contentBase64, 'base64'));
  }

  @Get('me/fair-cvs')
  @Allow('contestant')
  @Operation("List the caller's CVs")
  @ApiOkResponse({ type: [CvDto] })
  listMyCvs(@Caller() caller: Principal) {
    return this.seekers.cvs(caller);
  }

  @Post('me/fair-cvs/:id/withdraw')
  @Allow('contestant')
  @HttpCode(200)
  @Operation('Withdraw a CV: kept, but shared with nobody')
  @ApiOkResponse({ type: CvDto })
  @Refuses({ 404: 'no such CV of the caller' })
  withdrawCv(@Caller() caller: Principal, @Param('id', ParseIdPipe) id: number) {
    return this.seekers.withdrawCv(caller, id);
  }

  @Delete('me/fair-cvs/:id')
  @Allow('contestant')
  @HttpCode(204)
  @Operation('Delete a CV and the consents to share it')
  @EmptyResponse('deleted')
  @Refuses({ 404: 'no such CV of the caller' })
  async deleteCv(@Caller() caller: Principal, @Param('id', ParseIdPipe) id: number) {
    await this.seekers.deleteCv(caller, id);
  }

  @Post('me/fair-consents')
  @Allow('contestant')
  @Operation('Consent to share a CV with an employer (PIPL art. 23)')
  @ApiCreatedResponse({ type: ConsentDto })
  @Refuses({ 404: 'no such CV of the caller, or no such employer', 409: 'the CV is withdrawn' })
  grantCvConsent(@Caller() caller: Principal, @Body() dto: ConsentBodyDto) {
    return this.seekers.consent(caller, dto.employerId, dto.cvId);
  }

  @Get('me/fair-consents')
  @Allow('contestant')
  @Operation("List the caller's consents")
  @ApiOkResponse({ type: [ConsentDto] })
  listMyConsents(@Caller() caller: Principal) {
    return this.seekers.consents(caller);
  }

  @Post('me/fair-consents/:id/revoke')
  @Allow('contestant')
  @HttpCode(200)
  @Operation('Revoke a consent: the employer no longer reads the CV')
  @ApiOkResponse({ type: ConsentDto })
  @Refuses({ 404: 'no such consent of the caller' })
  revokeCvConsent(@Caller() caller: Principal, @Param('id', ParseIdPipe) id: number) {
    return this.seekers.revokeConsent(caller, id);
  }

  @Post('fair-positions/:id/applications')
  @Allow('contestant')
  @Operation('Apply to a position, with a CV and consent to give it to the employer')
  @ApiCreatedResponse({ type: SeekerApplicationDto })
  @Refuses({ 404: 'no such position or CV', 409: 'applied already, the position is not published, or the CV is withdrawn', 422: 'not registered for the fair, or a CV without consent' })
  applyToPosition(@Caller() caller: Principal, @Param('id', ParseIdPipe) id: number, @Body() dto: ApplyDto) {
    return this.applications.apply(caller, id, dto.cvId, dto.consent === true);
  }

  @Get('me/fair-applications')
  @Allow('contestant')
  @Operation("The caller's applications, their status and history")
  @ApiOkResponse({ type: [SeekerApplicationDto] })
  listMyApplications(@Caller() caller: Principal) {
    return this.applications.mine(caller);
  }

  @Post('fair-applications/:id/withdraw')
  @Allow('contestant')
  @HttpCode(200)
  @Operation("Withdraw the caller's application")
  @ApiOkResponse({ type: SeekerApplicationDto })
  @Refuses({ 404: 'no such application of the caller', 409: 'the application is closed' })
  withdrawApplication(@Caller() caller: Principal, @Param('id', ParseIdPipe) id: number, @Body() dto: NoteDto) {
    return this.applications.withdraw(caller, id, dto.note);
  }

  @Post('fair-applications/:id/cv')
  @Allow('contestant')
  @HttpCode(200)
  @Operation('Share a CV on an application a booth scan made (the consent the seeker is asked for)')
  @ApiOkResponse({ type: SeekerApplicationDto })
  @Refuses({ 404: 'no such application or CV of the caller', 409: 'the CV is withdrawn' })
  shareCvOnApplication(@Caller() caller: Principal, @Param('id', ParseIdPipe) id: number, @Body() dto: ShareCvDto) {
    return this.applications.shareCv(caller, id, dto.cvId);
  }

  @Post('fairs/:eventId/booth-scans')
  @Allow('employer')
  @Operation("Scan a seeker's pass at the booth: an application to the position, the seeker asked for a CV")
  @ApiCreatedResponse({ type: EmployerApplicationDto })
  @Refuses({ 404: 'no such position at this fair', 409: 'applied already, or the position is not published', 422: 'the seeker is not registered' })
  scanSeekerPass(@Caller() caller: Principal, @Param('eventId', ParseIdPipe) eventId: number, @Body() dto: BoothScanDto) {
    return this.applications.scan(caller, eventId, dto.positionId, dto.pass);
  }

  @Get('fair-positions/:id/applications')
  @Allow('employer')
  @Operation("A position's applications, for its employer's staff")
  @ApiOkResponse({ type: [EmployerApplicationDto] })
  @Refuses({ 404: 'no such position' })
  listPositionApplications(@Caller() caller: Principal, @Param('id', ParseIdPipe) id: number) {
    return this.applications.ofPosition(caller, id);
  }

  @Post('fair-applications/:id/stage')
  @Allow('employer')
  @HttpCode(200)
  @Operation('Move an application along the pipeline, with a note; a hire takes an opening')
  @ApiOkResponse({ type: EmployerApplicationDto })
  @Refuses({ 404: 'no such application of the employer', 409: 'not a move from its stage, or no openings left' })
  moveApplication(@Caller() caller: Principal, @Param('id', ParseIdPipe) id: number, @Body() dto: StageDto) {
    return this.applications.changeStage(caller, id, dto.stage, dto.note);
  }

  @Put('fair-applications/:id/assessment')
  @Allow('employer')
  @Operation("The employer's rating (1–4), notes and intention reached, seen by that employer only")
  @ApiOkResponse({ type: EmployerApplicationDto })
  @Refuses({ 404: 'no such application of the employer' })
  assessApplication(@Caller() caller: Principal, @Param('id', ParseIdPipe) id: number, @Body() dto: AssessmentDto) {
    return this.applications.assess(caller, id, dto);
  }

  @Get('fair-applications/:id/cv')
  @Allow('employer')
  @Operation("Download an application's CV, while the seeker consents", { name: 'getApplicationCv' })
  @FileResponse('the CV as uploaded', 'application/pdf', 'image/jpeg', 'image/png')
  @Refuses({ 404: 'no such application of the employer' })
  async cv(@Caller() caller: Principal, @Param('id', ParseIdPipe) id: number, @Res({ passthrough: true }) reply: FastifyReply) {
    const file = await this.applications.cv(caller, id);
    void reply
      .header('content-type', file.contentType)
      .header('x-content-type-options', 'nosniff')
      .header('content-disposition', contentDisposition(file.fileName, { type: 'attachment' }));
    return file.content;
  }

  @Get('fairs/:eventId/figures')
  @Allow('organizer')
  @Operation("A fair's figures: employers, positions, seekers, visits, CVs, applications, intentions, hires, rates")
  @ApiOkResponse({ type: FairFiguresDto })
  @Refuses({ 404: 'no such fair', 409: 'not a job fair' })
  getFairFigures(@Caller() caller: Principal, @Param('eventId', ParseIdPipe) eventId: number) {
    return this.figures.figures(caller, eventId);
  }

  @Get('fairs/:eventId/figures.xlsx')
  @Allow('organizer')
  @Operation("A fair's figures as .xlsx")
  @FileResponse('one sheet, a row per figure', XLSX_TYPE)
  @Refuses({ 404: 'no such fair', 409: 'not a job fair' })
  async exportFairFigures(@Caller() caller: Principal, @Param('eventId', ParseIdPipe) eventId: number, @Res({ passthrough: true }) reply: FastifyReply) {
    const file = await this.figures.workbook(caller, eventId);
    void reply
      .header('content-type', XLSX_TYPE)
      .header('content-disposition', `attachment; filename="${file.fileName}"; filename*=UTF-8''${encodeURIComponent(file.localName)}`);
    return file.body;
  }
}
