import {
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  Post,
  Res,
  StreamableFile,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiOkResponse,
  ApiProduces,
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
  type CertificateDto,
  type PrefillResultDto,
} from '@mezzo/shared-contracts';
import type { Response } from 'express';
import {
  CertificateUploadInterceptor,
  requireFile,
} from './certificate-upload';
import { CertificatesService } from './certificates.service';

const CreditId = uuidParam('Credit');
const CertificateId = uuidParam('Certificate');
const FILE_BODY = {
  schema: {
    type: 'object',
    required: ['file'],
    properties: { file: { type: 'string', format: 'binary' } },
  },
};

@ApiTags('certificates')
@ApiBearerAuth()
@Controller()
export class CertificatesController {
  constructor(private readonly certificates: CertificatesService) {}

  @RequirePermission(PERMISSIONS.creditsWrite)
  @Post('credits/:creditId/certificates')
  @HttpCode(201)
  @ApiOkResponse({
    description:
      'The same file is already attached to this credit: that certificate',
  })
  @UseInterceptors(CertificateUploadInterceptor)
  @ApiConsumes('multipart/form-data')
  @ApiBody(FILE_BODY)
  async upload(
    @CurrentUser() user: RequestUser,
    @Param('creditId', CreditId) creditId: string,
    @UploadedFile() file: Express.Multer.File | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CertificateDto> {
    const { alreadyAttached, ...certificate } = await this.certificates.upload(
      user.id,
      creditId,
      requireFile(file),
    );
    // The same bytes were already attached to this credit: that certificate, not a second one.
    if (alreadyAttached) res.status(200);
    return certificate;
  }

  @RequirePermission(PERMISSIONS.creditsRead)
  @Get('credits/:creditId/certificates')
  list(
    @CurrentUser() user: RequestUser,
    @Param('creditId', CreditId) creditId: string,
  ): Promise<CertificateDto[]> {
    return this.certificates.list(user.id, creditId);
  }

  @RequirePermission(PERMISSIONS.creditsRead)
  @Get('certificates/:id/download')
  @ApiProduces('application/pdf', 'image/png', 'image/jpeg')
  async download(
    @CurrentUser() user: RequestUser,
    @Param('id', CertificateId) id: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const file = await this.certificates.download(user.id, id);
    // attachment() would also guess a type from the name; the sniffed type is the truth.
    res.attachment(file.fileName);
    res.setHeader('Content-Type', file.mediaType);
    res.setHeader('X-Content-SHA256', file.sha256);
    res.setHeader('Cache-Control', 'private, no-store');
    return new StreamableFile(file.bytes, {
      type: file.mediaType,
      length: file.bytes.length,
    });
  }

  @RequirePermission(PERMISSIONS.creditsWrite)
  @Delete('certificates/:id')
  @HttpCode(204)
  remove(
    @CurrentUser() user: RequestUser,
    @Param('id', CertificateId) id: string,
  ): Promise<void> {
    return this.certificates.remove(user.id, id);
  }

  @RequirePermission(PERMISSIONS.creditsWrite)
  @Post('certificates/prefill')
  @HttpCode(200)
  @UseInterceptors(CertificateUploadInterceptor)
  @ApiConsumes('multipart/form-data')
  @ApiBody(FILE_BODY)
  prefill(
    @UploadedFile() file: Express.Multer.File | undefined,
  ): Promise<PrefillResultDto> {
    return this.certificates.prefill(requireFile(file));
  }
}
