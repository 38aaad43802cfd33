/**
 * `npm run demo` keeps working: the demo script runs against the built app (lib/, which
 * `npm test` builds first) and must pass every step and exit 0.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

const root = path.join(__dirname, '..', '..');

it('the demo runs every Zap against the sandbox and exits 0', () => {
  expect(existsSync(path.join(root, 'lib', 'index.js'))).toBe(true); // run `npm run build` first
  const result = spawnSync(path.join(root, 'node_modules', '.bin', 'tsx'), [path.join(root, 'sandbox', 'demo.ts')], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
    timeout: 60_000,
  });
  expect(result.stderr).toBe('');
  expect(result.stdout).toContain('✓ 8 of 8 Zaps did what they should');
  expect(result.stdout).toContain('5. JustClick order paid → buyer checked → parcel tracked');
  expect(result.stdout).toContain(
    '6. New order → courier order in MeaSoft → status polled → JustClick order marked sent',
  );
  expect(result.stdout).toContain('7. Refund → buyer taken out of the JustClick group "buyers"');
  expect(result.stdout).toContain('✓ the buyer left "buyers": its mailings stop');
  expect(result.stdout).toContain(
    '8. New order → price quoted → pickup point found → courier order there → phone corrected',
  );
  expect(result.stdout).toContain(
    '✓ the courier order goes to pickup point 210 by the quoted mode, with the quoted fee',
  );
  expect(result.stdout).toContain('✓ the phone is corrected; the order still goes to the pickup point');
  expect(result.stdout).not.toContain('✗');
  expect(result.status).toBe(0);
}, 70_000);
