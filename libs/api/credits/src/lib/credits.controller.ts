import {
  Body,
  Controller,
  Delete,
  Get,
  Header,
  HttpCode,
  Param,
  Patch,
  Post,
  Query,
} from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import {
  CurrentUser,
  RequirePermission,
  type RequestUser,
  todayIso,
  uuidParam,
} from '@mezzo/api-core';
import {
  PERMISSIONS,
  type CreditDto,
  type CreditEventDto,
  type Page,
} from '@mezzo/shared-contracts';
import {
  CreditInputDto,
  CreditsPageQueryDto,
  UpdateCreditDto,
} from './credits.dto';
import { CreditsService } from './credits.service';

const Id = uuidParam('Credit');

@ApiTags('credits')
@ApiBearerAuth()
@Controller('credits')
export class CreditsController {
  constructor(private readonly credits: CreditsService) {}

  @RequirePermission(PERMISSIONS.creditsRead)
  @Get()
  page(
    @CurrentUser() user: RequestUser,
    @Query() q: CreditsPageQueryDto,
  ): Promise<Page<CreditDto>> {
    return this.credits.page(user.id, q.deleted, q.page, q.pageSize);
  }

  // Declared before ':id' so the path is not read as an id.
  @RequirePermission(PERMISSIONS.creditsRead)
  @Get('export.csv')
  @ApiProduces('text/csv')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @Header('Content-Disposition', 'attachment; filename="mezzo-credits.csv"')
  exportCsv(@CurrentUser() user: RequestUser): Promise<string> {
    return this.credits.exportCsv(user.id);
  }

  @RequirePermission(PERMISSIONS.creditsWrite)
  @Post()
  @HttpCode(201)
  create(
    @CurrentUser() user: RequestUser,
    @Body() body: CreditInputDto,
  ): Promise<CreditDto> {
    return this.credits.create(user.id, body, todayIso());
  }

  @RequirePermission(PERMISSIONS.creditsRead)
  @Get(':id')
  get(
    @CurrentUser() user: RequestUser,
    @Param('id', Id) id: string,
  ): Promise<CreditDto> {
    return this.credits.get(user.id, id);
  }

  @RequirePermission(PERMISSIONS.creditsWrite)
  @Patch(':id')
  update(
    @CurrentUser() user: RequestUser,
    @Param('id', Id) id: string,
    @Body() body: UpdateCreditDto,
  ): Promise<CreditDto> {
    return this.credits.update(user.id, id, body, todayIso());
  }

  @RequirePermission(PERMISSIONS.creditsWrite)
  @Delete(':id')
  @HttpCode(204)
  remove(
    @CurrentUser() user: RequestUser,
    @Param('id', Id) id: string,
  ): Promise<void> {
    return this.credits.remove(user.id, id);
  }

  @RequirePermission(PERMISSIONS.creditsWrite)
  @Post(':id/restore')
  @HttpCode(200)
  restore(
    @CurrentUser() user: RequestUser,
    @Param('id', Id) id: string,
  ): Promise<CreditDto> {
    return this.credits.restore(user.id, id);
  }

  @RequirePermission(PERMISSIONS.creditsRead)
  @Get(':id/history')
  history(
    @CurrentUser() user: RequestUser,
    @Param('id', Id) id: string,
  ): Promise<CreditEventDto[]> {
    return this.credits.history(user.id, id);
  }
}
