import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join, resolve } from 'node:path';

/**
 * The production image installs `dependencies` only (`npm ci --omit=dev`, see Dockerfile). Every
 * package the built API, worker and CLI require must therefore be a direct production dependency:
 * one that is only there transitively, or only hoisted by a dev tool, works in development and
 * crashes the image at start (as `express` once did).
 */
const root = resolve(__dirname, '../../..');
const bundles = [
  'dist/apps/api/main.js',
  'dist/apps/api/worker.js',
  'dist/apps/cli/main.js',
];

function packageOf(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0];
}

describe('runtime dependencies of the built apps', () => {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
    dependencies: Record<string, string>;
  };
  const builtins = new Set(builtinModules);

  it.each(bundles)('%s requires only production dependencies', (bundle) => {
    const code = readFileSync(join(root, bundle), 'utf8');
    const required = new Set(
      [...code.matchAll(/require\("([^"./][^"]*)"\)/g)]
        .map((m) => m[1])
        .filter((s) => !s.startsWith('node:') && !builtins.has(s))
        .map(packageOf),
    );
    expect(required.size).toBeGreaterThan(0);
    const missing = [...required].filter((p) => !(p in pkg.dependencies));
    expect(missing).toEqual([]);
  });
});
