import { Batcher } from '@app/common';
import type { DataSource } from 'typeorm';
import { placeScopes, type PlaceScopes, type QuotaSeen } from './capacity';
import type { Gender } from './domain';

/** The profile an entry is judged on, and the entry's quota rows as a plain read saw them. */
export interface Entrant {
  gender: Gender;
  birthDate: string;
  unionMemberNo: string | null;
  quotas?: QuotaSeen[];
}

interface Wanted {
  userId: number;
  /** the entry's scopes, when its quota rows are wanted too */
  scopes: PlaceScopes | null;
}

/**
 * Entrants read outside any transaction, the reads of a rush coalesced: requests that arrive while
 * one read runs share the next, one statement (profiles and quota rows) for all of them. Under
 * READ COMMITTED a transaction would see the same, so nothing is lost by reading before it.
 */
export class EntrantReads {
  private readonly reads = new Batcher<Wanted, Entrant | null>((wanted) => this.read(wanted), 200);

  constructor(private readonly dataSource: DataSource) {}

  entrant(userId: number, scopes: PlaceScopes | null): Promise<Entrant | null> {
    return this.reads.add(0, { userId, scopes });
  }

  private async read(wanted: Wanted[]): Promise<(Entrant | null)[]> {
    const userIds = [...new Set(wanted.map((w) => w.userId))];
    const withScopes = wanted.flatMap((w) => (w.scopes ? [w.scopes] : []));
    const events = [...new Set(withScopes.map((s) => s.eventId))];
    const scopes = [...new Set(withScopes.flatMap((s) => placeScopes(s).map((p) => p.scope)))];
    // Profiles and quota rows in one round trip: a row is one or the other. A quota is full when every one of its shards is.
    const quotaRows = withScopes.length
      ? ` UNION ALL SELECT NULL, NULL, NULL, NULL, event_id, scope, MIN(cap IS NOT NULL AND taken >= cap) FROM quotas WHERE event_id IN (?) AND scope IN (?) GROUP BY event_id, scope`
      : '';
    const rows: Row[] = await this.dataSource.query(
      `SELECT user_id AS userId, gender, DATE_FORMAT(birth_date, '%Y-%m-%d') AS birthDate, union_member_no AS unionMemberNo, NULL AS eventId, NULL AS scope, NULL AS full
         FROM person_profiles WHERE user_id IN (?)${quotaRows}`,
      withScopes.length ? [userIds, events, scopes] : [userIds],
    );
    const profiles = new Map<number, Entrant>();
    const seen = new Map<string, QuotaSeen>();
    for (const r of rows) {
      if (r.userId !== null) profiles.set(Number(r.userId), { gender: r.gender!, birthDate: r.birthDate!, unionMemberNo: r.unionMemberNo });
      else seen.set(`${r.eventId}:${r.scope}`, { scope: r.scope!, full: Boolean(Number(r.full)) });
    }
    return wanted.map(({ userId, scopes }) => {
      const profile = profiles.get(userId);
      if (!profile) return null;
      const quotas = scopes ? placeScopes(scopes).flatMap((p) => seen.get(`${scopes.eventId}:${p.scope}`) ?? []) : undefined;
      return { ...profile, quotas };
    });
  }
}

/** A profile (userId set) or a quota's fullness (eventId and scope set). */
interface Row {
  userId: number | null;
  gender: Gender | null;
  birthDate: string | null;
  unionMemberNo: string | null;
  eventId: number | null;
  scope: string | null;
  full: number | string | null;
}
