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
 * one read runs share the next, two statements (profiles, quota rows) for all of them. Under
 * READ COMMITTED a transaction would see the same, so nothing is lost by reading before it.
 */
export class EntrantReads {
  private readonly reads = new Batcher<Wanted, Entrant | null>((wanted) => this.read(wanted), 200);

  constructor(private readonly dataSource: DataSource) {}

  entrant(userId: number, scopes: PlaceScopes | null): Promise<Entrant | null> {
    return this.reads.add(0, { userId, scopes });
  }

  private async read(wanted: Wanted[]): Promise<(Entrant | null)[]> {
    const rows: (Entrant & { userId: number })[] = await this.dataSource.query(
      `SELECT user_id AS userId, gender, DATE_FORMAT(birth_date, '%Y-%m-%d') AS birthDate, union_member_no AS unionMemberNo FROM person_profiles WHERE user_id IN (?)`,
      [[...new Set(wanted.map((w) => w.userId))]],
    );
    const withScopes = wanted.flatMap((w) => (w.scopes ? [w.scopes] : []));
    // A quota is full when every one of its shards is.
    const seen = new Map<string, QuotaSeen>();
    if (withScopes.length) {
      const events = [...new Set(withScopes.map((s) => s.eventId))];
      const scopes = [...new Set(withScopes.flatMap((s) => placeScopes(s).map((p) => p.scope)))];
      const quotas: { eventId: number; scope: string; full: number }[] = await this.dataSource.query(
        'SELECT event_id AS eventId, scope, MIN(cap IS NOT NULL AND taken >= cap) AS full FROM quotas WHERE event_id IN (?) AND scope IN (?) GROUP BY event_id, scope',
        [events, scopes],
      );
      for (const q of quotas) seen.set(`${q.eventId}:${q.scope}`, { scope: q.scope, full: Boolean(Number(q.full)) });
    }
    const profiles = new Map(rows.map(({ userId, ...r }) => [Number(userId), r]));
    return wanted.map(({ userId, scopes }) => {
      const profile = profiles.get(userId);
      if (!profile) return null;
      const quotas = scopes ? placeScopes(scopes).flatMap((p) => seen.get(`${scopes.eventId}:${p.scope}`) ?? []) : undefined;
      return { ...profile, quotas };
    });
  }
}
