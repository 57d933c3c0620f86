import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  Patch,
  Post,
  Put,
  Query,
  Res,
  StreamableFile,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiOkResponse,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import {
  CurrentUser,
  RequirePermission,
  type RequestUser,
  sendPreparedJson,
  todayIso,
  uuidParam,
} from '@mezzo/api-core';
import type { Response } from 'express';
import {
  PERMISSIONS,
  type ApprovalBodyDto,
  type LicenseDto,
  type LicenseTypeOptionDto,
} from '@mezzo/shared-contracts';
import {
  ComplianceQueryDto,
  CreateLicenseDto,
  ListLicensesQueryDto,
  RenewedThroughDto,
  UpdateLicenseDto,
} from './licenses.dto';
import { LicensesService } from './licenses.service';
import {
  TranscriptService,
  type TranscriptImportResult,
} from './transcript.service';
import type { Transcript } from '@mezzo/compliance-engine';
import { transcriptOpenApiSchema } from './transcript-openapi';

const Id = uuidParam('License');

@ApiTags('licenses')
@ApiBearerAuth()
@Controller()
export class LicensesController {
  constructor(
    private readonly licenses: LicensesService,
    private readonly transcripts: TranscriptService,
  ) {}

  @RequirePermission(PERMISSIONS.licensesRead)
  @Get('rule-sets')
  ruleSets(): LicenseTypeOptionDto[] {
    return this.licenses.ruleSetOptions(todayIso());
  }

  @RequirePermission(PERMISSIONS.licensesRead)
  @Get('approval-bodies')
  approvalBodies(): ApprovalBodyDto[] {
    return this.licenses.approvalBodies();
  }

  @RequirePermission(PERMISSIONS.licensesRead)
  @Get('licenses')
  list(
    @CurrentUser() user: RequestUser,
    @Query() q: ListLicensesQueryDto,
  ): Promise<LicenseDto[]> {
    return this.licenses.list(user.id, q.includeRetired, todayIso());
  }

  @RequirePermission(PERMISSIONS.licensesWrite)
  @Post('licenses')
  @HttpCode(201)
  create(
    @CurrentUser() user: RequestUser,
    @Body() body: CreateLicenseDto,
  ): Promise<LicenseDto> {
    return this.licenses.create(user.id, body, todayIso());
  }

  @RequirePermission(PERMISSIONS.licensesRead)
  @Get('licenses/:id')
  get(
    @CurrentUser() user: RequestUser,
    @Param('id', Id) id: string,
  ): Promise<LicenseDto> {
    return this.licenses.get(user.id, id, todayIso());
  }

  @RequirePermission(PERMISSIONS.licensesWrite)
  @Patch('licenses/:id')
  update(
    @CurrentUser() user: RequestUser,
    @Param('id', Id) id: string,
    @Body() body: UpdateLicenseDto,
  ): Promise<LicenseDto> {
    return this.licenses.update(user.id, id, body, todayIso());
  }

  @RequirePermission(PERMISSIONS.licensesWrite)
  @Post('licenses/:id/retire')
  @HttpCode(200)
  retire(
    @CurrentUser() user: RequestUser,
    @Param('id', Id) id: string,
  ): Promise<LicenseDto> {
    return this.licenses.retire(user.id, id, todayIso());
  }

  /**
   * The licensee renewed for the cycle ending on `renewedThrough` (an overdue cycle then stops being
   * overdue); null withdraws it. 409 on a stale version.
   */
  @RequirePermission(PERMISSIONS.licensesWrite)
  @Put('licenses/:id/renewed-through')
  renewedThrough(
    @CurrentUser() user: RequestUser,
    @Param('id', Id) id: string,
    @Body() body: RenewedThroughDto,
  ): Promise<LicenseDto> {
    return this.licenses.setRenewedThrough(user.id, id, body, todayIso());
  }

  /** Undoes a retirement (409 when another active copy of the same license is tracked meanwhile). */
  @RequirePermission(PERMISSIONS.licensesWrite)
  @Post('licenses/:id/reinstate')
  @HttpCode(200)
  reinstate(
    @CurrentUser() user: RequestUser,
    @Param('id', Id) id: string,
  ): Promise<LicenseDto> {
    return this.licenses.reinstate(user.id, id, todayIso());
  }

  @RequirePermission(PERMISSIONS.licensesRead)
  @Get('licenses/:id/compliance')
  @ApiOkResponse({
    description:
      'ComplianceDto: { license, evaluation, overdue, rules, credits }, with a weak ETag (If-None-Match answers 304); rules: the board and the notes of the rule-set version that judged the cycle',
  })
  async compliance(
    @CurrentUser() user: RequestUser,
    @Param('id', Id) id: string,
    @Query() q: ComplianceQueryDto,
    @Res() res: Response,
  ): Promise<void> {
    // Sent already serialised: the view is cached as the JSON bytes the client receives.
    sendPreparedJson(
      res,
      await this.licenses.complianceView(user.id, id, q.asOf ?? todayIso()),
    );
  }

  @RequirePermission(PERMISSIONS.licensesRead)
  @Get('licenses/:id/audit-packet.pdf')
  @ApiProduces('application/pdf')
  async auditPacketPdf(
    @CurrentUser() user: RequestUser,
    @Param('id', Id) id: string,
    @Query() q: ComplianceQueryDto,
  ): Promise<StreamableFile> {
    const { pdf, baseName } = await this.licenses.auditPacket(
      user.id,
      id,
      q.asOf ?? todayIso(),
    );
    return new StreamableFile(pdf, {
      type: 'application/pdf',
      disposition: `attachment; filename="${baseName}.pdf"`,
      length: pdf.length,
    });
  }

  @RequirePermission(PERMISSIONS.licensesRead)
  @Get('licenses/:id/transcript')
  async transcript(
    @CurrentUser() user: RequestUser,
    @Param('id', Id) id: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<Transcript> {
    const { transcript, fileName } = await this.transcripts.export(user.id, id);
    res.setHeader('Content-Disposition', `attachment; filename="${fileName}"`);
    return transcript;
  }

  /**
   * Body: transcript JSON (docs/TRANSCRIPT.md), checked by the engine's JSON Schema with field paths
   * (a plain-object body type makes the global class-validator pipe pass it through untouched), then
   * each credit by the rules of POST /credits.
   */
  @RequirePermission(PERMISSIONS.creditsWrite)
  @Post('licenses/:id/transcript')
  @HttpCode(200)
  @ApiBody({
    description:
      "Transcript JSON (docs/TRANSCRIPT.md): the engine's transcript schema; each credit must also pass POST /credits' rules",
    schema: transcriptOpenApiSchema(),
  })
  @ApiOkResponse({
    description:
      'TranscriptImportResult: { created, skipped } (skipped = already in the log)',
  })
  importTranscript(
    @CurrentUser() user: RequestUser,
    @Param('id', Id) id: string,
    @Body() body: Record<string, unknown>,
  ): Promise<TranscriptImportResult> {
    return this.transcripts.import(user.id, id, body, todayIso());
  }
}
