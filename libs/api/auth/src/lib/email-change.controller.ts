import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Post,
  Req,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiTags,
} from '@nestjs/swagger';
import {
  CurrentUser,
  Public,
  RequirePermission,
  type RequestUser,
} from '@mezzo/api-core';
import {
  EMAIL_CHANGE_TTL_HOURS,
  EMAIL_REVERT_TTL_DAYS,
  PERMISSIONS,
  type EmailChangedDto,
  type EmailRevertedDto,
  type EmailChangeStatusDto,
  type PendingEmailChangeDto,
} from '@mezzo/shared-contracts';
import type { Request } from 'express';
import {
  ChangeEmailDto,
  ConfirmEmailChangeDto,
  RevertEmailChangeDto,
} from './dto/auth.dto';
import { EmailChangeService } from './email-change.service';
import { EmailRevertService } from './email-revert.service';

export class EmailChangedResponse implements EmailChangedDto {
  @ApiProperty({
    example: 'alex@example.org',
    description: 'The sign-in email from now on',
  })
  email!: string;
}

export class EmailRevertedResponse implements EmailRevertedDto {
  @ApiProperty({
    example: 'alex@example.org',
    description:
      'The sign-in email again (the address before the undone change); a link to choose a new password went there',
  })
  email!: string;
}

export class PendingEmailChangeResponse implements PendingEmailChangeDto {
  @ApiProperty({
    example: 'alex.new@example.org',
    description: 'The address the confirmation link went to',
  })
  email!: string;

  @ApiProperty({
    example: '2026-11-23T20:10:22.000Z',
    description: 'When the link stops working',
  })
  expiresAt!: string;
}

export class EmailChangeStatusResponse implements EmailChangeStatusDto {
  @ApiProperty({
    type: PendingEmailChangeResponse,
    nullable: true,
    description: 'The change waiting for its link to be opened, or null',
  })
  pending!: PendingEmailChangeResponse | null;
}

/** Changing the sign-in email: asked for with the password, confirmed by a link to the new address. */
@ApiTags('account')
@Controller('me/email')
export class EmailChangeController {
  constructor(
    private readonly changes: EmailChangeService,
    private readonly reverts: EmailRevertService,
  ) {}

  @ApiBearerAuth()
  @RequirePermission(PERMISSIONS.accountRead)
  @Get()
  @ApiOperation({
    summary: 'The change of sign-in email waiting for its link, if any',
    description:
      'The address the link went to and when it expires, or pending: null (never asked, ' +
      "confirmed, cancelled or expired). Only the caller's own. A request for an address that " +
      'already has an account shows like any other, so this tells nothing the 202 does not.',
  })
  @ApiOkResponse({ type: EmailChangeStatusResponse })
  pending(@CurrentUser() user: RequestUser): Promise<EmailChangeStatusDto> {
    return this.changes.pending(user.id);
  }

  @ApiBearerAuth()
  @RequirePermission(PERMISSIONS.accountWrite)
  @Delete()
  @HttpCode(204)
  @ApiOperation({
    summary: 'Cancel the pending change of sign-in email',
    description:
      'Its link answers 400 invalid_email_change_token from now on. 204 also when nothing was ' +
      'pending; the sign-in email stays as it is.',
  })
  @ApiNoContentResponse({ description: 'Nothing is pending any more' })
  cancel(@CurrentUser() user: RequestUser): Promise<void> {
    return this.changes.cancel(user.id);
  }

  @ApiBearerAuth()
  @RequirePermission(PERMISSIONS.accountWrite)
  @Post()
  @HttpCode(202)
  @ApiOperation({
    summary: 'Ask to change the sign-in email',
    description:
      `Needs the current password (401 invalid_credentials otherwise). Emails the new address a ` +
      `link to /account/email?token=…, valid for ${EMAIL_CHANGE_TTL_HOURS} hours and once; ` +
      'nothing changes until it is opened. The answer is the same 202 whether or not the new ' +
      'address already has an account (its holder is told by email instead). A newer request ' +
      'replaces an older one. 400 when the address is the current one; 429 rate_limited after ' +
      'too many attempts (SIGN_IN_LIMIT_PER_ACCOUNT per SIGN_IN_WINDOW_SECONDS).',
  })
  request(
    @CurrentUser() user: RequestUser,
    @Body() body: ChangeEmailDto,
  ): Promise<void> {
    return this.changes.request(user.id, body.email, body.password);
  }

  @Public()
  @Post('confirm')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Confirm a change of sign-in email with the emailed token',
    description:
      'No session needed: the link may be opened on another device. The token travels in the ' +
      'body, not the URL, so it stays out of access logs. The old address is told of the change. ' +
      '400 invalid_email_change_token when the link is unknown, used, replaced or expired; ' +
      '409 email_taken when another account signs in with the address by now; 429 rate_limited ' +
      'once one IP address has tried SIGN_IN_LIMIT_PER_IP dead links per SIGN_IN_WINDOW_SECONDS.',
  })
  @ApiOkResponse({ type: EmailChangedResponse })
  confirm(
    @Body() body: ConfirmEmailChangeDto,
    @Req() req: Request,
  ): Promise<EmailChangedDto> {
    return this.changes.confirm(body.token, req.ip ?? 'unknown');
  }

  @Public()
  @Post('revert')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Undo a confirmed change of sign-in email ("this wasn\'t me")',
    description:
      'The token comes from the link in the notice sent to the OLD address when a change is ' +
      `confirmed; it works once, for ${EMAIL_REVERT_TTL_DAYS} days, and only the newest change's. ` +
      'No session needed. In one transaction the sign-in email goes back to the old address, ' +
      'every session of the account ends (its access tokens answer 401 session_ended), the ' +
      'password stops working (whoever made the change knew it), and pending email changes and ' +
      'password-reset links are dropped; then the old address is sent a link to choose a new ' +
      'password. 400 invalid_email_revert_token when the link is unknown, used, replaced or ' +
      'expired, or the account no longer signs in with the address that change set; 409 ' +
      'email_taken when another account signs in with the old address by now (nothing changes); ' +
      '429 rate_limited once one IP address has tried SIGN_IN_LIMIT_PER_IP dead links per ' +
      'SIGN_IN_WINDOW_SECONDS.',
  })
  @ApiOkResponse({ type: EmailRevertedResponse })
  revert(
    @Body() body: RevertEmailChangeDto,
    @Req() req: Request,
  ): Promise<EmailRevertedDto> {
    return this.reverts.revert(body.token, req.ip ?? 'unknown');
  }
}
