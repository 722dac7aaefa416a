import type zh from './zh-CN';

const en: typeof zh = {
  app: { title: 'Union Events', skip: 'Skip to content', language: '中文', languageLabel: 'Change language' },
  nav: { events: 'Events', myEntries: 'My entries', record: 'My results', inbox: 'Inbox', judge: 'Scoring', manage: 'Organize', leader: 'Delegation', stats: 'Statistics', queues: 'Job queues', signIn: 'Sign in', signOut: 'Sign out', verify: 'Verify certificate' },
  kind: { skill_competition: 'Skill competition', sports_meet: 'Sports meet', hiking: 'Hiking', job_fair: 'Job fair' },
  status: { draft: 'Draft', registration_open: 'Registration open', registration_closed: 'Registration closed', in_progress: 'In progress', finished: 'Finished' },
  entryStatus: { pending: 'Pending', approved: 'Approved', rejected: 'Refused', waitlisted: 'Waitlisted', withdrawn: 'Withdrawn' },
  publication: { PROVISIONAL: 'Provisional', NOTICE: 'On notice', FINAL: 'Final' },
  events: {
    heading: 'Events', kind: 'Kind', allKinds: 'All kinds', district: 'Organiser', allDistricts: 'All organisers', openOnly: 'Open for registration only',
    none: 'No event matches', dates: 'Dates', registration: 'Registration', open: 'Open', board: 'Board',
  },
  event: {
    items: 'Items', item: 'Item', venue: 'Venue', startsAt: 'Starts', capacity: 'Places', unlimited: 'Unlimited', places: '{n} places',
    rules: 'Who may enter', gender: { male: 'Men only', female: 'Women only' }, age: 'Aged {min}–{max}', member: 'Union members only',
    register: 'Register', registered: 'Entry submitted: {status}', signInToRegister: 'Sign in to register', board: 'Live board', notOpen: 'Registration is not open',
    refused: 'Cannot register',
  },
  board: {
    heading: 'Live results', medals: 'Medal table', rank: 'Rank', delegation: 'Delegation', gold: 'Gold', silver: 'Silver', bronze: 'Bronze', total: 'Total',
    points: 'Team points', pointsCol: 'Points', items: 'Items', frozen: 'The board is frozen ({at}); the public sees results as they stood then', provisional: 'Provisional',
    records: 'Records', record: { all: { BROKEN: 'Record', EQUALLED: 'Equals record' }, meet: { BROKEN: 'Meet record', EQUALLED: 'Equals meet record' } },
    live: 'Live', connecting: 'Connecting…', updated: 'Updated {at}', empty: 'No results yet',
  },
  verify: {
    heading: 'Verify a certificate', code: 'Code', check: 'Verify', valid: 'The certificate is valid', revoked: 'The certificate was revoked ({at})', notFound: 'No such certificate',
    serial: 'Serial', name: 'Name', award: 'Award', title: 'Title', event: 'Event', item: 'Item', issuer: 'Issuer', grantedOn: 'Granted on',
  },
  login: { heading: 'Sign in', username: 'Username', password: 'Password', submit: 'Sign in', failed: 'Sign-in failed' },
  me: {
    entries: 'My entries', none: 'No entries yet', item: 'Item', event: 'Event', status: 'Status', bib: 'Bib', qr: 'Check-in QR code',
    showQr: 'Check-in code', withdraw: 'Withdraw', withdrawConfirm: 'Withdraw from “{item}”?', withdrawn: 'Withdrawn', reason: 'Reason',
    record: 'My results', place: 'Place', total: 'Result', awards: 'Awards', certificate: 'Certificate', noAwards: 'No awards yet',
    appeal: 'Appeal', appealHeading: 'Appeal against the result of “{item}”', appealReason: 'Reason', appealFiles: 'Attachments (up to 3 images, PDFs or videos, 5 MB each)', appealSubmit: 'File the appeal',
    appealFiled: 'The appeal is filed; wait for the decision', onNotice: 'On notice', tooMany: 'At most {max} attachments', tooLarge: '{name} is larger than 5 MB', badType: '{name} is not an image, PDF or video',
    inbox: 'Inbox', noMessages: 'No messages', markRead: 'Mark read', unread: 'Unread',
  },
  judge: {
    heading: 'Score entry', scheme: 'Scheme', range: 'Marks {min}–{max}, at most {d} decimals', criteria: 'Criteria', contestant: 'Contestant',
    org: 'Organisation', draftSaved: 'Draft saved (version {v})', saving: 'Saving…', submit: 'Submit scores', submitConfirm: 'Submitted marks cannot be changed. Submit the marks of {n} contestants?',
    submitted: 'Submitted', locked: 'The sheet is locked: read only', conflict: 'Someone else changed this sheet (version {v}). Their version is below; check it and enter again.',
    theirs: 'Their version', reload: 'Load the latest version', missing: '{n} marks missing', invalid: '{value} is not between {min} and {max}',
    status: { draft: 'Draft', submitted: 'Submitted', locked: 'Locked' },
  },
  manage: {
    heading: 'Organize', newEvent: 'New event', name: 'Name', kind: 'Kind', organisation: 'Organiser', startsOn: 'Starts on', endsOn: 'Ends on',
    create: 'Create', items: 'Items', newItem: 'Add an item', itemName: 'Item name', scheme: 'Scheme', schemeMin: 'Lowest mark', schemeMax: 'Highest mark',
    dropExtremes: 'Drop the highest and the lowest mark', openRegistration: 'Open registration', closeRegistration: 'Close registration', start: 'Start', finish: 'Finish',
    entries: 'Entries', approve: 'Approve', reject: 'Refuse', rejectReason: 'Reason for refusing', bulkApprove: 'Approve selected ({n})', filterStatus: 'Status',
    judges: 'Judges', assign: 'Assign', judgeUserId: 'Judge account id', chief: 'Chief judge', publication: 'Publication', notice: 'Start notice period', finalize: 'Finalise results',
    itemPage: 'Appeals and awards', appeals: 'Appeals', noAppeals: 'No appeals', appellant: 'Appellant', appealReason: 'Reason', appealStatus: 'Decision',
    appealState: { open: 'Open', upheld: 'Upheld', dismissed: 'Dismissed' }, dismiss: 'Dismiss', uphold: 'Uphold and correct', decisionReason: 'Reason (the appellant is told)',
    judge: 'Judge', correctedMark: 'Corrected mark', attachments: 'Attachments', awardList: 'Award list', noAwards: 'No awards granted yet', place: 'Place', award: 'Award',
    revoke: 'Revoke', revokeReason: 'Reason for revoking (kept on record)', revoked: 'Revoked', active: 'Valid', workbook: 'Download the award list (Excel)', queues: 'Job queues',
    awards: 'Awards', awardRules: 'First prize to the top {n}', runAwards: 'Grant awards', granted: '{n} granted', done: 'Done',
  },
  leader: {
    heading: 'Delegation', event: 'Event', pick: 'Choose an event', upload: 'Upload a roster (xlsx or csv)', uploadButton: 'Import roster', wrongType: 'Only .xlsx or .csv files',
    imported: 'Imported: {people} people, {created} new accounts, {entries} entries, {waitlisted} waitlisted', refused: 'The roster was not imported', row: 'Row', field: 'Field', reason: 'Reason',
    entries: "The delegation's entries", none: 'No entries yet',
    pending: 'Members to confirm', pendingHint: 'These people signed up by themselves and chose your union. Once you confirm they work here (as members), the delegation may enter them and they may enter members-only items.',
    noPending: 'Nobody is waiting', since: 'Signed up', confirm: 'Confirm member', confirmed: '{name} is confirmed as a member',
  },
  stats: {
    heading: 'Statistics', year: 'Year', organisation: 'Organisation', events: 'Events', participations: 'Participations', people: 'People', awards: 'Awards', prizePaid: 'Prize money paid (yuan)',
    prizePending: 'Prize money pending (yuan)', byKind: 'Events by kind', chart: 'Bar chart of events by kind',
  },
  signup: {
    heading: 'Sign up', mobile: 'Mobile number', getCode: 'Text me a code', resend: 'Ask again in {s} s', sent: 'The code is on its way by SMS', code: 'Code',
    username: 'Username (letters, digits)', password: 'Password (10 characters or more, hard to guess)', realName: 'Real name', district: 'District union', enterprise: 'Enterprise union',
    submit: 'Sign up', haveAccount: 'Have an account? Sign in', forgot: 'Forgot the password', resetHeading: 'Reset the password', newPassword: 'New password', resetSubmit: 'Reset the password', resetDone: 'The password is set; sign in',
    profileHeading: 'Real-name profile', residentId: 'Resident ID number', unionMemberNo: 'Union member number (optional)', profileSaved: 'Profile saved', profileNext: 'Once saved you can register for events',
  },
  common: { loading: 'Loading…', error: 'Something went wrong', retry: 'Retry', cancel: 'Cancel', confirm: 'OK', save: 'Save', back: 'Back', yes: 'Yes', no: 'No' },
};
export default en;
