#!/usr/bin/env node
// Prints the definition the app gives Zapier, as JSON, so that a change meant to move code without
// changing behaviour (a restructure of src/) can be checked byte for byte: dump before, dump after, diff.
//   npm run build && node scripts/dump-definition.js > before.json
//   node scripts/dump-definition.js --without-source > shape.json
// `definition` is what zapier-platform-core answers Zapier's `definition` command with (its
// schemaTools.serializeApp: every function replaced by a `$func$arity$f$` marker). `functions` names
// every function of the app object by its path, with its name, arity and a hash of its compiled
// source; `--without-source` leaves the hash out (code that moved between files compiles to
// different text even when it does the same).
'use strict';
const { createHash } = require('node:crypto');
const path = require('node:path');

const root = path.join(__dirname, '..');
const withSource = !process.argv.includes('--without-source');
const app = require(path.join(root, 'index.js'));
const schemaTools = require(path.join(root, 'node_modules', 'zapier-platform-core', 'src', 'tools', 'schema.js'));

const functions = {};
const seen = new Set();
const walk = (value, at) => {
  if (typeof value === 'function') {
    const entry = { name: value.name, arity: value.length };
    if (withSource) entry.sha256 = createHash('sha256').update(value.toString()).digest('hex').slice(0, 16);
    functions[at] = entry;
    return;
  }
  if (value === null || typeof value !== 'object' || seen.has(value)) return;
  seen.add(value);
  for (const [key, child] of Object.entries(value)) walk(child, at === '' ? key : `${at}.${key}`);
  seen.delete(value);
};
walk(app, '');

const definition = schemaTools.serializeApp(schemaTools.compileApp(app));
process.stdout.write(`${JSON.stringify({ definition, functions }, null, 2)}\n`);
