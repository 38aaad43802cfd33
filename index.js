// Zapier's CLI and createAppTester load the app from here: the TypeScript in src/ compiled by `npm run build`.
module.exports = require('./lib/index.js').default;
