import { defineCreate, defineInputFields, type CreatePerform } from 'zapier-platform-core';
import { deleteTrackSample } from './samples';
import { readRequest } from './track-request';
import { sendTracks } from './track-writes';
import type { TracksResult } from './types';
import { carrierField, trackField, trackOutputFields } from './fields';

const inputFields = defineInputFields([trackField, carrierField('delete')]);

export const perform = (async (z, bundle) => {
  const request = readRequest(z, bundle.inputData, 'delete');
  return sendTracks(z, bundle, 'deltrack', request);
}) satisfies CreatePerform<typeof inputFields, TracksResult>;

export default defineCreate({
  key: 'rlab_delete_track',
  noun: 'Tracking Number',
  display: {
    label: 'Delete R-Lab Tracking Number',
    description:
      'Deletes a track from R-Lab / DeliveryCRM, e.g. when its notifications are wrong; R-Lab still counts a ' +
      'deleted track as paid.',
  },
  operation: { inputFields, perform, sample: deleteTrackSample, outputFields: trackOutputFields('delete') },
});
