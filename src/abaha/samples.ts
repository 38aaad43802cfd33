/**
 * What Abaha's triggers return: every field Abaha sends, under its own name, plus typed
 * companions (`_number`, `_boolean`, `_iso`; see parse-event.ts).
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

// Abaha's own order example (shared/seeds/003, test/abaha/fixtures/order.json) as the parser shapes it.
export const abahaOrderSample: AbahaOrderEvent = {
  id: 'order:208610:2022-06-10 10:53:56',
  kind: 'order',
  object_id: '208610',
  abaha_id: '208610',
  cart_code: '00000208610',
  cart_type: 'cart',
  user_id: '56913',
  ref_user_id: null,
  payment_type: '1',
  payment_content: '',
  promotion_id: '0',
  user_voucher_id: null,
  voucher_status: '0',
  total_value: '1790000',
  total_value_number: 1790000,
  total_after: '1790000',
  total_after_number: 1790000,
  total_cashback: null,
  total_cashback_number: null,
  fee_ship: null,
  fee_ship_number: null,
  weight: '0',
  weight_number: 0,
  wallet_fee: null,
  wallet_fee_number: null,
  commission_ref: null,
  commission_ref_number: null,
  dropship_commission_ref: null,
  dropship_commission_ref_number: null,
  accept_commission_ref: '0',
  accept_commission_ref_boolean: false,
  cashback: {
    tickid: {
      user_cashback: 35,
    },
  },
  total_before: '1790000',
  total_before_number: 1790000,
  total_cal_commission: '1790000',
  total_cal_commission_number: 1790000,
  total_discount_value: '0',
  total_discount_value_number: 0,
  total_count_selected: '5',
  total_count_selected_number: 5,
  count_selected: '3',
  count_selected_number: 3,
  status: '5',
  before_status: '5',
  address_id: '30822',
  store_id: '552',
  user_note: null,
  site_note: null,
  payment: 'Khi nhận hàng (COD)',
  payment_method_id: null,
  payment_id: null,
  payment_status: 0,
  txn_id: null,
  item_fee: {
    "Phí Ship": 'Chưa tính',
  },
  used_wallets: null,
  wallet_option: null,
  cart_fees: null,
  commerce_fee: '0',
  commerce_fee_number: 0,
  is_reject: '0',
  is_reject_boolean: false,
  commissions: null,
  orders_time_iso: '2022-06-10T10:48:14+07:00',
  delete_flag: '0',
  delete_flag_boolean: false,
  delivery_time_iso: null,
  utm_source: 'App',
  modified_iso: '2022-06-10T10:53:56+07:00',
  created_iso: '2022-06-10T10:47:45+07:00',
  accept_commission_ref_date_iso: null,
  comment: '',
  comment_time_iso: null,
  star: null,
  star_number: null,
  pricing_id: null,
  cart_type_name: 'Đơn hàng',
  count: 0,
  user: {
    user_id: '56913',
    name: 'Đinh Thị Phương Thảo',
  },
  pos_details: '',
  promotions: [],
  address: {
    id: '30822',
    user_id: '56913',
    name: 'Thẻo',
    tel: '0336965825',
    address: '64 đội cấn(Phường Đội Cấn,Quận Ba Đình,Thành phố Hà Nội)',
    province_id: '1',
    district_id: '101',
    ward_id: '1096',
    city: 'Thành phố Hà Nội',
    district: 'Quận Ba Đình',
    ward: 'Phường Đội Cấn',
    latitude: '21.0344836',
    latitude_number: 21.0344836,
    longitude: '105.8298894',
    longitude_number: 105.8298894,
    default_flag: '1',
    default_flag_boolean: true,
    delete_flag: '0',
    delete_flag_boolean: false,
    modified_iso: '2022-05-26T14:02:22+07:00',
    created_iso: '2022-05-26T14:02:22+07:00',
  },
  name_payment_method: 'Khi nhận hàng (COD)',
  store_name: 'Điểm bán 1',
  pricing_name: '',
  payment_status_name: 'Chưa thanh toán',
};
// Abaha's own product example (shared/seeds/003, test/abaha/fixtures/product.json) as the parser shapes it.
export const abahaProductSample: AbahaProductEvent = {
  id: 'product:873167:2022-06-09 13:10:30',
  kind: 'product',
  object_id: '873167',
  abaha_id: '873167',
  order_type: '1',
  product_code: 'CEkJ48H4W4',
  product_type: '0',
  name: 'Kẻ chân mày - Chanel',
  unit_name: null,
  discount: '1500000',
  discount_number: 1500000,
  discount_percent: '0',
  discount_percent_number: 0,
  price: '1500000',
  price_number: 1500000,
  price_steps: null,
  commission_ref: '0',
  commission_ref_number: 0,
  cashback_percent: null,
  cashback_percent_number: null,
  cart_step: '1.0',
  cart_step_number: 1,
  cat_id: '53560',
  ordering: '1',
  brand: '',
  sku: null,
  rate: '5',
  rate_number: 5,
  inventory: '998',
  inventory_number: 998,
  sale_in_stock: '0',
  sale_in_stock_number: 0,
  level_inventory_min: '0',
  level_inventory_min_number: 0,
  level_inventory_max: '999999999',
  level_inventory_max_number: 999999999,
  weight: '0',
  weight_number: 0,
  slug: 'ke-chan-may-chanel',
  image: 'https://abphotos.link/photos/origin/no-product-image.png',
  video: null,
  short_content: '',
  content: '',
  desc: null,
  made_in: '',
  tags: null,
  share_link: null,
  has_attr: '0',
  has_attr_boolean: false,
  sales: '2',
  sales_number: 2,
  delete_flag: '0',
  delete_flag_boolean: false,
  empty_flag: '0',
  empty_flag_boolean: false,
  modified_iso: '2022-06-09T13:10:30+07:00',
  created_iso: '2022-05-26T14:34:10+07:00',
  attributes: null,
};
// Abaha's own customer example (shared/seeds/003, test/abaha/fixtures/customer.json) as the parser shapes it.
export const abahaCustomerSample: AbahaCustomerEvent = {
  id: 'customer:1347849:2022-06-09 13:16:01',
  kind: 'customer',
  object_id: '1347849',
  user_id: '1347849',
  name: 'Robot 2',
  tel: '0989898990',
  premium: '0',
  premium_boolean: false,
  premium_point: '0',
  premium_point_number: 0,
  premium_name: null,
  premium_date_iso: null,
  last_login_iso: null,
  tags: null,
  quote: null,
  intro: null,
  youtube: null,
  facebook: null,
  birthday: '',
  gender: '',
  email: '',
  image: null,
  image_cover: null,
  id_card: null,
  image_id_card_front: null,
  image_id_card_back: null,
  image_id_card: null,
  bank_account: null,
  bank_account_name: null,
  bank_branch: null,
  brand: null,
  delete_flag: '0',
  delete_flag_boolean: false,
  invite_id: null,
  refer: null,
  is_refer: '0',
  is_refer_boolean: false,
  ref_code: null,
  invite_link: null,
  invite_link_shorten: null,
  language: 'vi',
  invite_user_id: null,
  bonus_invite_flag: '0',
  bonus_invite_flag_boolean: false,
  pricing_id: null,
  pos_type: null,
  pos_id: null,
  store_id: null,
  modified_iso: '2022-06-09T13:16:01+07:00',
  created_iso: '2022-06-09T13:16:01+07:00',
  accept_refer_date_iso: null,
};
