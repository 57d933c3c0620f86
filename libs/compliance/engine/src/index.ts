export * from './lib/model/vocabulary.types';
export * from './lib/model/rule-set.types';
export * from './lib/model/transcript.types';
export * from './lib/model/evaluation.types';
