export function complianceRules(): string {
  return 'compliance-rules';
}
