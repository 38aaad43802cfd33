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

/** What Find Orders by Buyer returns: one result with the buyer's orders as line items, newest first. */
export type BuyerOrders = {
  id: string;
  email: string;
  /** The payment status asked for (paid, waiting, cancel), or null for every order. */
  pay_status: string | null;
  orders: JustClickOrder[];
  order_ids: string[];
  orders_count: number;
  /** How many orders GetBills listed; more than orders_count when only the newest were read. */
  orders_total: number;
  more_orders: boolean;
};

/** One group of Remove Subscriber from Group: whether the contact was in it before. */
export type GroupRemoval = {
  group_id: string;
  group_name: string | null;
  was_in_group: boolean;
  /** The contact's status in the group before the step (GetLeadGroupStatuses), or null when not listed. */
  status_before: string | null;
  justclick_error_code: number;
  justclick_error_text: string;
};

export type RemovedSubscriber = {
  id: string;
  email: string;
  groups: GroupRemoval[];
  removed_from: string[];
  not_in_groups: string[];
  was_in_any_group: boolean;
  result_info: string;
};

export type DeletedOrder = {
  id: string;
  bill_id: string;
  deleted: boolean;
  result_info: string;
  justclick_error_code: number;
  justclick_error_text: string;
};

/** The domains JustClick serves accounts on (connection.ts). */
export type JustClickDomain = 'justclick.ru' | 'justclick.io';

export interface JustClickCredentials {
  /** The account's name: the subdomain of its address, in lower case. */
  login: string;
  secret: string;
  /** Where the account is served: the domain of a pasted address, justclick.ru otherwise. */
  domain: JustClickDomain;
}

/** JustClick's answer envelope, read by client.ts. */
export interface JustClickAnswer {
  errorCode: number;
  /** error_text exactly as JustClick sent it ("ok" in some answers, "OK" in others). */
  errorText: string;
  /** True when the answer's hash matches md5(error_code::error_text::secret). */
  verified: boolean;
  result: unknown;
}
