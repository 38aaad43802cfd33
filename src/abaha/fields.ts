/**
 * Every field Abaha sends for an order, a product and a customer, with the English label the Zap
 * editor shows and how the app reads it. One table drives both the parser's typed companions and
 * the triggers' outputFields, so a field cannot be typed in one place and missing in the other.
 * Field meanings: Abaha's webhook examples (docs/abaha.md).
 *
 *   text    kept exactly as sent (codes, phones, ids keep their leading zeros);
 *   number  kept as sent, plus `<key>_number` (money, counts, coordinates as real numbers);
 *   flag    kept as sent ("0"/"1"), plus `<key>_boolean`;
 *   sent-number  a JSON number Abaha sends as a number (payment_status, count), kept as it is;
 *   time    Abaha's Vietnam wall-clock time, given only as `<key>_iso` (ISO 8601 with +07:00):
 *           Zapier's checks D023/T003 refuse date strings without a zone, so the text as sent
 *           is dropped once it has been read (an unreadable time stays as sent under its name).
 */
import { defineInputFields, type InferInputData } from 'zapier-platform-core';
import type { FieldKind } from './types';

export interface AbahaField {
  key: string;
  label: string;
  kind?: FieldKind;
  /** Fields of a nested object (`address`, `user`), shown as `parent__child`. */
  nested?: readonly AbahaField[];
}

const field = (key: string, label: string, kind?: FieldKind): AbahaField => ({ key, label, ...(kind ? { kind } : {}) });

/** The id, kind and object id the app adds to every event. */
const eventFields = (object: string): AbahaField[] => [
  field('id', `Event ID (Kind, ${object} and Modified Time)`),
  field('kind', 'Event Kind (order, product or customer)'),
  field('object_id', object),
];

export const ORDER_FIELDS: readonly AbahaField[] = [
  ...eventFields('Order ID'),
  field('abaha_id', 'Abaha Order ID'),
  field('cart_code', 'Order Code'),
  field('cart_type', 'Order Type Code'),
  field('cart_type_name', 'Order Type'),
  field('user_id', 'Customer User ID'),
  field('ref_user_id', 'Referrer User ID'),
  field('payment_type', 'Payment Type Code'),
  field('payment_content', 'Payment Note'),
  field('promotion_id', 'Promotion ID'),
  field('user_voucher_id', 'Voucher ID'),
  field('voucher_status', 'Voucher Status Code'),
  field('total_value', 'Total Value', 'number'),
  field('total_after', 'Total After Discount', 'number'),
  field('total_cashback', 'Total Cashback', 'number'),
  field('fee_ship', 'Shipping Fee', 'number'),
  field('weight', 'Weight', 'number'),
  field('wallet_fee', 'Wallet Fee', 'number'),
  field('commission_ref', 'Referral Commission', 'number'),
  field('dropship_commission_ref', 'Dropship Referral Commission', 'number'),
  field('accept_commission_ref', 'Referral Commission Accepted', 'flag'),
  field('accept_commission_ref_date', 'Referral Commission Accepted At', 'time'),
  {
    key: 'cashback',
    label: 'Cashback',
    nested: [
      {
        key: 'tickid',
        label: 'Cashback Program',
        nested: [field('user_cashback', 'Cashback Program: Customer Cashback', 'sent-number')],
      },
    ],
  },
  field('total_before', 'Total Before Discount', 'number'),
  field('total_cal_commission', 'Total for Commission', 'number'),
  field('total_discount_value', 'Total Discount', 'number'),
  field('total_count_selected', 'Total Quantity', 'number'),
  field('count_selected', 'Number of Products', 'number'),
  field('count', 'Count', 'sent-number'),
  field('status', 'Status Code'),
  field('before_status', 'Previous Status Code'),
  field('address_id', 'Delivery Address ID'),
  field('store_id', 'Store ID'),
  field('store_name', 'Store Name'),
  field('user_note', 'Customer Note'),
  field('site_note', 'Shop Note'),
  field('payment', 'Payment Method'),
  field('name_payment_method', 'Payment Method Name'),
  field('payment_method_id', 'Payment Method ID'),
  field('payment_id', 'Payment ID'),
  field('payment_status', 'Payment Status Code', 'sent-number'),
  field('payment_status_name', 'Payment Status'),
  field('txn_id', 'Payment Transaction ID'),
  { key: 'item_fee', label: 'Fees', nested: [field('Phí Ship', 'Fees: Shipping (Phí Ship)')] },
  field('used_wallets', 'Wallets Used'),
  field('wallet_option', 'Wallet Option'),
  field('cart_fees', 'Order Fees'),
  field('commerce_fee', 'Commerce Fee', 'number'),
  field('is_reject', 'Rejected', 'flag'),
  field('commissions', 'Commissions'),
  field('orders_time', 'Ordered At', 'time'),
  field('delivery_time', 'Delivery Time', 'time'),
  field('delete_flag', 'Deleted', 'flag'),
  field('utm_source', 'Source (UTM)'),
  field('comment', 'Review Comment'),
  field('comment_time', 'Review Commented At', 'time'),
  field('star', 'Review Stars', 'number'),
  field('pricing_id', 'Price List ID'),
  field('pricing_name', 'Price List'),
  field('pos_details', 'POS Details'),
  field('promotions', 'Promotions'),
  field('modified', 'Modified At', 'time'),
  field('created', 'Created At', 'time'),
  { key: 'user', label: 'Customer', nested: [field('user_id', 'Customer: User ID'), field('name', 'Customer Name')] },
  {
    key: 'address',
    label: 'Delivery Address',
    nested: [
      field('id', 'Delivery Address: ID'),
      field('user_id', 'Delivery Address: User ID'),
      field('name', 'Recipient Name'),
      field('tel', 'Recipient Phone'),
      field('address', 'Delivery Address'),
      field('ward', 'Ward'),
      field('ward_id', 'Ward ID'),
      field('district', 'District'),
      field('district_id', 'District ID'),
      field('city', 'City or Province'),
      field('province_id', 'Province ID'),
      field('latitude', 'Delivery Latitude', 'number'),
      field('longitude', 'Delivery Longitude', 'number'),
      field('default_flag', 'Delivery Address: Default', 'flag'),
      field('delete_flag', 'Delivery Address: Deleted', 'flag'),
      field('modified', 'Delivery Address: Modified At', 'time'),
      field('created', 'Delivery Address: Created At', 'time'),
    ],
  },
];

