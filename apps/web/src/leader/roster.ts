import { ApiError } from '../api';

/** One refused row of a roster file, as the API lists it (row 1 is the header). */
export interface RosterRowProblem {
  row: number | null;
  field: string | null;
  message: string;
}

/**
 * The rows of a refused roster upload, for a table: the API refuses the whole file when any row
 * fails (nothing is imported) and names each row, field and reason; other refusals (a file that is
 * not a roster, too large) have no rows and are shown as one message.
 */
export function rosterProblems(error: unknown): { message: string; rows: RosterRowProblem[] } {
  if (!(error instanceof ApiError)) return { message: error instanceof Error ? error.message : String(error), rows: [] };
  const details = (error.body.details ?? []) as { row?: number; field?: string | null; message: string }[];
  const rows = details
    .map((d) => ({ row: typeof d.row === 'number' ? d.row : null, field: d.field ?? null, message: d.message }))
    .sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  return { message: error.message, rows };
}

const TYPES: Record<string, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv',
};

/** The content type a roster file is sent with, from its name; null for a file the API does not read. */
export function rosterContentType(fileName: string): string | null {
  const ext = fileName.toLowerCase().split('.').pop() ?? '';
  return TYPES[ext] ?? null;
}
