import { Module } from '@nestjs/common';
import { ComplianceService } from './compliance.service';
import { LicensesController } from './licenses.controller';
import { LicensesService } from './licenses.service';
import { TranscriptService } from './transcript.service';

@Module({
  controllers: [LicensesController],
  providers: [LicensesService, ComplianceService, TranscriptService],
  exports: [LicensesService, ComplianceService],
})
export class LicensesModule {}
