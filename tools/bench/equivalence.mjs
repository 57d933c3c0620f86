// `npm run -s engine:equivalence -- <git ref> [--seeds 1,2,3] [--count 3000] [--licensees 2000] [--malformed 600]`
//
// Runs the working tree's engine and the ref's (checked out in a temporary worktree) on the same
// generated inputs, benchmark licensees and broken transcripts (`equivalence.ts`), and prints how many outputs are
// identical, differ in counts (status, hours, exclusions, errors: exit 1) or only in which credits
// carry the hours. The check behind every "same output" claim in docs/ENGINE.md.
import { spawnSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { withWorktree } from './worktree.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const [ref, ...rest] = process.argv.slice(2);
if (!ref || ref.startsWith('--')) {
  process.stderr.write(
    'usage: npm run -s engine:equivalence -- <git ref> [--seeds 1,2,3] [--count 3000] [--licensees 2000] [--malformed 600]\n',
  );
  process.exit(2);
}
let status = 1;
try {
  status = await withWorktree(root, ref, (worktree) => {
    // Through run.mjs, as every benchmark runs (TypeScript with the workspace's settings, TZ=UTC).
    const run = spawnSync(
      process.execPath,
      [
        join(root, 'tools/bench/run.mjs'),
        'equivalence',
        '--ref-engine',
        join(worktree, 'libs/compliance/engine/src'),
        ...rest,
      ],
      { cwd: root, stdio: 'inherit' },
    );
    return run.status ?? 1;
  });
} catch (err) {
  process.stderr.write(`${err.message}\n`);
}
process.exit(status);
