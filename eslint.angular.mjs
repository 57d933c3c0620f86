/**
 * The lint config of every Angular project (apps/web, libs/web/*): Nx's Angular rules, the
 * workspace's, the `mz` selector prefix, and template accessibility (a house rule). Each project's
 * eslint.config.mjs re-exports it, so no project can drift from it.
 */
import nx from '@nx/eslint-plugin';
import angular from 'angular-eslint';
import baseConfig from './eslint.config.mjs';

export default [
  ...nx.configs['flat/angular'],
  ...nx.configs['flat/angular-template'],
  ...baseConfig,
  {
    files: ['**/*.ts'],
    rules: {
      '@angular-eslint/directive-selector': [
        'error',
        {
          type: 'attribute',
          prefix: 'mz',
          style: 'camelCase',
        },
      ],
      '@angular-eslint/component-selector': [
        'error',
        {
          type: 'element',
          prefix: 'mz',
          style: 'kebab-case',
        },
      ],
    },
  },
  {
    files: ['**/*.html'],
    // Accessibility is a house rule (ARCHITECTURE.md, Frontend habits): lint the templates for it.
    rules: Object.assign(
      {},
      ...angular.configs.templateAccessibility.map((c) => c.rules ?? {}),
    ),
  },
];
