// A git ref checked out in a temporary worktree (with the working tree's node_modules linked in),
// for benchmarks and checks that compare it with the working tree; removed afterwards.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export async function withWorktree(root, ref, fn) {
  const dir = mkdtempSync(join(tmpdir(), 'mezzo-ref-'));
  const worktree = join(dir, 'ref');
  try {
    execFileSync('git', ['worktree', 'add', '--detach', worktree, ref], {
      cwd: root,
      stdio: 'ignore',
    });
    // The ref runs with today's installed packages (the same versions unless package-lock.json changed).
    symlinkSync(join(root, 'node_modules'), join(worktree, 'node_modules'));
    return await fn(worktree);
  } finally {
    spawnSync('git', ['worktree', 'remove', '--force', worktree], {
      cwd: root,
      stdio: 'ignore',
    });
    rmSync(dir, { recursive: true, force: true });
  }
}
