import {
  Controller,
  Get,
  Inject,
  Param,
  Query,
  StreamableFile,
} from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import {
  CurrentUser,
  RequirePermission,
  type RequestUser,
  uuidParam,
} from '@mezzo/api-core';
import { ComplianceQueryDto, LicensesService } from '@mezzo/api-licenses';
import { PERMISSIONS } from '@mezzo/shared-contracts';
import archiver from 'archiver';
import {
  CERTIFICATE_STORAGE,
  type CertificateStorage,
} from './storage/certificate-storage';

const Id = uuidParam('License');

/**
 * The audit packet as one ZIP: the PDF transcript and every certificate of the cycle's credits,
 * named by date and title. A certificate whose bytes are missing is listed in MISSING.txt rather
 * than failing the whole download.
 */
@ApiTags('licenses')
@ApiBearerAuth()
@Controller('licenses')
export class AuditPacketController {
  constructor(
    private readonly licenses: LicensesService,
    @Inject(CERTIFICATE_STORAGE) private readonly storage: CertificateStorage,
  ) {}

  @RequirePermission(PERMISSIONS.licensesRead)
  @Get(':id/audit-packet.zip')
  @ApiProduces('application/zip')
  async zip(
    @CurrentUser() user: RequestUser,
    @Param('id', Id) id: string,
    // The same asOf rules as the compliance view and the PDF: a real date, 1950–2200.
    @Query() q: ComplianceQueryDto,
  ): Promise<StreamableFile> {
    const packet = await this.licenses.auditPacket(
      user.id,
      id,
      q.asOf ?? new Date().toISOString().slice(0, 10),
    );
    // Fetch every file before the first byte is sent, so a storage failure is still a clean error.
    const files = await Promise.all(
      packet.certificates.map(async (c) => ({
        c,
        bytes: await this.storage.get(c.storageKey),
      })),
    );
    const archive = archiver('zip', { zlib: { level: 6 } });
    archive.append(packet.pdf, { name: `${packet.baseName}/transcript.pdf` });
    const used = new Set<string>();
    const missing: string[] = [];
    for (const { c, bytes } of files) {
      const name = uniqueName(
        used,
        `${c.about.completedOn} ${slug(c.about.title)} - ${c.fileName}`,
      );
      if (bytes)
        archive.append(bytes, {
          name: `${packet.baseName}/certificates/${name}`,
        });
      else missing.push(`${name} (SHA-256 ${c.sha256})`);
    }
    if (missing.length)
      archive.append(
        `These certificates are recorded but their files could not be read:\n${missing.join('\n')}\n`,
        { name: `${packet.baseName}/MISSING.txt` },
      );
    void archive.finalize();
    return new StreamableFile(archive, {
      type: 'application/zip',
      disposition: `attachment; filename="${packet.baseName}.zip"`,
    });
  }
}

function slug(title: string): string {
  return (
    title
      .replace(/[^\p{L}\p{N} ._-]+/gu, '')
      .trim()
      .slice(0, 60) || 'credit'
  );
}

function uniqueName(used: Set<string>, name: string): string {
  let candidate = name;
  for (let i = 2; used.has(candidate); i++)
    candidate = name.replace(/(\.[^.]+)?$/, ` (${i})$1`);
  used.add(candidate);
  return candidate;
}
