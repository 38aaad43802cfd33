/** The three kinds of Abaha event, told apart by their fields (read-event.ts). */
export type AbahaKind = 'order' | 'product' | 'customer';

/** How the app reads a field (see fields.ts): kept as sent, or with a typed companion. */
export type FieldKind = 'number' | 'flag' | 'time' | 'sent-number';

/**
 * What Abaha's triggers return: every field Abaha sends, under its own name, plus typed
 * companions (`_number`, `_boolean`, `_iso`; see fields.ts). samples.ts holds the examples.
 */

export type AbahaEvent = {
  /** Kind, object id and `modified`: the same for a resent event. */
  id: string;
  kind: 'order' | 'product' | 'customer';
  /** The order's or product's id, or the customer's user_id. */
  object_id: string | null;
  modified?: string | null;
  /** `modified` as ISO 8601 in Vietnam time (+07:00). */
  modified_iso: string | null;
  created?: string | null;
  created_iso: string | null;
  /** Every other field Abaha sends, and its companions. */
  [field: string]: unknown;
};

export type AbahaOrderEvent = AbahaEvent & {
  kind: 'order';
  cart_code: string | null;
  total_value: string | null;
  total_value_number: number | null;
  total_after_number: number | null;
  orders_time_iso: string | null;
  delete_flag_boolean: boolean | null;
  address: { [field: string]: unknown } | null;
};

export type AbahaProductEvent = AbahaEvent & {
  kind: 'product';
  product_code: string | null;
  name: string | null;
  price_number: number | null;
  inventory_number: number | null;
  delete_flag_boolean: boolean | null;
};

export type AbahaCustomerEvent = AbahaEvent & {
  kind: 'customer';
  user_id: string | null;
  name: string | null;
  tel: string | null;
  premium_boolean: boolean | null;
};
