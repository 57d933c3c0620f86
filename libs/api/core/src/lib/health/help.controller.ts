import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { APP_CONFIG, type AppConfig } from '@mezzo/api-config';
import type { HelpInfo } from '@mezzo/shared-contracts';
import { Public } from '../access/access.decorators';

@ApiTags('help')
@Controller('help')
export class HelpController {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /**
   * Where to get help, for anyone (signed in or not): the Help page, and the pages that send
   * someone to support (a taken-over account whose undo link no longer works).
   */
  @Public()
  @Get()
  @ApiOkResponse({ description: '{ supportEmail: "support@example.org" }' })
  help(): HelpInfo {
    return { supportEmail: this.config.supportEmail };
  }
}
