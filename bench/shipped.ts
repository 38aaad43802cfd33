/**
 * The app as build.zip ships it: scripts/bundle.sh (the same esbuild bundle `npm run zip` stages)
 * under .bench/shipped/, with the staged index.js and package.json beside it. zapier-platform-core
 * resolves from the project's node_modules, as it does for the template, so both load one core.
 */
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { ROOT, run, WORK } from './lib';

export const SHIPPED_DIR = path.join(WORK, 'shipped');

/** Builds the shipped bundle anew (the sources may have changed) and returns its entry (index.js). */
export function prepareShipped(): string {
  rmSync(SHIPPED_DIR, { recursive: true, force: true });
  mkdirSync(path.join(SHIPPED_DIR, 'lib'), { recursive: true });
  run('bash', [path.join(ROOT, 'scripts', 'bundle.sh'), path.join(SHIPPED_DIR, 'lib', 'index.js')]);
  for (const file of ['index.js', 'package.json']) copyFileSync(path.join(ROOT, file), path.join(SHIPPED_DIR, file));
  return path.join(SHIPPED_DIR, 'index.js');
}
