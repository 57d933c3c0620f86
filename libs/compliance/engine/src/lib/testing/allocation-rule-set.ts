/**
 * One 10-rule set shared by the allocation property specs (certified greedy, piece merge): minimums
 * that overlap (clinical vs ethics exclusive), a once-per-career one, a negated practice cap, a
 * per-credit cap and two format caps. NEED and LIMIT are its minimums and caps in hundredths.
 */
import { compileRuleSet } from '../compile/compile-rules';
import { cap, req, testSource, version } from './fixtures';

export const compiled = compileRuleSet(
  version({
    requirements: [
      req('topic:ethics', 3, { topics: ['ethics'] }),
      req('topic:cultural-competence', 2, { topics: ['cultural-competence'] }),
      req('practice:clinical', 15, { practice: 'clinical' }),
      req('format:live', 8, { formats: ['live-in-person', 'live-online'] }),
      req(
        'topic:supervision',
        2,
        { topics: ['supervision'] },
        { frequency: { kind: 'once-per-career' } },
      ),
    ],
    caps: [
      cap('cap:format:self-study', 10, { formats: ['self-study'] }),
      cap(
        'cap:practice:non-clinical',
        12,
        { practice: 'clinical' },
        { negate: true },
      ),
      cap(
        'cap:activity:teaching',
        4,
        { formats: ['teaching'] },
        { perCredit: true },
      ),
      cap('cap:format:publication', 3, { formats: ['publication'] }),
    ],
    overlap: { exclusive: [['practice:clinical', 'topic:ethics']] },
    approvals: { refused: [], source: testSource },
  }),
);
export const NEED = [300, 200, 1500, 800, 200];
export const LIMIT = [1000, 1200, 400, 300];
