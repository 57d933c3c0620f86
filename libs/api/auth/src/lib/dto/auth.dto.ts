import { ApiProperty } from '@nestjs/swagger';
import {
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  type ChangePasswordRequest,
  type ForgotPasswordRequest,
  type RegisterRequest,
  type ResetPasswordRequest,
  type SignInRequest,
} from '@mezzo/shared-contracts';
import { Transform } from 'class-transformer';
import {
  IsEmail,
  IsNotEmpty,
  IsString,
  MaxLength,
  MinLength,
} from 'class-validator';
import { trimString } from '@mezzo/api-core';

const PASSWORD_RULE = `must be ${PASSWORD_MIN_LENGTH} to ${PASSWORD_MAX_LENGTH} characters`;

export class RegisterDto implements RegisterRequest {
  @ApiProperty({ example: 'Alex Rivera' })
  @Transform(trimString)
  @IsString()
  @IsNotEmpty({ message: 'name is required' })
  @MaxLength(120)
  name!: string;

  @ApiProperty({ example: 'alex@example.org' })
  @Transform(trimString)
  @IsEmail({}, { message: 'email must be a valid email address' })
  @MaxLength(254)
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

export class ResetPasswordDto implements ResetPasswordRequest {
  @ApiProperty()
  @IsString()
  @IsNotEmpty({ message: 'token is required' })
  @MaxLength(200)
  token!: string;

  @ApiProperty({ minLength: PASSWORD_MIN_LENGTH })
  @IsString()
  @MinLength(PASSWORD_MIN_LENGTH, { message: `newPassword ${PASSWORD_RULE}` })
  @MaxLength(PASSWORD_MAX_LENGTH, { message: `newPassword ${PASSWORD_RULE}` })
  newPassword!: string;
}
