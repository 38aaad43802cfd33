/** What the JustClick operations return: the shapes a Zap maps (samples.ts holds their examples). */

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
  /** What justclick_error_code means, in English. */
  justclick_error_text_en: string;
};

export type CreatedOrder = {
  bill_id: string;
  already_existed: boolean;
  result_info: string;
  email: string;
  goods: Array<{ good_name: string; good_sum: number | null }>;
  order_date: string | null;
  justclick_error_code: number;
  justclick_error_text: string;
  /** What justclick_error_code means, in English. */
  justclick_error_text_en: string;
};

export interface Product {
  id: string;
  name: string;
  good_id: string | null;
  good_title: string | null;
  price: number | null;
}

export interface Group {
  id: string;
  name: string;
}

export type OrderItem = {
  /** The product ID in JustClick (good_name). */
  good_name: string | null;
  good_title: string | null;
  /** The price in this order. */
  sum: number | null;
  /** The product's price in the shop. */
  price: number | null;
};

export type JustClickOrder = {
  id: string;
  bill_id: string;
  pay_status: string | null;
  created: string | null;
  paid: string | null;
  email: string | null;
  first_name: string | null;
  last_name: string | null;
  middle_name: string | null;
  phone: string | null;
  country: string | null;
  region: string | null;
  city: string | null;
  address: string | null;
  postal_code: string | null;
  price: number | null;
  sum_to_pay: number | null;
  payway: string | null;
  type: string | null;
  comment: string | null;
  tag: string | null;
  coupon: string | null;
  domain: string | null;
  payment_link: string | null;
  utm_source: string | null;
  utm_medium: string | null;
  utm_campaign: string | null;
  utm_content: string | null;
  utm_term: string | null;
  goods: OrderItem[];
  goods_count: number;
};

export type AddedSubscriber = {
  id: string;
  email: string;
  groups: string[];
  already_subscribed: boolean;
  justclick_error_code: number;
  justclick_error_text: string;
  /** What justclick_error_code means, in English. */
  justclick_error_text_en: string;
};

export type Membership = {
  group_id: string;
  group_name: string | null;
  status: string | null;
  status_label: string | null;
  subscribed_at: string | null;
};

export type FoundSubscriber = {
  id: string;
  email: string;
  groups: Membership[];
  group_ids: string[];
  groups_count: number;
};
