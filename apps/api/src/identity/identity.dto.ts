import { OptionalField } from '../http/optional';
import { AUDIT_ACTIONS, type AuditAction, ORG_KINDS, type OrgKind, type Role, ROLES } from '@app/identity';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsPositive, IsString, Length, Matches, ValidateNested } from 'class-validator';

export class LoginDto {
  @ApiProperty({ example: 'organizer' }) @IsString() @Length(1, 64) username: string;
  @ApiProperty({ example: 'secret' }) @IsString() @Length(1, 200) password: string;
}

export class RoleClaimDto {
  @ApiProperty({ enum: ROLES }) role: Role;
  @ApiProperty() orgId: number;
  @ApiProperty({ example: '/1/2/' }) path: string;
}

export class UserDto {
  @ApiProperty() id: number;
  @ApiProperty() username: string;
  @ApiProperty({ example: '张伟' }) realName: string;
  @ApiProperty({ example: 'zh-CN' }) language: string;
  @ApiProperty({ description: 'a disabled account cannot sign in' }) disabled: boolean;
  @ApiProperty({ description: 'false while a self-signed-up person waits for their organisation to confirm them as a member' })
  membershipConfirmed: boolean;
  @ApiProperty({ type: [RoleClaimDto] }) roles: RoleClaimDto[];
}

export class PendingMemberDto {
  @ApiProperty() id: number;
  @ApiProperty() username: string;
  @ApiProperty({ example: '张伟' }) realName: string;
  @ApiProperty() organisationId: number;
  @ApiProperty({ example: '第一机床厂工会' }) organisationName: string;
  @ApiProperty({ description: 'when they signed up' }) since: Date;
}

export class AccessTokenDto {
  @ApiProperty() accessToken: string;
  @ApiProperty({ enum: ['Bearer'] }) tokenType: 'Bearer';
  @ApiProperty({ description: 'seconds until the token expires' }) expiresIn: number;
  @ApiProperty({ type: UserDto }) user: UserDto;
}

export class RoleGrantDto {
  @ApiProperty() @IsInt() @IsPositive() organisationId: number;
  @ApiProperty({ enum: ROLES }) @IsIn(ROLES) role: Role;
}

export class CreateUserDto {
  @ApiProperty({ example: 'zhangwei' })
  @Matches(/^[A-Za-z0-9_.-]{3,64}$/, { message: 'username 只能包含字母、数字和 _ . -，长度 3–64' })
  username: string;
  @ApiProperty({ minLength: 10, description: 'at least 10 characters, and not easy to guess (checked with zxcvbn against the username and name)' })
  @IsString()
  @Length(1, 200)
  password: string;
  @ApiProperty({ example: '张伟' }) @IsString() @Length(1, 50) realName: string;
  @ApiPropertyOptional({ enum: ['zh-CN', 'en'] }) @OptionalField() @IsIn(['zh-CN', 'en']) language?: string;
  @ApiProperty({ type: [RoleGrantDto] })
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => RoleGrantDto)
  roles: RoleGrantDto[];
}

export class CreateOrganisationDto {
  @ApiProperty({ example: '拱墅区总工会' }) @IsString() @Length(1, 100) name: string;
  @ApiProperty({ enum: ORG_KINDS }) @IsIn(ORG_KINDS) kind: OrgKind;
  @ApiProperty() @IsInt() @IsPositive() parentId: number;
}

export class OrganisationDto {
  @ApiProperty() id: number;
  @ApiProperty({ example: '拱墅区总工会' }) name: string;
  @ApiProperty({ enum: ORG_KINDS }) kind: OrgKind;
  @ApiProperty({ nullable: true, type: Number }) parentId: number | null;
  @ApiProperty({ example: '/1/2/' }) path: string;
  @ApiProperty() createdAt: Date;
}

export class ChangePasswordDto {
  @ApiProperty() @IsString() @Length(1, 200) currentPassword: string;
  @ApiProperty({ minLength: 10 }) @IsString() @Length(1, 200) newPassword: string;
}

export class AuditEntryDto {
  @ApiProperty() id: number;
  @ApiProperty({ enum: AUDIT_ACTIONS }) action: AuditAction;
  @ApiProperty({ nullable: true, type: Number, description: 'who did it; null: the platform itself (seed, import)' }) actorId: number | null;
  @ApiProperty({ nullable: true, type: Number }) organisationId: number | null;
  @ApiProperty({ nullable: true, enum: ROLES }) role: Role | null;
  @ApiProperty() at: Date;
}
