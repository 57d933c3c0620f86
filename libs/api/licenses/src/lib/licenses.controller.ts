import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Query,
} from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  AppError,
  CurrentUser,
  RequirePermission,
  type RequestUser,
} from '@mezzo/api-core';
import {
  PERMISSIONS,
  type ComplianceDto,
  type LicenseDto,
  type LicenseTypeOptionDto,
} from '@mezzo/shared-contracts';
import {
  ComplianceQueryDto,
  CreateLicenseDto,
  ListLicensesQueryDto,
  UpdateLicenseDto,
} from './licenses.dto';
import { LicensesService } from './licenses.service';

const Id = new ParseUUIDPipe({
  exceptionFactory: () => AppError.notFound('License'),
});
const today = (): string => new Date().toISOString().slice(0, 10);

@ApiTags('licenses')
@ApiBearerAuth()
@Controller()
export class LicensesController {
  constructor(private readonly licenses: LicensesService) {}

  @RequirePermission(PERMISSIONS.licensesRead)
  @Get('rule-sets')
  ruleSets(): LicenseTypeOptionDto[] {
    return this.licenses.ruleSetOptions(today());
  }

  @RequirePermission(PERMISSIONS.licensesRead)
  @Get('licenses')
  list(
    @CurrentUser() user: RequestUser,
    @Query() q: ListLicensesQueryDto,
  ): Promise<LicenseDto[]> {
    return this.licenses.list(user.id, q.includeRetired, today());
  }

  @RequirePermission(PERMISSIONS.licensesWrite)
  @Post('licenses')
  @HttpCode(201)
  create(
    @CurrentUser() user: RequestUser,
    @Body() body: CreateLicenseDto,
  ): Promise<LicenseDto> {
    return this.licenses.create(user.id, body, today());
  }

  @RequirePermission(PERMISSIONS.licensesRead)
  @Get('licenses/:id')
  get(
    @CurrentUser() user: RequestUser,
    @Param('id', Id) id: string,
  ): Promise<LicenseDto> {
    return this.licenses.get(user.id, id, today());
  }

  @RequirePermission(PERMISSIONS.licensesWrite)
  @Patch('licenses/:id')
  update(
    @CurrentUser() user: RequestUser,
    @Param('id', Id) id: string,
    @Body() body: UpdateLicenseDto,
  ): Promise<LicenseDto> {
    return this.licenses.update(user.id, id, body, today());
  }

  @RequirePermission(PERMISSIONS.licensesWrite)
  @Post('licenses/:id/retire')
  @HttpCode(200)
  retire(
    @CurrentUser() user: RequestUser,
    @Param('id', Id) id: string,
  ): Promise<LicenseDto> {
    return this.licenses.retire(user.id, id, today());
  }

  @RequirePermission(PERMISSIONS.licensesRead)
  @Get('licenses/:id/compliance')
  compliance(
    @CurrentUser() user: RequestUser,
    @Param('id', Id) id: string,
    @Query() q: ComplianceQueryDto,
  ): Promise<ComplianceDto> {
    return this.licenses.complianceView(user.id, id, q.asOf ?? today());
  }
}
