import { coversPath, forbidden, type Principal, UsersService } from '@app/identity';
import { isDuplicateKey } from '@app/database';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, type Repository } from 'typeorm';
import { maskMobile, maskName, maskResidentId, shanghaiToday, validateMobile, validateResidentId, type Gender } from './domain';
import { PersonProfile } from './person-profile.entity';
import { PiiCipher } from './pii-cipher';
import { RegistrationError, RegistrationErrorCode } from './registration-error';

export interface ProfileInput {
  realName?: string;
  residentId: string;
  mobile: string;
  /** Optional: both are in the ID number; when given they must agree with it. */
  gender?: Gender;
  birthDate?: string;
  unionMemberNo?: string | null;
  /** Optional, both or neither; left out or empty, the contact is cleared. */
  emergencyContactName?: string | null;
  emergencyContactMobile?: string | null;
}

/** Someone a delegation may enter, with what tells two people of one name apart. */
export interface MemberView {
  userId: number;
  realName: string;
  organisationId: number;
  organisationName: string;
  membershipConfirmed: boolean;
  /** Null until the profile is filled in: such a person cannot be entered yet. */
  mobile: string | null;
  masked: boolean;
}

export interface ProfileView {
  userId: number;
  realName: string;
  gender: Gender;
  birthDate: string;
  /** Clear for the person and the organizers over them; masked (330102********1234) for everyone else. */
  residentId: string;
  mobile: string;
  masked: boolean;
  unionMemberNo: string | null;
  /** Masked like the person's own data: 王* and 139****9000 for those not entitled. */
  emergencyContactName: string | null;
  emergencyContactMobile: string | null;
}

/** A checked profile ready to store: what the import and the profile form share. */
export interface SealedProfile {
  gender: Gender;
  birthDate: string;
  residentIdHmac: Buffer;
  residentIdEnc: Buffer;
  mobileEnc: Buffer;
  unionMemberNo: string | null;
}

/** The profile form's sealed profile with its emergency contact (an import leaves the contact as it is). */
export interface SealedProfileWithContact extends SealedProfile {
  emergencyContactName: string | null;
  emergencyContactMobileEnc: Buffer | null;
}

@Injectable()
export class ProfilesService {
  constructor(
    @InjectRepository(PersonProfile) private readonly profiles: Repository<PersonProfile>,
    private readonly users: UsersService,
    private readonly pii: PiiCipher,
  ) {}

  /** The person themselves, or a delegation leader / organizer over one of the person's organisations. */
  async save(principal: Principal, userId: number, input: ProfileInput): Promise<ProfileView> {
    const standing = await this.standing(principal, userId);
    if (!standing.clear && !standing.leader) throw forbidden();
    const sealed = this.seal(input);
    try {
      await this.profiles.manager.transaction(async (m) => {
        // Never an upsert: on MariaDB its ON DUPLICATE KEY also fires on the unique resident_id_hmac
        // and would rewrite another person's row. Whose number it is comes first, under a lock.
        const owner = await m.findOne(PersonProfile, { where: { residentIdHmac: sealed.residentIdHmac }, select: { userId: true }, lock: { mode: 'pessimistic_write' } });
        if (owner && owner.userId !== userId) throw residentIdTaken();
        const mine = await m.exists(PersonProfile, { where: { userId }, lock: { mode: 'pessimistic_write' } });
        if (mine) await m.update(PersonProfile, { userId }, sealed);
        else await m.insert(PersonProfile, { userId, ...sealed });
        if (input.realName) await this.users.rename(userId, input.realName, m);
      });
    } catch (err) {
      if (isDuplicateKey(err)) throw residentIdTaken();
      throw err;
    }
    return this.read(userId, input.realName ?? standing.realName, !standing.clear);
  }

  /**
   * The contestants a leader or organizer may enter, a page at a time (identity bounds them to the
   * caller's subtree); mobiles clear for organizers over the person, masked for leaders.
   */
  async members(principal: Principal, query: { q?: string; offset: number; limit: number }): Promise<{ total: number; items: MemberView[] }> {
    const page = await this.users.members(principal, query);
    const ids = page.items.map((m) => m.id);
    const found = ids.length ? await this.profiles.find({ where: { userId: In(ids) }, select: { userId: true, mobileEnc: true } }) : [];
    const mobiles = new Map(found.map((p) => [p.userId, this.pii.decrypt(p.mobileEnc)]));
    const items = page.items.map((m) => {
      const masked = !coversPath(principal.roles, ['organizer'], m.organisationPath);
      const mobile = mobiles.get(m.id);
      return {
        userId: m.id,
        realName: m.realName,
        organisationId: m.organisationId,
        organisationName: m.organisationName,
        membershipConfirmed: m.membershipConfirmed,
        mobile: mobile === undefined ? null : masked ? maskMobile(mobile) : mobile,
        masked,
      };
    });
    return { total: page.total, items };
  }

