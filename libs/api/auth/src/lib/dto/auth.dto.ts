import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import {
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  PERSON_NAME_MAX_LENGTH,
  PERSON_NAME_PATTERN,
  type ChangeEmailRequest,
  type CheckResetTokenRequest,
  type ChangePasswordRequest,
  type ConfirmEmailChangeRequest,
  type ForgotPasswordRequest,
  type RegisterRequest,
  type ResetPasswordRequest,
  type RevertEmailChangeRequest,
  type SignInRequest,
  type UpdateProfileRequest,
} from '@mezzo/shared-contracts';
import { Transform } from 'class-transformer';
import {
  IsEmail,
  IsNotEmpty,
  IsString,
  Matches,
  MaxLength,
  MinLength,
} from 'class-validator';
import { PLAIN_EMAIL, PLAIN_EMAIL_MESSAGE, trimString } from '@mezzo/api-core';

const PASSWORD_RULE = `must be ${PASSWORD_MIN_LENGTH} to ${PASSWORD_MAX_LENGTH} characters`;
const NAME_MAX_LENGTH = PERSON_NAME_MAX_LENGTH;

/** A person's name, as at registration and when it is changed later: trimmed, 1 to 120 characters. */
function PersonName(): PropertyDecorator {
  return applyDecorators(
    ApiProperty({ example: 'Alex Rivera', maxLength: NAME_MAX_LENGTH }),
    Transform(trimString),
    IsString(),
    IsNotEmpty({ message: 'name is required' }),
    MaxLength(NAME_MAX_LENGTH),
    // A name has letters; control characters and bidi overrides (used to disguise text) it has not.
    Matches(PERSON_NAME_PATTERN, {
      message: 'name must contain letters and no control characters',
    }),
  );
}

/**
 * An address an account will sign in with (at registration, or as a new email): trimmed, valid,
 * and plain enough for the mailer to send to.
 */
function AccountEmail(): PropertyDecorator {
  return applyDecorators(
    ApiProperty({ example: 'alex@example.org', maxLength: 254 }),
    Transform(trimString),
    IsEmail({}, { message: 'email must be a valid email address' }),
    Matches(PLAIN_EMAIL, { message: PLAIN_EMAIL_MESSAGE }),
    MaxLength(254),
  );
}

export class RegisterDto implements RegisterRequest {
  @PersonName()
  name!: string;

  @AccountEmail()
  email!: string;

  @ApiProperty({ minLength: PASSWORD_MIN_LENGTH })
  @IsString()
  @MinLength(PASSWORD_MIN_LENGTH, { message: `password ${PASSWORD_RULE}` })
  @MaxLength(PASSWORD_MAX_LENGTH, { message: `password ${PASSWORD_RULE}` })
  password!: string;
}

export class SignInDto implements SignInRequest {
  @ApiProperty()
  @Transform(trimString)
  @IsEmail({}, { message: 'email must be a valid email address' })
  @MaxLength(254)
  email!: string;

  @ApiProperty()
  @IsString()
  @IsNotEmpty({ message: 'password is required' })
  @MaxLength(PASSWORD_MAX_LENGTH)
  password!: string;
}

export class ChangePasswordDto implements ChangePasswordRequest {
  @ApiProperty()
  @IsString()
  @IsNotEmpty({ message: 'currentPassword is required' })
  @MaxLength(PASSWORD_MAX_LENGTH)
  currentPassword!: string;

  @ApiProperty({ minLength: PASSWORD_MIN_LENGTH })
  @IsString()
  @MinLength(PASSWORD_MIN_LENGTH, { message: `newPassword ${PASSWORD_RULE}` })
  @MaxLength(PASSWORD_MAX_LENGTH, { message: `newPassword ${PASSWORD_RULE}` })
  newPassword!: string;
}

export class ForgotPasswordDto implements ForgotPasswordRequest {
  @ApiProperty()
  @Transform(trimString)
  @IsEmail({}, { message: 'email must be a valid email address' })
  @MaxLength(254)
  email!: string;
}

export class CheckResetTokenDto implements CheckResetTokenRequest {
  @ApiProperty()
  @IsString()
  @IsNotEmpty({ message: 'token is required' })
  @MaxLength(200)
  token!: string;
}

/** The check's token (same rules), and the new password. */
export class ResetPasswordDto
  extends CheckResetTokenDto
  implements ResetPasswordRequest
{
  @ApiProperty({ minLength: PASSWORD_MIN_LENGTH })
  @IsString()
  @MinLength(PASSWORD_MIN_LENGTH, { message: `newPassword ${PASSWORD_RULE}` })
  @MaxLength(PASSWORD_MAX_LENGTH, { message: `newPassword ${PASSWORD_RULE}` })
  newPassword!: string;
}

export class UpdateProfileDto implements UpdateProfileRequest {
  @PersonName()
  name!: string;
}

export class ChangeEmailDto implements ChangeEmailRequest {
  @AccountEmail()
  email!: string;

  @ApiProperty({ description: 'The current password' })
  @IsString()
  @IsNotEmpty({ message: 'password is required' })
  @MaxLength(PASSWORD_MAX_LENGTH)
  password!: string;
}

export class ConfirmEmailChangeDto implements ConfirmEmailChangeRequest {
  @ApiProperty({ description: 'The token from the emailed link' })
  @IsString()
  @IsNotEmpty({ message: 'token is required' })
  @MaxLength(200)
  token!: string;
}

export class RevertEmailChangeDto implements RevertEmailChangeRequest {
  @ApiProperty({
    description:
      'The token from the link in the notice sent to the old address',
  })
  @IsString()
  @IsNotEmpty({ message: 'token is required' })
  @MaxLength(200)
  token!: string;
}
