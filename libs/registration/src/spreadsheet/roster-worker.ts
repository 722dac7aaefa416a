/**
 * A roster file read and checked on a worker thread (run by the RosterReader's pool), so that
 * unpacking and checking thousands of rows never holds up the API's event loop. Only plain data
 * crosses the thread boundary: a refusal comes back as its code and message, not as an Error.
 */
import { type RosterValidation, validateRoster } from '../domain';
import { parseRosterFile, RosterFileError, type RosterFileErrorCode, type RosterFileFormat } from './roster-file';

export interface RosterTask {
  file: Uint8Array;
  format: RosterFileFormat;
  /** Rows after the header, blank ones included: past it the file is refused without reading on. */
  maxRows: number;
  /** Today in China, for the age checks. */
  today: string;
}

export type RosterTaskResult = { ok: true; checked: RosterValidation } | { ok: false; code: RosterFileErrorCode; message: string };

export default async function readRoster(task: RosterTask): Promise<RosterTaskResult> {
  const file = Buffer.from(task.file.buffer, task.file.byteOffset, task.file.byteLength);
  try {
    const sheet = await parseRosterFile(file, task.format, { maxRows: task.maxRows });
    return { ok: true, checked: validateRoster(sheet, { today: task.today }) };
  } catch (err) {
    if (err instanceof RosterFileError) return { ok: false, code: err.code, message: err.message };
    throw err;
  }
}
