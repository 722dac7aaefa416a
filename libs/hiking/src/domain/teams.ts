import { HikingDomainError, HikingErrorCode } from './hiking-error';
import type { Instant, WalkerStatus } from './types';

export interface TeamMember {
  walkerId: string;
  status: WalkerStatus;
}

/** Starters still walking: started and not dropped. Finished members count, since they walked in. */
const STILL_IN: readonly WalkerStatus[] = ['started', 'on_course', 'finished'];

export interface TeamAtCheckpoint {
  complete: boolean;
  /** Starters still walking with no counted scan at the checkpoint. */
  missing: string[];
  /** Last member's scan minus first member's; null until someone is scanned. */
  spreadMs: number | null;
  /** The team's time there: the last member in. */
  lastInAt: Instant | null;
}

/**
 * The Trailwalker rule: a team is complete at a checkpoint when every starter still walking is
 * scanned there and the first and last of them came in within the event's gap. Members who withdrew,
 * timed out or were disqualified no longer count; a team with nobody left walking is not complete.
 * `arrivals` are the members' counted scans at that checkpoint (the earliest of each).
 */
export function teamAtCheckpoint(members: readonly TeamMember[], arrivals: ReadonlyMap<string, Instant>, gapMs: number): TeamAtCheckpoint {
  const walking = members.filter((m) => STILL_IN.includes(m.status));
  const missing = walking.filter((m) => !arrivals.has(m.walkerId)).map((m) => m.walkerId);
  const times = walking.map((m) => arrivals.get(m.walkerId)).filter((t): t is Instant => t !== undefined);
  const first = times.length ? Math.min(...times) : null;
  const last = times.length ? Math.max(...times) : null;
  const spreadMs = first === null || last === null ? null : last - first;
  return {
    complete: walking.length > 0 && missing.length === 0 && spreadMs !== null && spreadMs <= gapMs,
    missing,
    spreadMs,
    lastInAt: last,
  };
}

/** Members a team scan expects at a checkpoint: still on the course, neither dropped nor finished. */
const EXPECTED: readonly WalkerStatus[] = ['registered', 'started', 'on_course'];

export type TeamScanVerdict =
  /** Scan these members; `incomplete` flags the scan for staff when some expected member is missing. */
  | { kind: 'scan'; walkerIds: string[]; missing: string[]; incomplete: boolean }
  /** The route refuses an incomplete team at a checkpoint: nothing is written, the team waits for its members. */
  | { kind: 'refuse'; missing: string[] }
  /** The device named someone who is not a member of the team. */
  | { kind: 'stranger'; walkerIds: string[] };

/**
 * A team's QR scanned at a checkpoint scans its members present (all of them when the device does
 * not say). An incomplete team, some member still on the course not present, is refused or flagged,
 * as the route sets: the Trailwalker rule that a team walks together, enforced at the checkpoint or
 * left to staff. Members who dropped out or finished are not expected.
 */
export function teamScan(members: readonly TeamMember[], present: readonly string[] | undefined, policy: 'flag' | 'refuse'): TeamScanVerdict {
  const ids = new Set(members.map((m) => m.walkerId));
  const strangers = (present ?? []).filter((p) => !ids.has(p));
  if (strangers.length) return { kind: 'stranger', walkerIds: strangers };
  const here = present === undefined ? members.map((m) => m.walkerId) : members.map((m) => m.walkerId).filter((id) => present.includes(id));
  const missing = members.filter((m) => EXPECTED.includes(m.status) && !here.includes(m.walkerId)).map((m) => m.walkerId);
  if (missing.length && policy === 'refuse') return { kind: 'refuse', missing };
  return { kind: 'scan', walkerIds: here, missing, incomplete: missing.length > 0 };
}

/** A member of a team a regrouping draws on; `teamId` is the team they walk with now (null: entered alone). */
export interface RegroupMember {
  walkerId: string;
  teamId: string | null;
  status: WalkerStatus;
}

/**
 * Regrouping (as the ZJUT walk allows): a team that fell below the minimum because members withdrew
 * may merge its members still walking with those of other such teams into a new team of the allowed
 * size. `members` are every member of the teams the picked walkers come from. Each picked walker must
 * still be walking and come from a broken team: fewer than `teamMin` still walking, and someone
 * withdrew. Refused with a code naming why; nothing else changes a walker's history.
 */
