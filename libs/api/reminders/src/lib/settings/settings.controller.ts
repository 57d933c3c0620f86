import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Patch,
  Post,
} from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  CurrentUser,
  RequirePermission,
  type RequestUser,
} from '@mezzo/api-core';
import {
  PERMISSIONS,
  type CalendarTokenResponse,
  type SettingsDto,
} from '@mezzo/shared-contracts';
import { UpdateSettingsDto } from './settings.dto';
import { SettingsService } from './settings.service';

@ApiTags('settings')
@ApiBearerAuth()
@Controller('me')
export class SettingsController {
  constructor(private readonly settings: SettingsService) {}

  @RequirePermission(PERMISSIONS.accountRead)
  @Get('settings')
  get(@CurrentUser() user: RequestUser): Promise<SettingsDto> {
    return this.settings.get(user.id);
  }

  @RequirePermission(PERMISSIONS.accountWrite)
  @Patch('settings')
  update(
    @CurrentUser() user: RequestUser,
    @Body() body: UpdateSettingsDto,
  ): Promise<SettingsDto> {
    return this.settings.update(user.id, body);
  }

  @RequirePermission(PERMISSIONS.accountWrite)
  @Post('calendar-token')
  @HttpCode(201)
  issueCalendarToken(
    @CurrentUser() user: RequestUser,
  ): Promise<CalendarTokenResponse> {
    return this.settings.issueCalendarToken(user.id);
  }

  @RequirePermission(PERMISSIONS.accountWrite)
  @Delete('calendar-token')
  @HttpCode(204)
  revokeCalendarToken(@CurrentUser() user: RequestUser): Promise<void> {
    return this.settings.revokeCalendarToken(user.id);
  }
}
