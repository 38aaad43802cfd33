import { defineCreate, defineInputFields, type CreatePerform } from 'zapier-platform-core';
import { addTrackSample } from './samples';
import { readRequest } from './read-tracks';
import { sendTracks } from './send-tracks';
import { detailFields, trackField } from './track-input-fields';
import { trackOutputFields } from './track-output-fields';
import type { TracksResult } from './types';

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