  /** Clear for the person and organizers over them, masked for their delegation leaders, refused to others. */
  async view(principal: Principal, userId: number): Promise<ProfileView> {
    const standing = await this.standing(principal, userId);
    if (!standing.clear && !standing.leader) throw forbidden();
    return this.read(userId, standing.realName, !standing.clear);
  }

  private async standing(principal: Principal, userId: number) {
    const person = await this.users.view(userId);
    const over = (role: 'organizer' | 'delegation_leader') => person.roles.some((r) => coversPath(principal.roles, [role], r.path));
    return { realName: person.realName, clear: principal.userId === userId || over('organizer'), leader: over('delegation_leader') };
  }

  private async read(userId: number, realName: string, masked: boolean): Promise<ProfileView> {
    const profile = await this.profiles.findOneBy({ userId });
    if (!profile) throw new RegistrationError('not_found', RegistrationErrorCode.ProfileMissing, `${realName}尚未填写参赛资料`);
    return this.present(profile, realName, masked);
  }

  present(profile: PersonProfile, realName: string, masked: boolean): ProfileView {
    const residentId = this.pii.decrypt(profile.residentIdEnc);
    const mobile = this.pii.decrypt(profile.mobileEnc);
    const contactMobile = profile.emergencyContactMobileEnc ? this.pii.decrypt(profile.emergencyContactMobileEnc) : null;
    const contactName = profile.emergencyContactName;
    return {
      userId: profile.userId,
      realName,
      gender: profile.gender,
      birthDate: profile.birthDate,
      residentId: masked ? maskResidentId(residentId) : residentId,
      mobile: masked ? maskMobile(mobile) : mobile,
      masked,
      unionMemberNo: profile.unionMemberNo,
      emergencyContactName: contactName && masked ? maskName(contactName) : contactName,
      emergencyContactMobile: contactMobile && masked ? maskMobile(contactMobile) : contactMobile,
    };
  }

  /** Validates and encrypts; throws 400 naming the field. */
  seal(input: ProfileInput): SealedProfileWithContact {
    const id = validateResidentId(input.residentId, { today: shanghaiToday(new Date()) });
    if (!id.ok) throw new RegistrationError('invalid', id.error.code, id.error.message, { field: 'residentId' });
    if (input.gender && input.gender !== id.value.gender) {
      throw new RegistrationError('invalid', RegistrationErrorCode.ProfileMismatch, '性别与身份证号不一致', { field: 'gender' });
    }
    if (input.birthDate && input.birthDate !== id.value.birthDate) {
      throw new RegistrationError('invalid', RegistrationErrorCode.ProfileMismatch, '出生日期与身份证号不一致', { field: 'birthDate' });
    }
    const mobile = validateMobile(input.mobile);
    if (!mobile.ok) throw new RegistrationError('invalid', mobile.error.code, mobile.error.message, { field: 'mobile' });
    return { ...this.sealValid(id.value.id, id.value.gender, id.value.birthDate, mobile.value, input.unionMemberNo ?? null), ...this.sealContact(input) };
  }

  private sealContact(input: ProfileInput): Pick<SealedProfileWithContact, 'emergencyContactName' | 'emergencyContactMobileEnc'> {
    const name = input.emergencyContactName?.trim() || null;
    const given = input.emergencyContactMobile?.trim() || null;
    if (!name && !given) return { emergencyContactName: null, emergencyContactMobileEnc: null };
    if (!name) throw new RegistrationError('invalid', RegistrationErrorCode.ContactIncomplete, '请填写紧急联系人姓名', { field: 'emergencyContactName' });
    if (!given) throw new RegistrationError('invalid', RegistrationErrorCode.ContactIncomplete, '请填写紧急联系人手机号', { field: 'emergencyContactMobile' });
    const mobile = validateMobile(given);
    if (!mobile.ok) throw new RegistrationError('invalid', mobile.error.code, mobile.error.message, { field: 'emergencyContactMobile' });
    return { emergencyContactName: name, emergencyContactMobileEnc: this.pii.encrypt(mobile.value) };
  }

  sealValid(residentId: string, gender: Gender, birthDate: string, mobile: string, unionMemberNo: string | null): SealedProfile {
    return {
      gender,
      birthDate,
      residentIdHmac: this.pii.digest(residentId),
      residentIdEnc: this.pii.encrypt(residentId),
      mobileEnc: this.pii.encrypt(mobile),
      unionMemberNo: unionMemberNo?.trim() || null,
    };
  }
}

export const residentIdTaken = () =>
  new RegistrationError('conflict', RegistrationErrorCode.ResidentIdTaken, '该身份证号已被其他人员使用', { field: 'residentId' });
