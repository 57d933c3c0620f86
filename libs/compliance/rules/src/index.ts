export {
  validateRuleSetFile,
  assertValidRuleSetFile,
  isValidIsoDate,
  RuleSetValidationError,
  RULE_SET_SCHEMA,
  type RuleSetIssue,
} from './lib/validate';
export {
  loadRuleSets,
  validateAllRuleSets,
  findJurisdiction,
  findLicenseType,
  listLicenseTypes,
  versionInForce,
  type LicenseTypeSummary,
} from './lib/registry';
