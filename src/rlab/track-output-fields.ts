/**
 * The output fields of Add, Update and Delete Tracking Number: one row per key, with the modes it
 * belongs to (a delete sends no buyer data, so its output has none).
 */
import type { TrackOutcome } from './types';
import { LABELS, type Mode } from './track-input-fields';

/** The label of served_by_backup: a filter on it finds the runs whose data went over plain http. */
export const SERVED_BY_BACKUP = 'Served by Backup Address (Plain HTTP)';

const OUTPUT_LABELS: ReadonlyArray<[keyof TrackOutcome, string, 'string' | 'number' | 'integer' | 'boolean', Mode[]?]> =
  [
    ['track', LABELS.track, 'string'],
    ['phone', 'Phone as Sent', 'string', ['add', 'update']],
    ['email', LABELS.email, 'string', ['add', 'update']],
    ['name', LABELS.name, 'string', ['add', 'update']],
    ['item_cost', LABELS.item_cost, 'number', ['add', 'update']],
    ['order_number', LABELS.order_number, 'string', ['add', 'update']],
    ['description', LABELS.description, 'string', ['add', 'update']],
    ['delivery_service_id', 'Carrier ID', 'integer'],
    ['delivery_service_name', 'Carrier Name', 'string'],
    ['payment_type', 'Payment Type ID', 'integer', ['add', 'update']],
    ['payment_type_name', 'Payment Type Name', 'string', ['add', 'update']],
    ['campaign_id', LABELS.campaign_id, 'integer', ['add', 'update']],
    ['batch', 'Request Number', 'integer'],
    ['result_state', 'R-Lab Result Code', 'integer'],
    ['result_info', 'R-Lab Result Text', 'string'],
    ['result_info_en', 'R-Lab Result Text (English)', 'string'],
    ['served_by_backup', SERVED_BY_BACKUP, 'boolean'],
  ];

const rowsOf = (mode: Mode) => OUTPUT_LABELS.filter(([, , , modes]) => !modes || modes.includes(mode));

/** The keys a track's outcome carries in this mode, in the order of the output fields. */
export const outputKeys = (mode: Mode): Array<keyof TrackOutcome> => rowsOf(mode).map(([key]) => key);

/** Top-level fields (one-track runs), the same as `tracks[]` line items, then the run's counts. */
export function trackOutputFields(mode: Mode) {
  const rows = rowsOf(mode);
  return [
    // At the top, served_by_backup is the run's (any track), listed once below.
    ...rows.filter(([key]) => key !== 'served_by_backup').map(([key, label, type]) => ({ key, label, type })),
    ...rows.map(([key, label, type]) => ({ key: `tracks[]${key}`, label: `Tracks: ${label}`, type })),
    { key: 'track_count', label: 'Number of Tracks', type: 'integer' as const },
    { key: 'batch_count', label: 'Number of Requests', type: 'integer' as const },
    ...(mode === 'delete' ? [] : [{ key: 'test_mode', label: LABELS.test_mode, type: 'boolean' as const }]),
    { key: 'served_by_backup', label: `${SERVED_BY_BACKUP}: Any Track`, type: 'boolean' as const },
  ];
}
