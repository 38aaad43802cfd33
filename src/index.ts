import zapier, { defineApp } from 'zapier-platform-core';
import authentication from './authentication';
import { outputFieldsOnDemand } from './common/output-fields';
import * as abaha from './abaha';
import * as justclick from './justclick';
import * as measoft from './measoft';
import * as rlab from './rlab';

// Resolved at run time from lib/, where the compiled app lives beside package.json's folder.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { version } = require('../package.json') as { version: string };

export default defineApp({
  version,
  platformVersion: zapier.version,
  authentication,
  triggers: outputFieldsOnDemand({ ...measoft.triggers, ...abaha.triggers, ...justclick.triggers }),
  creates: outputFieldsOnDemand({ ...justclick.creates, ...rlab.creates, ...measoft.creates }),
  searches: outputFieldsOnDemand({ ...rlab.searches, ...justclick.searches, ...measoft.searches }),
  searchOrCreates: { ...justclick.searchOrCreates },
});
