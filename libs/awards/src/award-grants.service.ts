import { beijingDate } from '@app/common';
import { AppConfig } from '@app/config';
import { inTransaction, jsonColumn } from '@app/database';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { allocateAwards, type AwardRule, type EntryStatus, type PersonAward, type RankedEntry, toPersonAwards } from './domain';
import { renderCertificatePdf } from './documents';
import { type NewRecord, verifyUrl, writeRecords } from './record-writer';

const RANKED_STATUSES = new Set<string>(['OK', 'DNS', 'DNF', 'DQ', 'NM']);

/** The worker's side of awards: records from an item's final results, and certificates. */
@Injectable()
export class AwardGrantsService {
  private readonly logger = new Logger(AwardGrantsService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
  ) {}

  /**
   * Grants what an item's final results earn under its award rules (its own, else its event's):
   * one record per person, a team award to every member. Idempotent: a second run finds every
   * grant key taken and creates nothing. Results not final: nothing to do. Results final but a
   * tally still pending: fails, so BullMQ retries once the tally is in.
   */
  async grantItem(itemId: number): Promise<{ itemId: number; created: number }> {
    const created = await inTransaction(this.dataSource, async (m) => {
      // The publication row's lock: a reopening waits for this job, and this job for a reopening.
      const [pub] = await m.query('SELECT status FROM result_publications WHERE item_id = ? FOR UPDATE', [itemId]);
      if (pub?.status !== 'FINAL') return [];
      const [state] = await m.query(
        'SELECT s.score_version AS scored, COALESCE(t.tallied_version, 0) AS tallied FROM item_scoring s LEFT JOIN item_tallies t ON t.item_id = s.item_id WHERE s.item_id = ?',
        [itemId],
      );
      if (state && Number(state.tallied) < Number(state.scored)) throw new Error(`item ${itemId}: results final but the last tally is still pending`);
      const [item] = await m.query(
        'SELECT i.name, i.event_id AS eventId, e.name AS eventName, e.organisation_id AS issuerId, e.starts_on AS startsOn FROM event_items i JOIN events e ON e.id = i.event_id WHERE i.id = ?',
        [itemId],
      );
      const [ruleRow] = await m.query('SELECT rules FROM award_rule_sets WHERE event_id = ? AND item_id IN (0, ?) ORDER BY item_id DESC LIMIT 1', [item.eventId, itemId]);
      if (!ruleRow) return [];
      const persons = allocatePersons(await this.field(m, itemId), jsonColumn<AwardRule[]>(ruleRow.rules));
      const entryOrg = await this.entryOrganisations(m, persons);
      const year = item.startsOn ? Number(String(item.startsOn).slice(0, 4)) : Number(beijingDate().slice(0, 4));
      const grantedOn = beijingDate();
      const records: NewRecord[] = persons.map((p) => ({
        grantKey: `e:${p.entryId}:u:${p.personId}:${p.awardCode}`,
        kind: 'award',
        userId: Number(p.personId),
        organisationId: entryOrg.get(Number(p.entryId))!,
        issuerId: Number(item.issuerId),
        eventId: Number(item.eventId),
        itemId,
        entryId: Number(p.entryId),
        awardCode: p.awardCode,
        awardName: p.awardName,
        level: p.level,
        title: p.title ?? null,
        citation: null,
        prizeMoney: p.prizeMoney ?? null,
        year,
        grantedOn,
        grantedBy: null,
      }));
      return writeRecords(m, records, { event: item.eventName, item: item.name }, this.config.PUBLIC_URL);
    });
    this.logger.log(`awards for item ${itemId}: ${created.length} new records`);
    return { itemId, created: created.length };
  }

