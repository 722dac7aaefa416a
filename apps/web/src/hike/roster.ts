import { hiking, type Schemas } from '../api';
import { keptRead } from './kept';

export interface TeamMember {
  walkerId: number;
  name: string;
}

/** Team code (an entry's bib, or a regrouped team's RG-<id>) → its members still expected on the course. */
export type TeamRoster = Record<string, TeamMember[]>;

/** Who a team scan may still expect: the server counts a team incomplete only without one of these. */
const EXPECTED = ['registered', 'started', 'on_course'];

/**
 * The teams of a route as a checkpoint phone needs them to ask who of a team is present: a regrouped
 * walker answers to the new team's code, the rest to their entry's bib (as the scans API resolves
 * them). Codes of a single walker are left out: there is nobody to choose.
 */
export function teamRoster(walkers: readonly Pick<Schemas['NamedWalkerDto'], 'id' | 'bib' | 'regroupId' | 'status' | 'realName'>[]): TeamRoster {
  const roster: TeamRoster = {};
  for (const w of walkers) {
    const code = w.regroupId !== null ? `RG-${w.regroupId}` : w.bib?.toUpperCase();
    if (!code || !EXPECTED.includes(w.status)) continue;
    (roster[code] ??= []).push({ walkerId: w.id, name: w.realName });
  }
  for (const code of Object.keys(roster)) if (roster[code].length < 2) delete roster[code];
  return roster;
}

/**
 * The route's teams, from the API when there is network (and kept on the phone), else as last read:
 * a phone that went offline still asks who of a team is there. Null when never read on this phone.
 */
export const loadRoster = (routeId: number): Promise<TeamRoster | null> =>
  keptRead(`ue.hike.roster.${routeId}`, async () => teamRoster(await hiking.walkers(routeId))).catch(() => null);
