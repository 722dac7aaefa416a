import { beijingDate } from '@app/common';
import { AppConfig } from '@app/config';
import { inTransaction, jsonColumn } from '@app/database';
import { ItemCatalog } from '@app/events';
import { EntryDirectory } from '@app/registration';
import { ResultDirectory } from '@app/results';
import { RoundDirectory } from '@app/scoring';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { allocateAwards, type AwardRule, type EntryStatus, type PersonAward, type RankedEntry, toPersonAwards } from './domain';
import { renderCertificatePdf } from './documents';
import { AwardRecordReader } from './record-reader';
import { type NewRecord, verifyUrl, writeRecords } from './record-writer';

const RANKED_STATUSES = new Set<string>(['OK', 'DNS', 'DNF', 'DQ', 'NM']);

/** The worker's side of awards: records from an item's final results, and certificates. */
@Injectable()
export class AwardGrantsService {
  private readonly logger = new Logger(AwardGrantsService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly catalog: ItemCatalog,
    private readonly entries: EntryDirectory,
    private readonly rounds: RoundDirectory,
    private readonly results: ResultDirectory,
    private readonly reader: AwardRecordReader,
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
      if ((await this.results.publicationStatus(itemId, m, { lock: true })) !== 'FINAL') return [];
      const scored = (await this.rounds.scoreVersions([itemId], m)).get(itemId);
      const tallied = (await this.results.talliedVersions([itemId], m)).get(itemId)!;
      if (scored !== undefined && tallied < scored) throw new Error(`item ${itemId}: results final but the last tally is still pending`);
      const item = (await this.catalog.items([itemId], m)).get(itemId)!;
      const [ruleRow] = await m.query('SELECT rules FROM award_rule_sets WHERE event_id = ? AND item_id IN (0, ?) ORDER BY item_id DESC LIMIT 1', [item.eventId, itemId]);
      if (!ruleRow) return [];
      const { field, organisationOf } = await this.field(m, itemId);
      const persons = allocatePersons(field, jsonColumn<AwardRule[]>(ruleRow.rules));
      const year = item.startsOn ? Number(item.startsOn.slice(0, 4)) : Number(beijingDate().slice(0, 4));
      const grantedOn = beijingDate();
      const records: NewRecord[] = persons.map((p) => ({
        grantKey: `e:${p.entryId}:u:${p.personId}:${p.awardCode}`,
        kind: 'award',
        userId: Number(p.personId),
        organisationId: organisationOf.get(Number(p.entryId))!,
        issuerId: item.organisationId,
        eventId: item.eventId,
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
    const [r] = await this.reader.read('r.id = ?', [recordId]);
    if (!r || r.revision > revision) return { recordId, revision, rendered: false };
    const pdf = await renderCertificatePdf({
      serial: r.serial!,
      personName: r.name,
      eventName: r.eventName,
      itemName: r.itemName,
      awardName: r.awardName,
      title: r.title,
      citation: r.citation,
      issuer: r.issuer,
      grantedOn: r.grantedOn,
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
   * their members, guests included and flagged, so the rules count places as the board does; and
   * the organisation each entry is counted for.
   */
  private async field(m: EntityManager, itemId: number): Promise<{ field: RankedEntry[]; organisationOf: Map<number, number> }> {
    const round = (await this.rounds.lastRoundOf([itemId], m)).get(itemId) ?? 0;
    const results = await this.results.resultsOf(itemId, round, m);
    const entries = await this.entries.entries(results.map((r) => r.entryId), m);
    const approved = results.filter((r) => entries.get(r.entryId)?.status === 'approved');
    const people = await this.entries.people(approved.map((r) => r.entryId), m);
    // Entries the scheme could not score (INCOMPLETE) are not part of the ranked field.
    const field = approved
      .filter((r) => RANKED_STATUSES.has(r.status))
      .map((r) => ({
        entryId: String(r.entryId),
        personIds: (people.get(r.entryId) ?? [entries.get(r.entryId)!.userId]).map(String),
        place: r.place,
        total: r.total,
        status: r.status as EntryStatus,
        guest: entries.get(r.entryId)!.guest,
        ...(r.finishers ? { finishers: r.finishers.map(String) } : {}),
      }));
    return { field, organisationOf: new Map(approved.map((r) => [r.entryId, entries.get(r.entryId)!.organisationId])) };
  }
}

/** The rules applied to the field, one grant per person (pure; see domain/allocate-awards.ts). */
export function allocatePersons(field: RankedEntry[], rules: AwardRule[]): PersonAward[] {
  return toPersonAwards(allocateAwards(field, rules), field);
}
