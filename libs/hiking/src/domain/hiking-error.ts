/** Codes clients read; a new one starts with HIKING_, none is ever renamed. */
export enum HikingErrorCode {
  BadTransition = 'HIKING_BAD_STATUS_TRANSITION',
  DropReasonRequired = 'HIKING_DROP_REASON_REQUIRED',
  BadCutoff = 'HIKING_BAD_CUTOFF',
  // Refusals of the service layer (HikingError).
  NotHikingItem = 'HIKING_NOT_A_HIKING_ITEM',
  RouteExists = 'HIKING_ROUTE_EXISTS',
  RouteNotFound = 'HIKING_ROUTE_NOT_FOUND',
  CheckpointNotFound = 'HIKING_CHECKPOINT_NOT_FOUND',
  CheckpointsInvalid = 'HIKING_CHECKPOINTS_INVALID',
  WaveNotFound = 'HIKING_WAVE_NOT_FOUND',
  WalkerNotFound = 'HIKING_WALKER_NOT_FOUND',
  UnknownBib = 'HIKING_UNKNOWN_BIB',
  CheckpointOfOtherEvent = 'HIKING_CHECKPOINT_OF_OTHER_EVENT',
  StaffNotAssigned = 'HIKING_STAFF_NOT_ASSIGNED',
  DeviceClockInvalid = 'HIKING_DEVICE_CLOCK_INVALID',
  TeamSize = 'HIKING_TEAM_SIZE',
  NotStaff = 'HIKING_NOT_STAFF',
  TeamIncomplete = 'HIKING_TEAM_INCOMPLETE',
  NotTeamMember = 'HIKING_NOT_TEAM_MEMBER',
  TeamNotBroken = 'HIKING_TEAM_NOT_BROKEN',
  WalkerNotWalking = 'HIKING_WALKER_NOT_WALKING',
  ScansBusy = 'HIKING_SCANS_BUSY',
}

/**
 * Thrown when a rule is asked for something it forbids (finishing a withdrawn walker, a drop with
 * no reason). Kept local, as awards' domain does, so this folder depends on nothing another context
 * may change; the service layer maps it to the context's DomainError.
 */
export class HikingDomainError extends Error {
  constructor(
    readonly code: HikingErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'HikingDomainError';
  }
}
