export * from './lib/credits.module';
export { CreditInputDto } from './lib/credits.dto';
export { checkCredit, creditProblems } from './lib/credits.service';
export { checkCreditInput, type CreditInputCheck } from './lib/credit-input';
