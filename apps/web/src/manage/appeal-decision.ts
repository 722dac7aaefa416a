/** One corrected cell as typed in the uphold dialog. */
export interface CorrectionRow {
  judgeId: number | null;
  criterion: string;
  value: string;
}

export type DecisionBody = { reason: string; marks: { judgeId: number; entryId: number; criterion: string; value: string }[]; reinstate?: boolean };

/**
 * The uphold request from the dialog: the filled-in rows as marks of the appealed entry, and the
 * reinstatement when asked. Null while there is nothing to decide (no reason, or neither a
 * complete row nor a reinstatement) or a row names a cell twice: the button stays disabled.
 */
export function decisionBody(entryId: number, reason: string, rows: CorrectionRow[], reinstate: boolean): DecisionBody | null {
  const why = reason.trim();
  const filled = rows.filter((r) => r.judgeId !== null && r.criterion && r.value.trim() !== '');
  const cells = new Set(filled.map((r) => `${r.judgeId}\u0000${r.criterion}`));
  if (!why || (!filled.length && !reinstate) || cells.size !== filled.length) return null;
  const marks = filled.map((r) => ({ judgeId: r.judgeId!, entryId, criterion: r.criterion, value: r.value.trim() }));
  return { reason: why, marks, ...(reinstate ? { reinstate: true } : {}) };
}
