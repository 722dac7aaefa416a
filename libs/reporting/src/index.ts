// Reporting: the read side across contexts (statistics per organisation subtree and year, a
// person's record, award lists), the one place whose SQL may join tables other contexts own.
// It reads and never writes; nothing but the apps imports it.
export * from './statistics.service';
export * from './statistics-workbook';
export * from './person-record.service';
export * from './award-lists.service';
export * from './reporting.module';
