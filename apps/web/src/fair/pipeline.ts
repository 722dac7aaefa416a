/**
 * The employer's board: one column per stage of the forward path, refused ones apart. The moves
 * offered mirror the API's rule (libs/job-fair/src/domain/pipeline.ts): forward only, stages may
 * be skipped, final stages stay; the API refuses anything else, so the page never offers it.
 */
export const COLUMNS = ['applied', 'screened', 'interviewing', 'offered', 'hired'] as const;
export type Column = (typeof COLUMNS)[number];
export type Stage = Column | 'rejected' | 'withdrawn';

const FINAL: readonly Stage[] = ['hired', 'rejected', 'withdrawn'];

/** The stages an employer may move an application to from `from`, next one first, refusal last. */
export function employerMoves(from: Stage): Stage[] {
  if (FINAL.includes(from)) return [];
  const at = COLUMNS.indexOf(from as Column);
  return [...COLUMNS.slice(at + 1), 'rejected'];
}

/** Applications grouped into the board's columns; refused and withdrawn ones in a column of their own. */
export function columns<T extends { stage: string }>(apps: readonly T[]): Record<Column | 'closed', T[]> {
  const board = { applied: [], screened: [], interviewing: [], offered: [], hired: [], closed: [] } as Record<Column | 'closed', T[]>;
  for (const a of apps) (COLUMNS.includes(a.stage as Column) ? board[a.stage as Column] : board.closed).push(a);
  return board;
}

export interface Segment {
  text: string;
  category?: string;
}

/**
 * A posting's text cut at the terms the API flagged (UTF-16 offsets, end exclusive), so the page
 * can mark them; overlapping spans are merged into the first.
 */
export function highlight(text: string, spans: readonly { start: number; end: number; category: string }[]): Segment[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const out: Segment[] = [];
  let at = 0;
  for (const s of sorted) {
    if (s.end <= at) continue;
    const start = Math.max(s.start, at);
    if (start > at) out.push({ text: text.slice(at, start) });
    out.push({ text: text.slice(start, s.end), category: s.category });
    at = s.end;
  }
  if (at < text.length) out.push({ text: text.slice(at) });
  return out;
}

/** The text the API screens: title, description and tags, one per line (positions.service). */
export const screenedText = (p: { title: string; description: string; tags: readonly string[] }) => `${p.title}\n${p.description}\n${p.tags.join(' ')}`;

/** A monthly salary filter as typed: blank for none, else whole yuan. */
export function yuan(input: string | number | null | undefined): number | undefined | 'invalid' {
  const s = String(input ?? '').trim();
  if (!s) return undefined;
  return /^\d{1,7}$/.test(s) ? Number(s) : 'invalid';
}
