import { defineCreate, defineInputFields, type CreatePerform } from 'zapier-platform-core';
import { addTrackSample } from './samples';
import { readRequest } from './track-request';
import { sendTracks } from './track-writes';
import type { TracksResult } from './types';
import { detailFields, trackField, trackOutputFields } from './fields';

const inputFields = defineInputFields([trackField, ...detailFields('add')]);

export const perform = (async (z, bundle) => {
  const request = readRequest(z, bundle.inputData, 'add');
  return sendTracks(z, bundle, 'addtrack', request);
}) satisfies CreatePerform<typeof inputFields, TracksResult>;

export default defineCreate({
  key: 'rlab_add_track',
  noun: 'Tracking Number',
  display: {
    label: 'Add R-Lab Tracking Number',
    description:
      'Creates a track in R-Lab / DeliveryCRM so the buyer gets SMS, Viber, call and e-mail notifications as ' +
      'the parcel moves.',
  },
  operation: { inputFields, perform, sample: addTrackSample, outputFields: trackOutputFields('add') },
});
