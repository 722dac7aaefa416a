import { SignUpService } from '@app/identity';
import { Body, Controller, HttpCode, Post, Req } from '@nestjs/common';
import { ApiCreatedResponse, ApiProperty } from '@nestjs/swagger';
import { IsInt, IsPositive, IsString, Length, Matches } from 'class-validator';
import type { FastifyRequest } from 'fastify';
import { Public } from '../auth/auth.decorators';
import { EmptyResponse, Operation, Refuses, Tag } from '../http/openapi-decorators';

export class MobileDto {
  @ApiProperty({ example: '13800138000', description: 'a mainland mobile number; +86, spaces and dashes are ignored' }) @IsString() @Length(1, 20) mobile: string;
}

export class SignUpDto extends MobileDto {
  @ApiProperty({ example: '012345', description: 'the code texted to the number' }) @IsString() @Length(1, 10) code: string;
  @ApiProperty({ example: 'wangfang88', description: 'letters, digits, . _ -' }) @IsString() @Length(3, 64) @Matches(/^[A-Za-z0-9._-]+$/) username: string;
  @ApiProperty({ example: 'Qiantang-tide-2026' }) @IsString() @Length(1, 200) password: string;
  @ApiProperty({ example: '王芳' }) @IsString() @Length(1, 50) realName: string;
  @ApiProperty({ description: 'the home organisation: an enterprise union from the tree' }) @IsInt() @IsPositive() organisationId: number;
}

export class ResetPasswordDto extends MobileDto {
  @ApiProperty({ example: '012345' }) @IsString() @Length(1, 10) code: string;
  @ApiProperty({ example: 'Longjing-tea-2026' }) @IsString() @Length(1, 200) password: string;
}

export class SignedUpDto {
  @ApiProperty() userId: number;
}

/**
 * Signing up and resetting a password with a code texted to one's mobile number. Asking for a
 * code answers 204 whatever the number, so the answer never tells who is registered.
 */
@Tag('auth')
@Controller({ path: 'auth', version: '1' })
export class SignUpController {
  constructor(private readonly signUps: SignUpService) {}

  @Post('sign-up/code')
  @Public()
  @HttpCode(204)
  @Operation('Text a sign-up code to a mobile number (the same answer for any number)')
  @EmptyResponse('a text is on its way, if the number can receive one')
  @Refuses({ 429: 'too many codes for this number or from this address' })
  async requestSignUpCode(@Body() dto: MobileDto, @Req() req: FastifyRequest) {
    await this.signUps.requestCode('sign_up', dto.mobile, req.ip);
  }

  @Post('sign-up')
  @Public()
  @Operation('Sign up as a contestant of an enterprise union with the texted code')
  @ApiCreatedResponse({ type: SignedUpDto })
  @Refuses({ 404: 'no such organisation', 409: 'the username is taken' })
  signUp(@Body() dto: SignUpDto) {
    return this.signUps.signUp(dto);
  }

  @Post('password-reset/code')
  @Public()
  @HttpCode(204)
  @Operation('Text a password-reset code to a mobile number (the same answer for any number)')
  @EmptyResponse('a text is on its way, if the number belongs to an account')
  @Refuses({ 429: 'too many codes for this number or from this address' })
  async requestResetCode(@Body() dto: MobileDto, @Req() req: FastifyRequest) {
    await this.signUps.requestCode('password_reset', dto.mobile, req.ip);
  }

  @Post('password-reset')
  @Public()
  @HttpCode(204)
  @Operation("Set a new password with the texted code; the account's earlier tokens end")
  @EmptyResponse('the password is set')
  async resetPassword(@Body() dto: ResetPasswordDto) {
    await this.signUps.resetPassword(dto.mobile, dto.code, dto.password);
  }
}
