export * from './lib/licenses.module';
export { LicensesService } from './lib/licenses.service';
export { ComplianceService } from './lib/compliance.service';
export { ComplianceQueryDto } from './lib/licenses.dto';
