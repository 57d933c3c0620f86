// @ts-check
'use strict';

/**
 * The workspace's own ESLint plugin. CommonJS so that the root eslint.config.mjs can import it
 * directly (`import mezzo from './tools/eslint-rules/index.cjs'`) and jest can require it.
 */
const requireRouteAccess = require('./src/rules/require-route-access.cjs');

module.exports = {
  meta: { name: 'mezzo' },
  rules: {
    'require-route-access': requireRouteAccess,
  },
};
