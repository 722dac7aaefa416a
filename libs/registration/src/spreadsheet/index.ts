export {
  MAX_ROSTER_FILE_ROWS,
  parseRosterFile,
  RosterFileError,
  type ParseRosterFileOptions,
  type RosterFileErrorCode,
  type RosterFileFormat,
} from './roster-file';
export { DEFAULT_SHEET_NAME, writeTable, type TableCell, type TableColumn, type TableFormat, type TableRow } from './entries-export';