export function checkRegroup(members: readonly RegroupMember[], picked: readonly string[], teamMin: number, teamMax: number): void {
  if (new Set(picked).size !== picked.length) throw new HikingDomainError(HikingErrorCode.TeamSize, '同一队员不能重复列入');
  if (picked.length < teamMin || picked.length > teamMax) throw new HikingDomainError(HikingErrorCode.TeamSize, `新队伍人数 ${picked.length} 不在 ${teamMin}–${teamMax} 人之间`);
  for (const id of picked) {
    const m = members.find((x) => x.walkerId === id);
    if (!m) throw new HikingDomainError(HikingErrorCode.WalkerNotWalking, `队员不在本路线：${id}`);
    if (!EXPECTED.includes(m.status)) throw new HikingDomainError(HikingErrorCode.WalkerNotWalking, `队员 ${id} 已不在赛道上（${m.status}），不能重新组队`);
    if (m.teamId === null) throw new HikingDomainError(HikingErrorCode.TeamNotBroken, `队员 ${id} 是个人报名，不属于任何队伍`);
    const team = members.filter((x) => x.teamId === m.teamId);
    const walking = team.filter((x) => EXPECTED.includes(x.status)).length;
    if (walking >= teamMin || !team.some((x) => x.status === 'withdrawn')) {
      throw new HikingDomainError(HikingErrorCode.TeamNotBroken, `队员 ${id} 所在队伍仍有 ${walking} 人在赛道上，未因退出而不足 ${teamMin} 人`);
    }
  }
}

/** Gun time: from the wave's start. */
export function gunTimeMs(finishAt: Instant, waveStartAt: Instant): number {
  return finishAt - waveStartAt;
}

/** Net time: from the walker's own start scan; unknown without one. */
export function netTimeMs(finishAt: Instant, startScanAt: Instant | null): number | null {
  return startScanAt === null ? null : finishAt - startScanAt;
}

/**
 * A team's times at the finish, measured to its last member in. Net time runs from the earliest start
 * scan among the counted members, and is unknown if any of them has none.
 */
export function teamTimes(lastInAt: Instant, waveStartAt: Instant, startScanAts: readonly (Instant | null)[]): { gunMs: number; netMs: number | null } {
  const known = startScanAts.filter((t): t is Instant => t !== null);
  const start = known.length === startScanAts.length && known.length > 0 ? Math.min(...known) : null;
  return { gunMs: gunTimeMs(lastInAt, waveStartAt), netMs: netTimeMs(lastInAt, start) };
}

export interface TeamStanding {
  teamId: string;
  complete: boolean;
  /** Team time (gun) at the finish; null when no member finished. */
  timeMs: number | null;
}

/**
 * Team ranking (Trailwalker: a team finishes together): complete teams above incomplete ones, then by
 * time; equal standing shares a place ("1, 2, 2, 4"). Teams with no time come last, unplaced.
 */
export function rankTeams(teams: readonly TeamStanding[]): (TeamStanding & { place: number | null })[] {
  const key = (t: TeamStanding) => [t.timeMs === null ? 2 : t.complete ? 0 : 1, t.timeMs ?? 0] as const;
  const sorted = [...teams].sort((a, b) => {
    const [ga, ta] = key(a);
    const [gb, tb] = key(b);
    return ga - gb || ta - tb || a.teamId.localeCompare(b.teamId);
  });
  let place = 0;
  return sorted.map((t, i) => {
    if (t.timeMs === null) return { ...t, place: null };
    const prev = sorted[i - 1];
    const tied = prev && prev.timeMs !== null && prev.complete === t.complete && prev.timeMs === t.timeMs;
    if (!tied) place = i + 1;
    return { ...t, place };
  });
}

/**
 * A regrouped team's QR payload, issued like an entry's bib: staff devices send it as the scan's
 * bib. Entry bibs are up to three capitals and digits (registration's numbering), so the hyphen
 * keeps the two apart.
 */
export function regroupBib(regroupId: number): string {
  return `RG-${regroupId}`;
}

/** The regroup a team QR names, or null for an entry's bib. */
export function regroupOfBib(bib: string): number | null {
  const m = /^RG-([1-9]\d{0,9})$/.exec(bib);
  return m ? Number(m[1]) : null;
}

/**
 * The team QR a walker answers to: their regroup's once regrouped (their entry's bib then no longer
 * scans them, since they walk with another team), else their entry's bib.
 */
export function teamBibOf(walker: { bib: string | null; regroupId: number | null }): string | null {
  return walker.regroupId !== null ? regroupBib(walker.regroupId) : walker.bib;
}
