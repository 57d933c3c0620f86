export * from './lib/model/vocabulary.types';
export * from './lib/model/rule-set.types';
export * from './lib/model/transcript.types';
export * from './lib/model/evaluation.types';
export { evaluate, type EvaluateOptions, type EvaluateRules } from './lib/evaluate/evaluate';
export { validateTranscript, transcriptSchema, type TranscriptValidation, type TranscriptValidationError } from './lib/schema/validate-transcript';
export { toContactHours, type CreditUnit } from './lib/convert/contact-hours';
export { compileRuleSet, type CompiledRuleSet } from './lib/compile/compile-rules';
export { EngineError, type EngineErrorCode } from './lib/errors';
