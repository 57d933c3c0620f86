import {
  Body,
  Controller,
  Delete,
  Get,
  Header,
  HttpCode,
  Patch,
  Res,
} from '@nestjs/common';
import { ApiBearerAuth, ApiProperty, ApiTags } from '@nestjs/swagger';
import {
  CurrentUser,
  RequirePermission,
  type RequestUser,
} from '@mezzo/api-core';
import {
  PERMISSIONS,
  REFRESH_COOKIE,
  type AccountExportDto,
  type DeleteAccountRequest,
  type UserDto,
} from '@mezzo/shared-contracts';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import type { Response } from 'express';
import { AccountService } from './account.service';
import { UpdateProfileDto } from './dto/auth.dto';

export class DeleteAccountDto implements DeleteAccountRequest {
  @ApiProperty()
  @IsString()
  @IsNotEmpty({ message: 'password is required to delete the account' })
  @MaxLength(200)
  password!: string;
}

@ApiTags('account')
@ApiBearerAuth()
@Controller('me')
export class AccountController {
  constructor(private readonly account: AccountService) {}

  /** Changes the name (the email changes through POST /me/email, which checks the new address first). */
  @RequirePermission(PERMISSIONS.accountWrite)
  @Patch()
  update(
    @CurrentUser() user: RequestUser,
    @Body() body: UpdateProfileDto,
  ): Promise<UserDto> {
    return this.account.rename(user.id, body.name);
  }

  @RequirePermission(PERMISSIONS.accountRead)
  @Get('export')
  @Header('Content-Disposition', 'attachment; filename="mezzo-export.json"')
  export(@CurrentUser() user: RequestUser): Promise<AccountExportDto> {
    return this.account.export(user.id);
  }

  @RequirePermission(PERMISSIONS.accountWrite)
  @Delete()
  @HttpCode(204)
  async remove(
    @CurrentUser() user: RequestUser,
    @Body() body: DeleteAccountDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<void> {
    await this.account.delete(user.id, body.password);
    res.clearCookie(REFRESH_COOKIE, { path: '/api/auth' });
  }
}
