/**
 * Build size: the build.zip that `npm run zip` makes (scripts/zapier-stage.sh build, offline, the
 * dependencies installed once by the staging copy), for the app and the template alike.
 */
import { copyFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { ROOT, run } from './lib';

function buildZip(appDir: string): number {
  run('bash', ['scripts/zapier-stage.sh', 'build', '--skip-validation', '--skip-dep-install'], ROOT, {
    APP_DIR: appDir,
  });
  return statSync(path.join(appDir, 'build', 'build.zip')).size;
}

export function buildSizes(templateDir: string): { app: number; template: number } {
  // The template gets the same .zapierapprc fix (includeInBuild), without which Zapier's own
  // build fails on Node 22.12+ even for an untouched template.
  copyFileSync(path.join(ROOT, '.zapierapprc'), path.join(templateDir, '.zapierapprc'));
  return { app: buildZip(ROOT), template: buildZip(templateDir) };
}
