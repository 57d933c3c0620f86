import { Controller, Get, HttpCode, Post, Query, Res } from '@nestjs/common';
import { ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Public } from '@mezzo/api-core';
import type { Response } from 'express';
import { UNSUBSCRIBE_PAGE_HEADERS } from './unsubscribe-page.template';
import { UnsubscribeService } from './unsubscribe.service';

/**
 * The URL of a reminder email's `List-Unsubscribe` header and footer link. Public: the signed
 * token in the query string is the credential. The page headers are set only on success, so an
 * error keeps the JSON error body's own type.
 */
@ApiTags('reminders')
@Controller('reminders/unsubscribe')
export class UnsubscribeController {
  constructor(private readonly unsubscribe: UnsubscribeService) {}

  /** A page with a button that POSTs; changes nothing (link scanners fetch every GET). 400 page for a bad token. */
  @Public()
  @Get()
  @ApiProduces('text/html')
  @ApiQuery({ name: 'token', type: String })
  page(
    @Query('token') token: unknown,
    @Res({ passthrough: true }) res: Response,
  ): string {
    const { status, html } = this.unsubscribe.page(token);
    res.status(status).set(UNSUBSCRIBE_PAGE_HEADERS);
    return html;
  }

  /** RFC 8058 one-click: turns the switch off, whatever the body (`List-Unsubscribe=One-Click`). 400 invalid_unsubscribe_token. */
  @Public()
  @Post()
  @HttpCode(200)
  @ApiProduces('text/html')
  @ApiQuery({ name: 'token', type: String })
  async confirm(
    @Query('token') token: unknown,
    @Res({ passthrough: true }) res: Response,
  ): Promise<string> {
    const html = await this.unsubscribe.unsubscribe(token);
    res.set(UNSUBSCRIBE_PAGE_HEADERS);
    return html;
  }
}
