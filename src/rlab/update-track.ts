import { defineCreate, defineInputFields, type CreatePerform } from 'zapier-platform-core';
import { updateTrackSample } from './samples';
import { readRequest } from './track-request';
import { sendTracks } from './track-writes';
import type { TracksResult } from './types';
import { detailFields, trackField, trackOutputFields } from './fields';

const inputFields = defineInputFields([trackField, ...detailFields('update')]);

export const perform = (async (z, bundle) => {
  const request = readRequest(z, bundle.inputData, 'update');
  return sendTracks(z, bundle, 'updatetrack', request);
}) satisfies CreatePerform<typeof inputFields, TracksResult>;

export default defineCreate({
  key: 'rlab_update_track',
  noun: 'Tracking Number',
  display: {
    label: 'Update R-Lab Tracking Number',
    description:
      'Updates the buyer and order data of a track in R-Lab / DeliveryCRM; fields left empty keep their stored values.',
  },
  operation: { inputFields, perform, sample: updateTrackSample, outputFields: trackOutputFields('update') },
});
