/** `npm run sandbox -- --write-env` merges into an existing .env and never loses a line (sandbox/env-file.ts). */
import { parse } from 'dotenv';
import { describeMerge, KEPT_PREFIX, mergeEnv } from '../../sandbox/env-file';

const SANDBOX = ['MEASOFT_BASE_URL=http://127.0.0.1:18406/api/', 'authData_measoft_password=sandbox-measoft-pass'];

describe('sandbox: merging into .env', () => {
  it('writes a new file when there is none', () => {
    const merge = mergeEnv(undefined, SANDBOX);
    expect(merge.text).toBe(
      `# Written by npm run sandbox: the local sandbox, not real accounts.\n${SANDBOX.join('\n')}\n`,
    );
    expect(merge.added).toEqual(['MEASOFT_BASE_URL', 'authData_measoft_password']);
  });

  it("keeps the user's other lines, keeps a replaced real credential as a comment, and says what changed by name", () => {
    const existing = [
      '# my real shop',
      'authData_measoft_password="real secret"',
      'export OTHER_VAR = keep me',
      '',
      'authData_measoft_password=later',
    ].join('\n');
    const merge = mergeEnv(`${existing}\n`, SANDBOX);
    expect(merge.text).toBe(
      [
        '# my real shop',
        `${KEPT_PREFIX}authData_measoft_password="real secret"`,
        'authData_measoft_password=sandbox-measoft-pass',
        'export OTHER_VAR = keep me',
        '',
        `${KEPT_PREFIX}authData_measoft_password=later`,
        '',
        '# Written by npm run sandbox: the local sandbox, not real accounts.',
        'MEASOFT_BASE_URL=http://127.0.0.1:18406/api/',
        '',
      ].join('\n'),
    );
    // What `zapier-platform invoke` will read (dotenv): the sandbox's values, and the user's own variable.
    expect(parse(merge.text)).toEqual({
      OTHER_VAR: 'keep me',
      authData_measoft_password: 'sandbox-measoft-pass',
      MEASOFT_BASE_URL: 'http://127.0.0.1:18406/api/',
    });
    expect(merge).toMatchObject({ added: ['MEASOFT_BASE_URL'], changed: ['authData_measoft_password'] });
    const said = describeMerge('.env', merge);
    expect(said).toMatch(/^\.env: added MEASOFT_BASE_URL; changed authData_measoft_password \(the previous lines/);
    expect(said).not.toMatch(/real secret|sandbox-measoft-pass/);
  });

  it('a second run changes nothing, and CRLF files stay CRLF', () => {
    const first = mergeEnv('A=1\r\nauthData_measoft_password=x\r\n', SANDBOX);
    expect(first.text.split('\r\n')).toHaveLength(7);
    expect(first.text.replace(/\r\n/g, '')).not.toContain('\n');
    const second = mergeEnv(first.text, SANDBOX);
    expect(second.text).toBe(first.text);
    expect(second).toMatchObject({
      added: [],
      changed: [],
      unchanged: ['authData_measoft_password', 'MEASOFT_BASE_URL'],
    });
  });

  it('reads quoted and commented values as dotenv does, so an equal value is left alone', () => {
    const merge = mergeEnv(`MEASOFT_BASE_URL='http://127.0.0.1:18406/api/' # sandbox\n`, SANDBOX.slice(0, 1));
    expect(merge).toMatchObject({ changed: [], unchanged: ['MEASOFT_BASE_URL'] });
  });
});
