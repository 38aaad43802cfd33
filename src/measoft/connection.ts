/**
 * The connection test's MeaSoft part: proves the login, password and courier service code without changing anything.
 */
import type { Bundle, ZObject } from 'zapier-platform-core';
import { type Where } from '../common/failures';
import { requireMeasoft } from '../credentials';
import { findOrders } from './client';
import { moscowIsoDate } from '../common/dates';
import { DEFAULT_READING } from './read-order';

/**
 * A statusreq for the orders created today: read only, no change stream touched (no ONLY_LAST), a
 * short answer. MeaSoft checks `<auth>` first and answers error 25 for wrong credentials.
 */
export async function verifyMeasoftCredentials(
  z: ZObject,
  bundle: Pick<Bundle, 'authData'>,
): Promise<{ measoft_login: string; measoft_extra: string }> {
  const credentials = requireMeasoft(z, bundle);
  // Today in Moscow (MeaSoft's servers), as statusreq's datefrom/dateto want it.
  const today = moscowIsoDate(new Date());
  const where: Where = {
    connectionTest: {
      advice:
        'The connection test changes nothing in MeaSoft, so it is safe to test again in a few minutes. ' +
        'If this keeps happening, ask your courier service whether its MeaSoft API is available to you.',
      code: 'MeasoftConnectionTestFailed',
    },
  };
  await findOrders(z, credentials, { datefrom: today, dateto: today }, DEFAULT_READING, 'read', where);
  return { measoft_login: credentials.login, measoft_extra: credentials.extra };
}
