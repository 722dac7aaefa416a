import type zh from './route-setup.zh-CN';

/** The organizer's route setup page, in English. */
const en: typeof zh = {
  heading: 'Route setup', notHiking: 'Only items of a hiking event can be routes.', backToEvent: 'Back to the event',
  noRoute: 'This item is not a route yet: fill in the route to create it.', create: 'Create the route', created: 'Route created',
  distanceKm: 'Distance (km)', referenceStart: 'Reference start (Beijing time: the first wave’s gun, which checkpoint times are set on)',
  teamMin: 'Smallest team', teamMax: 'Largest team', teamGapMin: 'Longest gap between team members arriving (minutes)', skewLimitS: 'Device clock skew allowed (seconds)', overdueMarginMin: 'Overdue after (minutes past predicted)',
  incompleteTeamScan: 'A team’s QR code scanned with members missing', flag: 'Flag for staff', refuse: 'Refuse', notifyContacts: 'Text a walker’s emergency contact when they time out or withdraw',
  changeSettings: 'Change the settings (the reference start stays)', saveSettings: 'Save the settings', settingsSaved: 'Settings saved', settings: 'Route settings', settingsLine: '{km} km · reference start {at} · teams of {min}–{max}',
  checkpoints: 'Checkpoints',
  checkpointsHint: 'The first is the start (distance 0), the last the finish; distances grow one by one. Coordinates are WGS-84 decimal degrees, both or neither; when every checkpoint has them the safety board shows a map. Times are Beijing time and may be left blank. A checkpoint moved keeps its staff; a checkpoint with scans can be neither removed nor moved.',
  seq: 'No.', name: 'Name', km: 'Distance (km)', latitude: 'Latitude', longitude: 'Longitude', opensAt: 'Opens', arrivalCutoffAt: 'Arrival cut-off', departureCutoffAt: 'Departure cut-off', actions: 'Actions',
  cell: 'row {n} {field}', rowAction: '{action} row {n}', start: 'start', finish: 'finish', add: 'Add a checkpoint', remove: 'Remove', up: 'Up', down: 'Down', save: 'Save the checkpoints', saved: '{n} checkpoints saved', cellProblem: 'Row {n}: “{field}” is not valid', fieldProblem: '“{field}” is not valid',
  waves: 'Start waves', wavesHint: 'Waves belong to the whole event, shared by its routes; moving a wave’s start moves its walkers’ cut-offs with it.', noWaves: 'No start waves yet',
  waveName: 'Wave name', startsAt: 'Start (Beijing time)', addWave: 'Add a wave', waveAdded: 'Wave added: {name}', moveWave: 'Move the start', waveMoved: '{name} now starts at {at}',
  enrol: 'Enrol walkers', enrolHint: 'Enrol this item’s approved entries into the chosen wave.', wave: 'Wave', enrolSubmit: 'Enrol registered walkers', enrolled: '{n} enrolled', refused: '{n} not enrolled:',
  staff: 'Checkpoint staff', staffHint: 'Pick by name among the checkpoint staff of the event’s organisation and the unions below it.', checkpoint: 'Checkpoint', person: 'Staff member', searchPerson: 'Type a name',
  assign: 'Assign', assigned: '{name} assigned to {checkpoint}', nobody: 'Nobody yet', noCandidates: 'No checkpoint staff found (grant them the checkpoint staff role first)',
  linksHeading: 'Board and results',
};
export default en;
