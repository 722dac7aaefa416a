import { EventsService } from '@app/events';
import type { Principal } from '@app/identity';
import { MatchesService, MatchResultsService, SwissService } from '@app/matches';
import { RegistrationService, RegistrationSettingsService } from '@app/registration';
import { ScoringService } from '@app/scoring';
import type { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';

type Person = { id: number; username: string; roles: Principal['roles'] };

/**
 * The workers' sports meet of the demo: a Go tournament by Swiss pairing (round 1 played, round 2
 * paired), a tennis draw with its first round played, and the AI challenge as an item of its own,
 * a points-and-time-penalty contest scored by the judges (scoring's `points-penalty` scheme).
 */
export async function seedMatchesDemo(app: INestApplicationContext, organizer: Person, umpire: Person, gongshuId: number, players: Person[]): Promise<void> {
  const asOrganizer: Principal = { userId: organizer.id, username: organizer.username, roles: organizer.roles };
  const asUmpire: Principal = { userId: umpire.id, username: umpire.username, roles: umpire.roles };
  const events = app.get(EventsService);
  const registration = app.get(RegistrationService);
  const event = await events.create(asOrganizer, { organisationId: gongshuId, kind: 'sports_meet', name: '2026年拱墅区职工运动会', startsOn: '2026-12-12', endsOn: '2026-12-13' });
  const go = await events.addItem(asOrganizer, event.id, '围棋个人赛');
  const tennis = await events.addItem(asOrganizer, event.id, '网球男子单打');
  const ai = await events.addItem(asOrganizer, event.id, '人工智能挑战赛');
  await app.get(ScoringService).setScheme(asOrganizer, ai.id, { kind: 'points-penalty', penaltyPerWrong: 20, pointsPerSolved: 10, pointsDigits: 0 });
  await app.get(RegistrationSettingsService).configureEvent(asOrganizer, event.id, { autoApprove: true, bibPrefix: 'YD', capacity: 100 });
  await events.move(asOrganizer, event.id, 'registration_open');
  const entries: Record<'go' | 'tennis' | 'ai', number[]> = { go: [], tennis: [], ai: [] };
  for (const p of players) {
    const as: Principal = { userId: p.id, username: p.username, roles: p.roles };
    entries.go.push((await registration.register(as, go.id, {})).id);
    entries.tennis.push((await registration.register(as, tennis.id, {})).id);
    entries.ai.push((await registration.register(as, ai.id, {})).id);
  }
  await events.move(asOrganizer, event.id, 'registration_closed');
  await events.move(asOrganizer, event.id, 'in_progress');

  const matches = app.get(MatchesService);
  const results = app.get(MatchResultsService);
  const swiss = app.get(SwissService);

  // Go: a Swiss of 4 rounds with EGF tie-breaks, rated by dan/kyu (higher is stronger).
  await matches.configure(asOrganizer, go.id, 'swiss', { sport: 'go', rounds: 4, swissTieBreaks: ['SOS', 'SOSOS', 'SODOS'] });
  await matches.setEntrants(asOrganizer, go.id, entries.go.map((entryId, i) => ({ entryId, rating: 2100 - 100 * i })));
  await results.assign(asOrganizer, go.id, { userId: umpire.id });
  const round1 = await swiss.pairNext(asOrganizer, go.id);
  for (const b of round1.boards) if (b.secondId !== null) await swiss.enter(asUmpire, go.id, 1, b.board, b.board % 2 ? '1-0' : '0-1');
  await swiss.pairNext(asOrganizer, go.id);

  // Tennis: two seeds, a draw of 8 with byes to the seeds, first-round matches on their courts.
  await matches.configure(asOrganizer, tennis.id, 'single_elimination', { sport: 'tennis', tennis: { bestOf: 3, finalSet: 'match_tiebreak' }, thirdPlace: true });
  await matches.setEntrants(asOrganizer, tennis.id, entries.tennis.map((entryId, i) => ({ entryId, seed: i < 2 ? i + 1 : null })));
  await matches.draw(asOrganizer, tennis.id, { lotSeed: 2026 });
  await results.assign(asOrganizer, tennis.id, { userId: umpire.id });
  const ds = app.get(DataSource);
  const firstRound: { id: number }[] = await ds.query(
    "SELECT m.id FROM match_matches m JOIN match_rounds r ON r.id = m.round_id WHERE m.item_id = ? AND r.number = 1 AND JSON_VALUE(m.opponent1, '$.id') IS NOT NULL AND JSON_VALUE(m.opponent2, '$.id') IS NOT NULL ORDER BY m.number",
    [tennis.id],
  );
  for (const [i, m] of firstRound.entries()) {
    await results.schedule(asOrganizer, m.id, `${i + 1}号场`, new Date('2026-12-12T01:00:00Z'));
    await results.enter(asUmpire, m.id, { score: i % 2 ? '6-4 3-6 [10-8]' : '6-3 7-6(4)' });
  }
}
