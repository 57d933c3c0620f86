const nxPreset = require('@nx/jest/preset').default;

process.env.TZ = 'UTC';

module.exports = { ...nxPreset };