export const PRODUCT_FIELDS: readonly AbahaField[] = [
  ...eventFields('Product ID'),
  field('abaha_id', 'Abaha Product ID'),
  field('product_code', 'Product Code'),
  field('sku', 'SKU'),
  field('name', 'Product Name'),
  field('order_type', 'Order Type Code'),
  field('product_type', 'Product Type Code'),
  field('unit_name', 'Unit'),
  field('cat_id', 'Category ID'),
  field('brand', 'Brand'),
  field('price', 'Price', 'number'),
  field('discount', 'Sale Price', 'number'),
  field('discount_percent', 'Discount Percent', 'number'),
  field('price_steps', 'Price Steps'),
  field('commission_ref', 'Referral Commission', 'number'),
  field('cashback_percent', 'Cashback Percent', 'number'),
  field('cart_step', 'Quantity Step', 'number'),
  field('ordering', 'Sort Order'),
  field('rate', 'Rating', 'number'),
  field('inventory', 'Stock', 'number'),
  field('sale_in_stock', 'Sold from Stock', 'number'),
  field('level_inventory_min', 'Minimum Stock', 'number'),
  field('level_inventory_max', 'Maximum Stock', 'number'),
  field('weight', 'Weight', 'number'),
  field('sales', 'Units Sold', 'number'),
  field('slug', 'Slug'),
  field('image', 'Image URL'),
  field('video', 'Video URL'),
  field('short_content', 'Short Description'),
  field('content', 'Description'),
  field('desc', 'Meta Description'),
  field('made_in', 'Made In'),
  field('tags', 'Tags'),
  field('share_link', 'Share Link'),
  field('attributes', 'Attributes'),
  field('has_attr', 'Has Attributes', 'flag'),
  field('empty_flag', 'Out of Stock', 'flag'),
  field('delete_flag', 'Deleted', 'flag'),
  field('modified', 'Modified At', 'time'),
  field('created', 'Created At', 'time'),
];

