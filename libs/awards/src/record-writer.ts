import { insertRows } from '@app/database';
import { enqueue, notifyPeople } from '@app/queue';
import { randomBytes } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { AwardRecordView } from './award-record-view';

const RECORD_COLUMNS = [
  'verify_code', 'grant_key', 'kind', 'user_id', 'organisation_id', 'issuer_id', 'event_id', 'item_id', 'entry_id',
  'award_code', 'award_name', 'level', 'title', 'citation', 'prize_money', 'payment_status', 'year', 'granted_on', 'granted_by',
];

/** What a new record is granted with: a view's own columns, its grant key and who granted it. */
export type NewRecord = Pick<
  AwardRecordView,
  'kind' | 'userId' | 'organisationId' | 'issuerId' | 'eventId' | 'itemId' | 'entryId' | 'awardCode' | 'awardName' | 'level' | 'title' | 'citation' | 'prizeMoney' | 'year' | 'grantedOn'
> & { grantKey: string; grantedBy: number | null };

/**
 * Writes new award records with their serials, audit rows, certificate jobs and notices, in the
 * caller's transaction. Records whose grant key exists already are left alone, so granting the
 * same thing twice creates nothing. Returns the ids of the records created.
 */
export async function writeRecords(m: EntityManager, records: NewRecord[], notice: { event: string; item: string }, publicUrl: string): Promise<number[]> {
  if (!records.length) return [];
  const taken = new Set<string>(
    (await m.query('SELECT grant_key AS grantKey FROM award_records WHERE grant_key IN (?)', [records.map((r) => r.grantKey)])).map((r: { grantKey: string }) => r.grantKey),
  );
  const fresh = records.filter((r) => !taken.has(r.grantKey));
  if (!fresh.length) return [];
  await insertRows(
    m,
    'award_records',
    RECORD_COLUMNS,
    fresh.map((r) => [
      randomBytes(16).toString('base64url').slice(0, 22), r.grantKey, r.kind, r.userId, r.organisationId, r.issuerId, r.eventId, r.itemId, r.entryId,
      r.awardCode, r.awardName, r.level, r.title, r.citation, r.prizeMoney, r.prizeMoney === null ? 'none' : 'pending', r.year, r.grantedOn, r.grantedBy,
    ]),
    { keepExisting: true },
  );
  const rows: { id: number; userId: number; verifyCode: string; awardName: string; title: string | null; prizeMoney: string | null; level: number }[] = await m.query(
    'SELECT id, user_id AS userId, verify_code AS verifyCode, award_name AS awardName, title, prize_money AS prizeMoney, level FROM award_records WHERE grant_key IN (?) ORDER BY id',
    [fresh.map((r) => r.grantKey)],
  );
  const ids = rows.map((r) => Number(r.id));
  // The serial is the id in the award year, so it is unique and says when without another counter.
  await m.query("UPDATE award_records SET serial = CONCAT('ZS', year, '-', LPAD(id, 6, '0')) WHERE id IN (?)", [ids]);
  await insertRows(
    m,
    'award_record_audit',
    ['record_id', 'action', '`by`', 'reason', '`after`'],
    rows.map((r) => [r.id, 'granted', fresh[0].grantedBy, null, JSON.stringify({ awardName: r.awardName, level: Number(r.level), title: r.title, prizeMoney: r.prizeMoney })]),
  );
  for (const id of ids) await enqueue(m, 'awards.certificate', { recordId: id, revision: 0 });
  await notifyPeople(
    m,
    'award.granted',
    notice,
    rows.map((r) => ({ userId: Number(r.userId), ref: `award-${r.id}`, vars: { award: r.awardName, certificateUrl: verifyUrl(publicUrl, r.verifyCode) } })),
  );
  return ids;
}

export const verifyUrl = (publicUrl: string, code: string): string => `${publicUrl.replace(/\/$/, '')}/verify/${code}`;
