/** What Update Order Status returns: the order as a later step would map it. */
export type UpdatedOrder = {
  bill_id: string;
  status: string;
  status_label: string;
  /** ISO 8601, UTC. */
  date: string | null;
  date_unix: number | null;
  /** True when the date was empty and the time of the run was sent instead. */
  date_defaulted: boolean;
  rpo: string | null;
  justclick_error_code: number;
  justclick_error_text: string;
};

// The order of JustClick's own example (shared/seeds/001): order 100000 sent on 3 March 2013.
export const updateOrderStatusSample: UpdatedOrder = {
  bill_id: '100000',
  status: 'sent',
  status_label: 'Sent (Shipped by Post)',
  date: '2013-03-02T20:00:00Z',
  date_unix: 1362254400,
  date_defaulted: false,
  rpo: '10000000000000',
  justclick_error_code: 0,
  justclick_error_text: 'OK',
};
