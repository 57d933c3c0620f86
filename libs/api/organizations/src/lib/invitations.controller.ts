import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  CurrentUser,
  RequirePermission,
  type RequestUser,
  uuidParam,
} from '@mezzo/api-core';
import {
  PERMISSIONS,
  type InvitationDto,
  type OrganizationDto,
} from '@mezzo/shared-contracts';
import { InvitationsService } from './invitations.service';
import { InvitationLookupDto } from './organizations.dto';

/** Someone else's, answered, expired and malformed ids all answer the same 404. */
const Id = uuidParam();

/** The invitee's side: invitations addressed to the signed-in account's email. */
@ApiTags('invitations')
@ApiBearerAuth()
@Controller('me/invitations')
export class InvitationsController {
  constructor(private readonly invitations: InvitationsService) {}

  @RequirePermission(PERMISSIONS.accountRead)
  @Get()
  @ApiOperation({ summary: 'My open invitations, newest first' })
  list(@CurrentUser() user: RequestUser): Promise<InvitationDto[]> {
    return this.invitations.mine(user.id);
  }

  @RequirePermission(PERMISSIONS.accountRead)
  @Post('lookup')
  @HttpCode(200)
  @ApiOperation({
    summary: 'The open invitation an email link points to',
    description:
      'The token travels in the body, not the URL, so it stays out of access logs. 404 unless ' +
      'the invitation is open and addressed to the signed-in account.',
  })
  lookup(
    @CurrentUser() user: RequestUser,
    @Body() body: InvitationLookupDto,
  ): Promise<InvitationDto> {
    return this.invitations.lookup(user.id, body.token);
  }

  @RequirePermission(PERMISSIONS.accountWrite)
  @Post(':id/accept')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Accept: join the organisation with the invited role',
  })
  accept(
    @CurrentUser() user: RequestUser,
    @Param('id', Id) id: string,
  ): Promise<OrganizationDto> {
    return this.invitations.accept(user.id, id);
  }

  @RequirePermission(PERMISSIONS.accountWrite)
  @Post(':id/decline')
  @HttpCode(204)
  @ApiOperation({ summary: 'Decline: the organisation is not joined' })
  decline(
    @CurrentUser() user: RequestUser,
    @Param('id', Id) id: string,
  ): Promise<void> {
    return this.invitations.decline(user.id, id);
  }
}
