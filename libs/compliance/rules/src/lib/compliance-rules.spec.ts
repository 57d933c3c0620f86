import { complianceRules } from './compliance-rules';

describe('complianceRules', () => {
  it('should work', () => {
    expect(complianceRules()).toEqual('compliance-rules');
  });
});
