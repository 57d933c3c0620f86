import { ApiProperty } from '@nestjs/swagger';
import type {
  CreateOrganizationRequest,
  InvitationLookupRequest,
  InvitationSentDto,
  InviteMemberRequest,
  MembershipRole,
  OrganizationKind,
  UpdateMemberRequest,
} from '@mezzo/shared-contracts';
import { Transform, Type } from 'class-transformer';
import {
  IsEmail,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import {
  MAX_PAGE,
  PLAIN_EMAIL,
  PLAIN_EMAIL_MESSAGE,
  trimString,
} from '@mezzo/api-core';

const KINDS: OrganizationKind[] = ['provider', 'association'];
const ROLES: MembershipRole[] = ['owner', 'admin', 'member'];

export class CreateOrganizationDto implements CreateOrganizationRequest {
  @ApiProperty({ example: 'NASW New Jersey Chapter' })
  @Transform(trimString)
  @IsString()
  @IsNotEmpty({ message: 'name is required' })
  @MaxLength(200)
  name!: string;

  @ApiProperty({ enum: KINDS })
  @IsIn(KINDS, { message: `kind must be one of ${KINDS.join(', ')}` })
  kind!: OrganizationKind;
}

export class InviteMemberDto implements InviteMemberRequest {
  @ApiProperty({ example: 'sam@example.org' })
  @Transform(trimString)
  @IsEmail({}, { message: 'email must be a valid email address' })
  @Matches(PLAIN_EMAIL, { message: PLAIN_EMAIL_MESSAGE })
  @MaxLength(254, { message: 'email must be at most 254 characters' })
  email!: string;

  @ApiProperty({
    enum: ROLES,
    description:
      'Takes effect when the invitee accepts; only an owner may invite an owner.',
  })
  @IsIn(ROLES, { message: `role must be one of ${ROLES.join(', ')}` })
  role!: MembershipRole;
}

/** For the OpenAPI document: the 202 every invitation gets, whatever the address. */
export class InvitationSentResponse implements InvitationSentDto {
  @ApiProperty({ example: 'sam@example.org' })
  email!: string;

  @ApiProperty({ enum: ROLES })
  role!: MembershipRole;

  @ApiProperty({ format: 'date-time' })
  expiresAt!: string;
}

export class InvitationLookupDto implements InvitationLookupRequest {
  @ApiProperty({ description: 'The token from the invitation email link' })
  @IsString({ message: 'token must be a string' })
  @IsNotEmpty({ message: 'token is required' })
  @MaxLength(200, { message: 'token must be at most 200 characters' })
  token!: string;
}

export class UpdateMemberDto implements UpdateMemberRequest {
  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES, { message: `role must be one of ${ROLES.join(', ')}` })
  role!: MembershipRole;
}

export class PageQueryDto {
  @ApiProperty({ required: false, default: 1, maximum: MAX_PAGE })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'page must be a whole number' })
  @Min(1)
  @Max(MAX_PAGE, { message: `page must be at most ${MAX_PAGE}` })
  page = 1;

  @ApiProperty({ required: false, default: 25, maximum: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'pageSize must be a whole number' })
  @Min(1)
  @Max(100)
  pageSize = 25;
}
