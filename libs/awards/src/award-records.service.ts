import { beijingIso } from '@app/common';
import type { Principal } from '@app/identity';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { AwardRecordView } from './award-record-view';
import { AwardsError, AwardsErrorCode } from './awards-error';
import { RecordAccess } from './record-access';
import { AwardRecordReader } from './record-reader';

export interface Verification {
  serial: string | null;
  name: string;
  awardName: string;
  title: string | null;
  eventName: string | null;
  itemName: string | null;
  issuer: string;
  grantedOn: string;
  status: 'active' | 'revoked';
  /** ISO 8601 with the Beijing offset (+08:00): the verification page shows it as people on site read time. */
  revokedAt: string | null;
}

/** Award records as they are read: by the person and organizers over the record, its certificate, and its public verification. */
@Injectable()
export class AwardRecordsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly reader: AwardRecordReader,
    private readonly records: RecordAccess,
  ) {}

  /** The person, and organizers over the record's issuer or the person's organisation. */
  view(principal: Principal, id: number): Promise<AwardRecordView> {
    return this.records.readable(principal, id);
  }

  /** The certificate PDF at the record's current revision, for the person and organizers over the record. */
  async certificate(principal: Principal, id: number): Promise<{ serial: string; pdf: Buffer }> {
    const record = await this.records.readable(principal, id);
    const [c] = await this.dataSource.query('SELECT revision, pdf FROM award_certificates WHERE record_id = ?', [id]);
    if (!c || Number(c.revision) < record.revision) {
      throw new AwardsError('conflict', AwardsErrorCode.CertificateNotReady, '证书正在生成，请稍后再试');
    }
    return { serial: record.serial!, pdf: c.pdf };
  }

  /** Public, by the code in the certificate's QR: the name and the award, and whether it still stands. Nothing else personal. */
  async verify(code: string): Promise<Verification> {
    const [r] = await this.reader.read('r.verify_code = ?', [code]);
    if (!r) throw new AwardsError('not_found', AwardsErrorCode.RecordNotFound, '证书验证码无效：查无此证书');
    const [revoked] = await this.dataSource.query("SELECT MAX(at) AS at FROM award_record_audit WHERE record_id = ? AND action = 'revoked'", [r.id]);
    const { serial, name, awardName, title, eventName, itemName, issuer, grantedOn, status } = r;
    return { serial, name, awardName, title, eventName, itemName, issuer, grantedOn, status, revokedAt: beijingIso(revoked?.at ?? null) };
  }
}
