import { Controller, Get, HttpCode } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { Public } from '../access/access.decorators';
import { AppError } from '../errors/app-error';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Liveness and database reachability, for load balancers and the compose health check. */
  @Public()
  @Get()
  @HttpCode(200)
  @ApiOkResponse({ description: '{ status: "ok", database: "up" }' })
  async health(): Promise<{ status: 'ok'; database: 'up' }> {
    try {
      await this.db.query('SELECT 1');
    } catch {
      throw new AppError(503, 'internal_error', 'Database unreachable');
    }
    return { status: 'ok', database: 'up' };
  }
}
