/** One cell of the appealed entry as the jury corrects it; a null value removes the cell. */
export interface CorrectionMark {
  judgeId: number;
  entryId: number;
  criterion?: string;
  value: string | null;
}

/** A cell that stands against the entry outside the marks: a DNS/DNF/DQ status, or a penalty. */
export interface StandingCell {
  judgeId: number;
  criterion: 'status' | 'penalty';
  value: string;
}

export type CorrectionProblem =
  | { code: 'required' }
  | { code: 'otherEntry'; index: number }
  | { code: 'twice'; index: number }
  | { code: 'nothingToReinstate' };

/**
 * What upholding an appeal writes: the jury's corrected marks (several judges, several criteria)
 * and, when it reinstates the entry, every status that is not OK set to OK and every penalty
 * cleared, on whichever sheet carries them. All of it concerns the appealed entry only: an appeal
 * decided for one contestant never rewrites another's marks. A cell named twice is refused rather
 * than letting the later silently win.
 */
export function planCorrection(
  entryId: number,
  marks: readonly CorrectionMark[],
  reinstate: { standing: readonly StandingCell[] } | null,
): { ok: true; marks: CorrectionMark[] } | { ok: false; problem: CorrectionProblem } {
  if (!marks.length && !reinstate) return { ok: false, problem: { code: 'required' } };
  const seen = new Set<string>();
  for (const [index, m] of marks.entries()) {
    if (m.entryId !== entryId) return { ok: false, problem: { code: 'otherEntry', index } };
    const key = `${m.judgeId}\u0000${m.criterion ?? ''}`;
    if (seen.has(key)) return { ok: false, problem: { code: 'twice', index } };
    seen.add(key);
  }
  const lifted: CorrectionMark[] = (reinstate?.standing ?? [])
    .filter((c) => (c.criterion === 'status' ? c.value.trim().toUpperCase() !== 'OK' : Number(c.value) !== 0))
    .filter((c) => !seen.has(`${c.judgeId}\u0000${c.criterion}`))
    .map((c) => ({ judgeId: c.judgeId, entryId, criterion: c.criterion, value: c.criterion === 'status' ? 'OK' : '0' }));
  if (reinstate && !lifted.length && !marks.length) return { ok: false, problem: { code: 'nothingToReinstate' } };
  return { ok: true, marks: [...marks, ...lifted] };
}
