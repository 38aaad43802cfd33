/**
 * What ships is not lib/ but one esbuild bundle of src/ (scripts/bundle.sh, used by
 * scripts/zapier-stage.sh for build.zip): it must define exactly the app the tests run, and run.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import { createAppTester } from 'zapier-platform-core';
import App from '../../src/index';
import { caught } from '../support/zapier-error';

const ROOT = path.join(__dirname, '..', '..');
const asJson = (app: unknown) =>
  JSON.stringify(app, (_key, value: unknown) => (typeof value === 'function' ? `fn/${value.length}` : value));

describe('the shipped bundle', () => {
  // Inside the project (build/ is git-ignored), so the bundle finds zapier-platform-core as it does in build.zip.
  mkdirSync(path.join(ROOT, 'build'), { recursive: true });
  const dir = mkdtempSync(path.join(ROOT, 'build', 'bundle-test-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('defines the same app as the sources, and refuses bad input as they do', async () => {
    const file = path.join(dir, 'index.js');
    execFileSync(path.join(ROOT, 'scripts', 'bundle.sh'), [file], { stdio: 'pipe' });
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the bundle is CommonJS, built just now
    const bundled = (require(file) as { default: typeof App }).default;
    expect(asJson(bundled)).toBe(asJson(App));
    const perform = bundled.creates!.justclick_update_order_status!.operation.perform as never;
    const error = await caught(
      createAppTester(bundled)(perform, {
        authData: { justclick_login: 'my shop', justclick_secret: 'k' },
        inputData: { bill_id: '1', status: 'paid' },
      }),
    );
    expect(error.message).toMatch(/^JustClick Login: expected the first part of your JustClick address/);
  }, 60_000);
});