  /** Renders a record's certificate at `revision`; an older job than the record's revision leaves it to the newer one. */
  async renderCertificate(recordId: number, revision: number): Promise<{ recordId: number; revision: number; rendered: boolean }> {
    const [r] = await this.dataSource.query(
      `SELECT r.serial, r.verify_code AS verifyCode, r.revision, r.status, r.award_name AS awardName, r.title, r.citation, r.granted_on AS grantedOn,
              u.real_name AS personName, ev.name AS eventName, i.name AS itemName, o.name AS issuer
         FROM award_records r JOIN users u ON u.id = r.user_id JOIN organisations o ON o.id = r.issuer_id
         LEFT JOIN events ev ON ev.id = r.event_id LEFT JOIN event_items i ON i.id = r.item_id
        WHERE r.id = ?`,
      [recordId],
    );
    if (!r || Number(r.revision) > revision) return { recordId, revision, rendered: false };
    const pdf = await renderCertificatePdf({
      serial: r.serial,
      personName: r.personName,
      eventName: r.eventName,
      itemName: r.itemName,
      awardName: r.awardName,
      title: r.title,
      citation: r.citation,
      issuer: r.issuer,
      grantedOn: String(r.grantedOn).slice(0, 10),
      verifyUrl: verifyUrl(this.config.PUBLIC_URL, r.verifyCode),
      revoked: r.status === 'revoked',
    });
    // Never over a newer revision's certificate, whichever job finishes last.
    await this.dataSource.query(
      'INSERT INTO award_certificates (record_id, revision, pdf, generated_at) VALUES (?, ?, ?, NOW(3)) ' +
        'ON DUPLICATE KEY UPDATE pdf = IF(VALUES(revision) >= revision, VALUES(pdf), pdf), generated_at = IF(VALUES(revision) >= revision, VALUES(generated_at), generated_at), revision = GREATEST(revision, VALUES(revision))',
      [recordId, revision, pdf],
    );
    return { recordId, revision, rendered: true };
  }

  /**
   * The ranked field of the item's last round as the result sheet has it: approved entries with
   * their members, guests included and flagged, so the rules count places as the board does.
   */
  private async field(m: EntityManager, itemId: number): Promise<RankedEntry[]> {
    const [round] = await m.query('SELECT id FROM item_rounds WHERE item_id = ? ORDER BY seq DESC LIMIT 1', [itemId]);
    const rows: { entryId: number; userId: number; place: number | null; total: string | null; status: string; guest: number }[] = await m.query(
      `SELECT r.entry_id AS entryId, e.user_id AS userId, r.place, r.total, r.status, e.guest FROM item_results r JOIN entries e ON e.id = r.entry_id
        WHERE r.item_id = ? AND r.round_id = ? AND e.status = 'approved'`,
      [itemId, round ? Number(round.id) : 0],
    );
    const members: { entryId: number; userId: number }[] = rows.length
      ? await m.query('SELECT entry_id AS entryId, user_id AS userId FROM team_members WHERE entry_id IN (?) ORDER BY entry_id, captain DESC, id', [rows.map((r) => r.entryId)])
      : [];
    const team = new Map<number, string[]>();
    for (const mb of members) {
      const list = team.get(Number(mb.entryId));
      if (list) list.push(String(mb.userId));
      else team.set(Number(mb.entryId), [String(mb.userId)]);
    }
    // Entries the scheme could not score (INCOMPLETE) are not part of the ranked field.
    return rows
      .filter((r) => RANKED_STATUSES.has(r.status))
      .map((r) => ({
        entryId: String(r.entryId),
        personIds: team.get(Number(r.entryId)) ?? [String(r.userId)],
        place: r.place === null ? null : Number(r.place),
        total: r.total,
        status: r.status as EntryStatus,
        guest: Number(r.guest) === 1,
      }));
  }

  private async entryOrganisations(m: EntityManager, persons: PersonAward[]): Promise<Map<number, number>> {
    if (!persons.length) return new Map();
    const rows: { id: number; organisationId: number }[] = await m.query('SELECT id, organisation_id AS organisationId FROM entries WHERE id IN (?)', [
      [...new Set(persons.map((p) => Number(p.entryId)))],
    ]);
    return new Map(rows.map((r) => [Number(r.id), Number(r.organisationId)]));
  }
}

/** The rules applied to the field, one grant per person (pure; see domain/allocate-awards.ts). */
export function allocatePersons(field: RankedEntry[], rules: AwardRule[]): PersonAward[] {
  return toPersonAwards(allocateAwards(field, rules), field);
}
