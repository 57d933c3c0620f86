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
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  CurrentUser,
  RequirePermission,
  type RequestUser,
  uuidParam,
} from '@mezzo/api-core';
import {
  PERMISSIONS,
  type MemberDto,
  type OrganizationDto,
  type Page,
} from '@mezzo/shared-contracts';
import {
  AddMemberDto,
  CreateOrganizationDto,
  PageQueryDto,
  UpdateMemberDto,
} from './organizations.dto';
import { OrganizationsService } from './organizations.service';

/** A malformed id is simply not found: the answer must not differ from someone else's real id. */
const Id = uuidParam();

@ApiTags('organizations')
@ApiBearerAuth()
@Controller('organizations')
export class OrganizationsController {
  constructor(private readonly organizations: OrganizationsService) {}

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
  @Post(':id/members')
  @HttpCode(201)
  addMember(
    @CurrentUser() user: RequestUser,
    @Param('id', Id) id: string,
    @Body() body: AddMemberDto,
  ): Promise<MemberDto> {
    return this.organizations.addMember(user.id, id, body.email, body.role);
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
