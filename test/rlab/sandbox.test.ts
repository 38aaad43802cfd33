/**
 * End to end against the project's sandbox emulators (sandbox/), which check every key from the
 * vendor document's formulas independently of src/: the six operations and the connection test.
 */
import { createAppTester } from 'zapier-platform-core';
import { connectionLabel, test as connectionTest } from '../../src/authentication';
import App from '../../src/index';
import { perform as addTrack } from '../../src/rlab/add-track';
import { perform as blacklistCheck } from '../../src/rlab/blacklist-check';
import { perform as deleteTrack } from '../../src/rlab/delete-track';
import { perform as notificationHistory } from '../../src/rlab/notification-history';
import { perform as trackInfo } from '../../src/rlab/track-info';
import { perform as updateTrack } from '../../src/rlab/update-track';
import { applyEnv, startSandbox, type Sandbox } from '../../sandbox';

const appTester = createAppTester(App);
let sandbox: Sandbox;
let restoreEnv: () => void;
let authData: Record<string, string>;

beforeAll(async () => {
  sandbox = await startSandbox();
  restoreEnv = applyEnv(sandbox.urls);
  authData = { rlab_user_id: sandbox.accounts.rlab_user_id, rlab_api_key: sandbox.accounts.rlab_api_key };
});

afterAll(async () => {
  restoreEnv();
  await sandbox.stop();
});

describe('R-Lab operations against the sandbox', () => {
  it('connects and shows the balance', async () => {
    const info = await appTester(connectionTest, { authData });
    expect(await connectionLabel({} as never, { inputData: info } as never)).toMatch(
      /^R-Lab user \S+ \(balance \d+ tracks, /,
    );
  });

  it('adds, updates, finds and deletes tracks', async () => {
    const added = await appTester(addTrack, {
      authData,
      inputData: {
        track: ['SBX000000001RU', 'SBX000000002RU'],
        phone: ['8 916 000-00-01', ''],
        name: ['Анна', 'Борис'],
        order_number: ['A-1', 'A-2'],
      },
    });
    expect(added).toMatchObject({ track_count: 2, result_state: 0 });
    const stored = sandbox.rlabState.track(authData.rlab_user_id!, 'SBX000000001RU');
    expect(stored).toMatchObject({ phone: '79160000001', name: 'Анна', orderNumber: 'A-1' });

    await appTester(updateTrack, { authData, inputData: { track: ['SBX000000001RU'], name: ['Анна Петрова'] } });
    expect(sandbox.rlabState.track(authData.rlab_user_id!, 'SBX000000001RU')).toMatchObject({
      phone: '79160000001',
      name: 'Анна Петрова',
      orderNumber: 'A-1',
    });

    const [info] = await appTester(trackInfo, { authData, inputData: { track: '19191911187312' } });
    expect(info).toMatchObject({ trackNumber: '19191911187312', trackMainStatus: 9 });

    await appTester(deleteTrack, { authData, inputData: { track: ['SBX000000002RU'] } });
    expect(sandbox.rlabState.track(authData.rlab_user_id!, 'SBX000000002RU')).toBeUndefined();
  });

  it('finds notification history and blacklist records', async () => {
    const [history] = await appTester(notificationHistory, { authData, inputData: { track: '80085275412345' } });
    expect(history).toMatchObject({ track: '80085275412345', result_label: 'Finished: Delivered' });
    expect(history!.sms.length).toBeGreaterThan(0);

    const [record] = await appTester(blacklistCheck, {
      authData,
      inputData: { phone: '+7 916 000-00-13', include_history: 'yes' },
    });
    expect(record).toMatchObject({ blackPhone: '79160000013', blackCancelCount: 9, history_included: true });
  });
});
