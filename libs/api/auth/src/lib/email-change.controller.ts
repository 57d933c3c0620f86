import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
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
  PERMISSIONS,
  type EmailChangedDto,
} from '@mezzo/shared-contracts';
import { ChangeEmailDto, ConfirmEmailChangeDto } from './dto/auth.dto';
import { EmailChangeService } from './email-change.service';

export class EmailChangedResponse implements EmailChangedDto {
  @ApiProperty({
    example: 'alex@example.org',
    description: 'The sign-in email from now on',
  })
  email!: string;
}

/** Changing the sign-in email: asked for with the password, confirmed by a link to the new address. */
@ApiTags('account')
@Controller('me/email')
export class EmailChangeController {
  constructor(private readonly changes: EmailChangeService) {}

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
      '409 email_taken when another account signs in with the address by now.',
  })
  @ApiOkResponse({ type: EmailChangedResponse })
  confirm(@Body() body: ConfirmEmailChangeDto): Promise<EmailChangedDto> {
    return this.changes.confirm(body.token);
  }
}
