/** The job fair's calls: seekers, employer staff and the fair's organizers. */
import { api, ok, type Schemas } from './client';
import type { paths } from './schema';

export type Position = Schemas['PositionDto'];
export type SearchQuery = NonNullable<paths['/api/v1/fairs/{eventId}/positions']['get']['parameters']['query']>;
export type SeekerApplication = Schemas['SeekerApplicationDto'];
export type EmployerApplication = Schemas['EmployerApplicationDto'];
export type Participation = Schemas['ParticipationDto'];
export type Employer = Schemas['EmployerDto'];
export type Cv = Schemas['CvDto'];
export type Consent = Schemas['ConsentDto'];
export type Slot = Schemas['SlotDto'];
export type Booking = Schemas['BookingDto'];
export type EmployerSlot = Schemas['EmployerSlotDto'];
export type FairFigures = Schemas['FairFiguresDto'];

const eventPath = (eventId: number) => ({ params: { path: { eventId } } });
const idPath = (id: number) => ({ params: { path: { id } } });

export const fair = {
  // Anyone.
  search: (eventId: number, query: SearchQuery = {}) =>
    ok(api.GET('/api/v1/fairs/{eventId}/positions', { params: { path: { eventId }, query } })),
  filters: (eventId: number) => ok(api.GET('/api/v1/fairs/{eventId}/position-filters', eventPath(eventId))),
  position: (id: number) => ok(api.GET('/api/v1/fair-positions/{id}', idPath(id))),
  slots: (eventId: number) => ok(api.GET('/api/v1/fairs/{eventId}/interview-slots', eventPath(eventId))),

  // Seekers.
  registerSeeker: (eventId: number, body: Schemas['RegisterSeekerDto'] = {}) => ok(api.POST('/api/v1/fairs/{eventId}/seekers', { ...eventPath(eventId), body })),
  pass: (eventId: number) => ok(api.GET('/api/v1/fairs/{eventId}/pass', eventPath(eventId))),
  cvs: () => ok(api.GET('/api/v1/me/fair-cvs')),
  uploadCv: (body: Schemas['UploadCvDto']) => ok(api.POST('/api/v1/me/fair-cvs', { body })),
  withdrawCv: (id: number) => ok(api.POST('/api/v1/me/fair-cvs/{id}/withdraw', idPath(id))),
  consents: () => ok(api.GET('/api/v1/me/fair-consents')),
  revokeConsent: (id: number) => ok(api.POST('/api/v1/me/fair-consents/{id}/revoke', idPath(id))),
  apply: (positionId: number, body: Schemas['ApplyDto']) => ok(api.POST('/api/v1/fair-positions/{id}/applications', { ...idPath(positionId), body })),
  myApplications: () => ok(api.GET('/api/v1/me/fair-applications')),
  withdrawApplication: (id: number, note?: string) => ok(api.POST('/api/v1/fair-applications/{id}/withdraw', { ...idPath(id), body: note ? { note } : {} })),
  shareCv: (applicationId: number, cvId: number) => ok(api.POST('/api/v1/fair-applications/{id}/cv', { ...idPath(applicationId), body: { cvId } })),
  myBookings: (eventId: number) => ok(api.GET('/api/v1/fairs/{eventId}/interview-slots/mine', eventPath(eventId))),
  book: (slotId: number) => ok(api.POST('/api/v1/fair-interview-slots/{id}/booking', idPath(slotId))),
  cancelBooking: (slotId: number) => ok(api.DELETE('/api/v1/fair-interview-slots/{id}/booking', idPath(slotId))),

  // Employer staff.
  myEmployers: () => ok(api.GET('/api/v1/fair-employers/mine')),
  registerEmployer: (body: Schemas['RegisterEmployerDto']) => ok(api.POST('/api/v1/fair-employers', { body })),
  employerParticipations: (employerId: number) => ok(api.GET('/api/v1/fair-employers/{id}/participations', idPath(employerId))),
  applyToFair: (eventId: number, employerId: number) => ok(api.POST('/api/v1/fairs/{eventId}/participations', { ...eventPath(eventId), body: { employerId } })),
  ownPositions: (eventId: number, employerId: number) =>
    ok(api.GET('/api/v1/fairs/{eventId}/positions/own', { params: { path: { eventId }, query: { employerId } } })),
  createPosition: (eventId: number, body: Schemas['CreatePositionDto']) => ok(api.POST('/api/v1/fairs/{eventId}/positions', { ...eventPath(eventId), body })),
  applications: (positionId: number) => ok(api.GET('/api/v1/fair-positions/{id}/applications', idPath(positionId))),
  move: (applicationId: number, body: Schemas['StageDto']) => ok(api.POST('/api/v1/fair-applications/{id}/stage', { ...idPath(applicationId), body })),
  assess: (applicationId: number, body: Schemas['AssessmentDto']) => ok(api.PUT('/api/v1/fair-applications/{id}/assessment', { ...idPath(applicationId), body })),
  scan: (eventId: number, body: Schemas['BoothScanDto']) => ok(api.POST('/api/v1/fairs/{eventId}/booth-scans', { ...eventPath(eventId), body })),
  publishSlot: (eventId: number, body: Schemas['PublishSlotDto']) => ok(api.POST('/api/v1/fairs/{eventId}/interview-slots', { ...eventPath(eventId), body })),
  ownSlots: (eventId: number, employerId: number) =>
    ok(api.GET('/api/v1/fairs/{eventId}/interview-slots/own', { params: { path: { eventId }, query: { employerId } } })),

  // Organizers.
  participations: (eventId: number) => ok(api.GET('/api/v1/fairs/{eventId}/participations', eventPath(eventId))),
  decide: (participationId: number, body: Schemas['FairDecisionDto']) => ok(api.POST('/api/v1/fair-participations/{id}/decision', { ...idPath(participationId), body })),
  assignBooth: (participationId: number, body: Schemas['BoothDto']) => ok(api.PUT('/api/v1/fair-participations/{id}/booth', { ...idPath(participationId), body })),
  pending: (eventId: number) => ok(api.GET('/api/v1/fairs/{eventId}/positions/pending', eventPath(eventId))),
  review: (positionId: number, body: Schemas['FairDecisionDto']) => ok(api.POST('/api/v1/fair-positions/{id}/review', { ...idPath(positionId), body })),
  figures: (eventId: number) => ok(api.GET('/api/v1/fairs/{eventId}/figures', eventPath(eventId))),
};

/** The CV's bytes as the API takes them (base64, the type read from the content). */
export async function cvBody(file: File): Promise<Schemas['UploadCvDto']> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return { fileName: file.name, contentBase64: btoa(binary) };
}
