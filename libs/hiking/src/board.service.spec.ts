import type { AppConfig } from '@app/config';
import type { Principal } from '@app/identity';
import type { MessageEvent } from '@nestjs/common';
import { firstValueFrom, Subject, take, toArray } from 'rxjs';
import type { DataSource } from 'typeorm';
import { BoardService } from './board.service';
import type { BoardLive } from './board-live';
import type { RouteAccess } from './route-access';

/*
 * Which board a reader is given, with the computation itself replaced by a counter: the database's
 * part is covered by the hiking e2e suite, which runs with no age allowed.
 */
function service(maxAgeMs: number) {
  const changes = new Subject<number>();
  const access = { route: async (id: number) => ({ id }), assertStaffOrOrganizer: async () => undefined } as unknown as RouteAccess;
  const live = { of: () => changes.asObservable() } as unknown as BoardLive;
  const boards = new BoardService({} as DataSource, access, live, { HIKING_BOARD_MAX_AGE_MS: maxAgeMs } as AppConfig);
  let computed = 0;
  (boards as unknown as { compute: () => Promise<unknown> }).compute = async () => ({ computed: ++computed });
  return { boards, changes, computed: () => computed };
}

const organizer = { userId: 1, roles: [] } as unknown as Principal;

describe('the safety board given to its readers', () => {
  it('shares a board for the age allowed, and computes one again for a reader who allows none', async () => {
    const { boards, computed } = service(60_000);
    expect(await boards.board(organizer, 7)).toEqual({ computed: 1 });
    expect(await boards.board(organizer, 7)).toEqual({ computed: 1 });
    expect(computed()).toBe(1);
    const fresh = service(0);
    await fresh.boards.board(organizer, 7);
    expect(await fresh.boards.board(organizer, 7)).toEqual({ computed: 2 });
  });

  it('follows a change on the live stream with a board begun after it, not the one shared from before', async () => {
    const { boards, changes } = service(60_000);
    const stream = await boards.stream(organizer, 7);
    const firstTwo = firstValueFrom(stream.pipe(take(2), toArray()));
    await new Promise((r) => setImmediate(r));
    changes.next(7);
    const events: MessageEvent[] = await firstTwo;
    expect(events.map((e) => e.data)).toEqual([{ computed: 1 }, { computed: 2 }]);
  });
});
