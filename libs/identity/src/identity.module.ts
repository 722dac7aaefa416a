import { createSecretKey } from 'node:crypto';
import { AppConfig } from '@app/config';
import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccessService } from './access.service';
import { AuthService } from './auth.service';
import { LoginLimiter } from './login-limiter';
import { Organisation } from './organisation.entity';
import { OrganisationsService } from './organisations.service';
import { SignUpService } from './sign-up.service';
import { Passwords } from './passwords';
import { IdentityAudit } from './identity-audit.entity';
import { RoleAssignment } from './role-assignment.entity';
import { SessionsService } from './sessions.service';
import { UserClaims } from './user-claims';
import { User } from './user.entity';
import { PeopleDirectory } from './people-directory';
import { UsersService } from './users.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([Organisation, User, RoleAssignment, IdentityAudit]),
    JwtModule.registerAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        // A KeyObject, made once: given a string, jsonwebtoken first tries (and fails) to parse it
        // as a public key on every verify, which cost a tenth of the API's CPU under load.
        secret: createSecretKey(Buffer.from(config.JWT_SECRET)) as unknown as string,
        signOptions: { expiresIn: config.JWT_TTL_S, algorithm: 'HS256' },
        verifyOptions: { algorithms: ['HS256'] },
      }),
    }),
  ],
  providers: [AccessService, AuthService, LoginLimiter, OrganisationsService, Passwords, PeopleDirectory, SessionsService, SignUpService, UserClaims, UsersService],
  exports: [AccessService, AuthService, OrganisationsService, PeopleDirectory, SignUpService, UsersService],
})
export class IdentityModule {}
