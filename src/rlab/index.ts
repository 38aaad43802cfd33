/** R-Lab / DeliveryCRM operations, registered in src/index.ts. */
import addTrack from './add-track';
import blacklistCheck from './blacklist-check';
import deleteTrack from './delete-track';
import notificationHistory from './notification-history';
import trackInfo from './track-info';
import updateTrack from './update-track';

export const creates = {
  [addTrack.key]: addTrack,
  [updateTrack.key]: updateTrack,
  [deleteTrack.key]: deleteTrack,
};

export const searches = {
  [trackInfo.key]: trackInfo,
  [blacklistCheck.key]: blacklistCheck,
  [notificationHistory.key]: notificationHistory,
};