export const CUSTOMER_FIELDS: readonly AbahaField[] = [
  ...eventFields('Customer User ID'),
  field('user_id', 'Customer User ID'),
  field('name', 'Customer Name'),
  field('tel', 'Phone'),
  field('email', 'Email'),
  field('birthday', 'Birthday'),
  field('gender', 'Gender'),
  field('language', 'Language'),
  field('premium', 'Premium Member', 'flag'),
  field('premium_point', 'Premium Points', 'number'),
  field('premium_name', 'Premium Level'),
  field('premium_date', 'Premium Since', 'time'),
  field('last_login', 'Last Login At', 'time'),
  field('tags', 'Tags'),
  field('quote', 'Quote'),
  field('intro', 'Introduction'),
  field('youtube', 'YouTube'),
  field('facebook', 'Facebook'),
  field('image', 'Avatar URL'),
  field('image_cover', 'Cover Image URL'),
  field('id_card', 'ID Card Number'),
  field('image_id_card', 'ID Card Image URL'),
  field('image_id_card_front', 'ID Card Front Image URL'),
  field('image_id_card_back', 'ID Card Back Image URL'),
  field('bank_account', 'Bank Account'),
  field('bank_account_name', 'Bank Account Holder'),
  field('bank_branch', 'Bank Branch'),
  field('brand', 'Brand'),
  field('invite_id', 'Invitation ID'),
  field('invite_user_id', 'Invited By User ID'),
  field('invite_link', 'Invitation Link'),
  field('invite_link_shorten', 'Short Invitation Link'),
  field('refer', 'Referrer'),
  field('is_refer', 'Referred', 'flag'),
  field('ref_code', 'Referral Code'),
  field('accept_refer_date', 'Referral Accepted At', 'time'),
  field('bonus_invite_flag', 'Invitation Bonus Paid', 'flag'),
  field('pricing_id', 'Price List ID'),
  field('pos_type', 'POS Type'),
  field('pos_id', 'POS ID'),
  field('store_id', 'Store ID'),
  field('delete_flag', 'Deleted', 'flag'),
  field('modified', 'Modified At', 'time'),
  field('created', 'Created At', 'time'),
];

type OutputField = { key: string; label: string; type: 'string' | 'number' | 'boolean' | 'datetime' };

/** The outputFields of one kind: a field as sent, then its typed companion; nested keys as `parent__child`. */
export function abahaOutputFields(fields: readonly AbahaField[], prefix = ''): OutputField[] {
  return fields.flatMap((field): OutputField[] => {
    const key = `${prefix}${field.key}`;
    if (field.nested) return abahaOutputFields(field.nested, `${key}__`);
    switch (field.kind) {
      case 'number':
        return [
          { key, label: `${field.label} (Text as Sent)`, type: 'string' },
          { key: `${key}_number`, label: field.label, type: 'number' },
        ];
      case 'flag':
        return [
          { key, label: `${field.label} (0 or 1 as Sent)`, type: 'string' },
          { key: `${key}_boolean`, label: field.label, type: 'boolean' },
        ];
      case 'time':
        return [{ key: `${key}_iso`, label: field.label, type: 'datetime' }];
      case 'sent-number':
        return [{ key, label: field.label, type: 'number' }];
      default:
        return [{ key, label: field.label, type: 'string' }];
    }
  });
}

/** The two secret-header fields every Abaha trigger shows. */
export const abahaInputFields = defineInputFields([
  {
    key: 'secret_header_name',
    label: 'Secret Header Key',
    required: false,
    type: 'string',
    helpText:
      "Optional. The **Key** you typed under **Thông tin header** (header information) in Abaha's webhook " +
      'settings, e.g. `X-Shop-Token`. Use letters, digits and dashes. When this and Secret Header Value are ' +
      'filled in, requests without that header and value start nothing. Leave both empty to use the Abaha ' +
      'Secret Header pair of the connection, if it has one.',
  },
  {
    key: 'secret_header_value',
    label: 'Secret Header Value',
    required: false,
    type: 'password',
    helpText:
      "Optional. The **Value** you typed next to that Key in Abaha's webhook settings: a long random text " +
      'only you and Abaha know.',
  },
]);

export type AbahaTriggerInput = InferInputData<typeof abahaInputFields>;

/** Where the user pastes the URL (docs/abaha.md, "Setting up"), for the given event. */
export const abahaDirections = (event: string): string =>
  'Copy the webhook URL shown here. In your Abaha shop open **Cấu hình webhook** (webhook settings) and ' +
  'click **Thêm mới** (add new). ' +
  `Paste the URL into **Webhook URL**, tick **${event}** under **Sự kiện** (events) and click ` +
  '**Cập nhật** (update). ' +
  'Optionally type a header **Key** and **Value** under **Thông tin header** and enter the same two in this ' +
  "trigger's Secret Header fields, so only Abaha can start this Zap. If Abaha resends an event, the Zap " +
  'still runs only once.';
