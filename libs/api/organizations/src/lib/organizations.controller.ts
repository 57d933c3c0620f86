import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  Patch,
  Post,
  Query,
} from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import {
  CurrentUser,
  RequirePermission,
  type RequestUser,
  uuidParam,
} from '@mezzo/api-core';
import {
  PERMISSIONS,
  type InvitationSentDto,
  type MemberDto,
  type OrganizationDto,
  type Page,
  type PendingInvitationDto,
} from '@mezzo/shared-contracts';
import { InvitationsService } from './invitations.service';
import {
  CreateOrganizationDto,
  InvitationSentResponse,
  InviteMemberDto,
  PageQueryDto,
  UpdateMemberDto,
} from './organizations.dto';
import { OrganizationsService } from './organizations.service';

const INVITE_DESCRIPTION =
  'Emails the address a link to accept or decline; nobody becomes a member until they accept. ' +
  'The answer is the same 202 whether or not the address has a Mezzo account. Inviting a pending ' +
  'address again refreshes its invitation (new link, role and expiry). Owners and admins only; ' +
  'only an owner may invite an owner. 409 when the address already belongs to a member.';

/** A malformed id is simply not found: the answer must not differ from someone else's real id. */
const Id = uuidParam();

@ApiTags('organizations')
@ApiBearerAuth()
@Controller('organizations')
export class OrganizationsController {
  constructor(
    private readonly organizations: OrganizationsService,
    private readonly invitations: InvitationsService,
  ) {}

  @RequirePermission(PERMISSIONS.organizationsCreate)
  @Post()
  @HttpCode(201)
  create(
    @CurrentUser() user: RequestUser,
    @Body() body: CreateOrganizationDto,
  ): Promise<OrganizationDto> {
    return this.organizations.create(user.id, body.name, body.kind);
  }

  @RequirePermission(PERMISSIONS.organizationsRead)
  @Get()
  list(@CurrentUser() user: RequestUser): Promise<OrganizationDto[]> {
    return this.organizations.listMine(user.id);
  }

  @RequirePermission(PERMISSIONS.organizationsRead)
  @Get(':id')
  get(
    @CurrentUser() user: RequestUser,
    @Param('id', Id) id: string,
  ): Promise<OrganizationDto> {
    return this.organizations.get(user.id, id);
  }

  @ApiOperation({
    summary: "The organisation's members, by page",
    description:
      'For owners and admins: 403 forbidden for a plain member (members do not see one another), ' +
      '404 for anyone outside the organisation.',
  })
  @RequirePermission(PERMISSIONS.organizationsRead)
  @Get(':id/members')
  members(
    @CurrentUser() user: RequestUser,
    @Param('id', Id) id: string,
    @Query() query: PageQueryDto,
  ): Promise<Page<MemberDto>> {
    return this.organizations.members(user.id, id, query.page, query.pageSize);
  }

  @RequirePermission(PERMISSIONS.organizationsManage)
  @Post(':id/invitations')
  @HttpCode(202)
  @ApiOperation({
    summary: 'Invite someone by email',
    description: INVITE_DESCRIPTION,
  })
  @ApiAcceptedResponse({ type: InvitationSentResponse })
  invite(
    @CurrentUser() user: RequestUser,
    @Param('id', Id) id: string,
    @Body() body: InviteMemberDto,
  ): Promise<InvitationSentDto> {
    return this.invitations.invite(user.id, id, body.email, body.role);
  }

  /** Kept for clients of the old direct add: it now invites, exactly like POST …/invitations. */
  @RequirePermission(PERMISSIONS.organizationsManage)
  @Post(':id/members')
  @HttpCode(202)
  @ApiOperation({
    summary:
      'Invite someone by email (alias of POST /organizations/{id}/invitations)',
    description: `Deprecated: no longer adds the person directly. ${INVITE_DESCRIPTION}`,
    deprecated: true,
  })
  @ApiAcceptedResponse({ type: InvitationSentResponse })
  addMember(
    @CurrentUser() user: RequestUser,
    @Param('id', Id) id: string,
    @Body() body: InviteMemberDto,
  ): Promise<InvitationSentDto> {
    return this.invitations.invite(user.id, id, body.email, body.role);
  }

  @RequirePermission(PERMISSIONS.organizationsManage)
  @Get(':id/invitations')
  @ApiOperation({ summary: 'Open invitations (owners and admins)' })
  pendingInvitations(
    @CurrentUser() user: RequestUser,
    @Param('id', Id) id: string,
  ): Promise<PendingInvitationDto[]> {
    return this.invitations.pendingOf(user.id, id);
  }

  @RequirePermission(PERMISSIONS.organizationsManage)
  @Delete(':id/invitations/:invitationId')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Withdraw an open invitation (owners and admins)',
    description:
      'Its link then opens nothing and the address can be invited again. Only an owner withdraws an invitation to be an owner (403). 404 when it is not an open invitation of this organisation.',
  })
  withdrawInvitation(
    @CurrentUser() user: RequestUser,
    @Param('id', Id) id: string,
    @Param('invitationId', uuidParam('Invitation')) invitationId: string,
  ): Promise<void> {
    return this.invitations.withdraw(user.id, id, invitationId);
  }

  @RequirePermission(PERMISSIONS.organizationsManage)
  @Patch(':id/members/:userId')
  updateMember(
    @CurrentUser() user: RequestUser,
    @Param('id', Id) id: string,
    @Param('userId', Id) memberId: string,
    @Body() body: UpdateMemberDto,
  ): Promise<MemberDto> {
    return this.organizations.updateMember(user.id, id, memberId, body.role);
  }

  @RequirePermission(PERMISSIONS.organizationsManage)
  @Delete(':id/members/:userId')
  @HttpCode(204)
  removeMember(
    @CurrentUser() user: RequestUser,
    @Param('id', Id) id: string,
    @Param('userId', Id) memberId: string,
  ): Promise<void> {
    return this.organizations.removeMember(user.id, id, memberId);
  }
}
