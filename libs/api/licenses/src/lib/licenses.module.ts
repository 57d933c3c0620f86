import { Module } from '@nestjs/common';
import { ComplianceService } from './compliance.service';
import { LicensesController } from './licenses.controller';
import { LicensesService } from './licenses.service';

@Module({
  controllers: [LicensesController],
  providers: [LicensesService, ComplianceService],
})
export class LicensesModule {}
