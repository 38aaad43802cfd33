/**
 * Input data for every create and search the bench runs against the sandbox, by operation key.
 * The bench discovers the operations from the app definition and fails, naming the key, when one
 * has no entry here: a new operation is never skipped silently. Keys the app lacks (not merged
 * yet) are skipped.
 *
 * Writes that a replay would answer differently (an order or subscriber that already exists takes
 * a shorter path) get fresh values on every call, so each call does the operation's real work.
 */

/** Runs another operation (untimed, through the full app) and returns its result. */
export type RunOperation = (key: string, inputData: Record<string, unknown>) => Promise<unknown>;

export interface OperationInput {
  /** The bundle's inputData; `call` counts every call of this operation, `prepared` is what `before` returned. */
  inputData: Record<string, unknown> | ((call: number, prepared: Record<string, unknown>) => Record<string, unknown>);
  /** Untimed, once before the operation is measured (e.g. the record a search finds). */
  setUp?: (run: RunOperation) => Promise<void>;
  /** Untimed, before every call (e.g. the track a delete removes); its result feeds inputData. */
  before?: (run: RunOperation, call: number) => Promise<Record<string, unknown>>;
}

const RUN = Date.now().toString(36);

const measoftOrder = (orderno2: string): Record<string, unknown> => ({
  orderno2,
  receiver_name: 'Анна Петрова',
  receiver_phone: '+7 (916) 000-00-00',
  receiver_town: 'Москва',
  receiver_address: 'Петровка, 38, кв. 5',
  delivery_date: '2024-05-21',
  time_min: '10:00',
  time_max: '18:00',
  weight: '1.5',
  quantity: 1,
  paytype: 'CASH',
  price: 2490,
  items: [{ item_name: 'Футболка', item_quantity: 2, item_price: 1245, item_vat_rate: 20 }],
});

export const OPERATION_INPUTS: Record<string, OperationInput> = {
  // JustClick
  justclick_update_order_status: { inputData: { bill_id: '100001', status: 'cancel' } },
  justclick_create_order: {
    inputData: (call) => ({
      goods: [{ good_name: 'course-basic' }],
      email: `bench-${RUN}-${call}@example.com`,
      first_name: 'Анна',
      city: 'Москва',
    }),
  },
  justclick_find_order: { inputData: { bill_id: '100001' } },
  justclick_add_subscriber: {
    inputData: (call) => ({ groups: ['newsletter'], email: `bench-sub-${RUN}-${call}@example.com`, name: 'Олег' }),
  },
  justclick_find_subscriber: {
    setUp: async (run) =>
      void (await run('justclick_add_subscriber', {
        groups: ['newsletter', 'buyers'],
        email: `bench-find-${RUN}@example.com`,
        name: 'Олег',
      })),
    inputData: { email: `bench-find-${RUN}@example.com` },
  },
  // R-Lab / DeliveryCRM
  rlab_add_track: { inputData: { track: ['80012345678901'], phone: ['+7 916 000-00-01'], order_number: ['A-1'] } },
  rlab_update_track: { inputData: { track: ['80012345678901'], name: ['Анна'] } },
  rlab_delete_track: {
    before: async (run) => (
      await run('rlab_add_track', { track: ['80012345678902'], phone: ['+7 916 000-00-01'] }),
      {}
    ),
    inputData: { track: ['80012345678902'] },
  },
  rlab_track_info: { inputData: { track: '80085275412345' } },
  blacklist_check: { inputData: { phone: '79160000013' } },
  notification_history: { inputData: { track: '80085275412345' } },
  // MeaSoft
  measoft_find_order: {
    setUp: async (run) => void (await run('measoft_create_order', measoftOrder(`BENCH-FIND-${RUN}`))),
    inputData: { orderno2: `BENCH-FIND-${RUN}` },
  },
  measoft_create_order: { inputData: (call) => measoftOrder(`BENCH-${RUN}-${call}`) },
  measoft_cancel_order: {
    before: async (run, call) => {
      const created = (await run('measoft_create_order', measoftOrder(`BENCH-CANCEL-${RUN}-${call}`))) as {
        orderno?: unknown;
      };
      if (typeof created?.orderno !== 'string')
        throw new Error('measoft_cancel_order: Create Courier Order returned no orderno to cancel');
      return { orderno: created.orderno };
    },
    inputData: (_call, prepared) => ({ orderno: prepared.orderno }),
  },
};
