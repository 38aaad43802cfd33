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
import type { FieldKind } from './parse-event';

export interface AbahaField {
  key: string;
  label: string;
  kind?: FieldKind;
  /** Fields of a nested object (`address`, `user`), shown as `parent__child`. */
  nested?: readonly AbahaField[];
}

const f = (key: string, label: string, kind?: FieldKind): AbahaField => ({ key, label, ...(kind ? { kind } : {}) });

/** The id, kind and object id the app adds to every event. */
const eventFields = (object: string): AbahaField[] => [
  f('id', `Event ID (Kind, ${object} and Modified Time)`),
  f('kind', 'Event Kind (order, product or customer)'),
  f('object_id', object),
];

export const ORDER_FIELDS: readonly AbahaField[] = [
  ...eventFields('Order ID'),
  f('abaha_id', 'Abaha Order ID'),
  f('cart_code', 'Order Code'),
  f('cart_type', 'Order Type Code'),
  f('cart_type_name', 'Order Type'),
  f('user_id', 'Customer User ID'),
  f('ref_user_id', 'Referrer User ID'),
  f('payment_type', 'Payment Type Code'),
  f('payment_content', 'Payment Note'),
  f('promotion_id', 'Promotion ID'),
  f('user_voucher_id', 'Voucher ID'),
  f('voucher_status', 'Voucher Status Code'),
  f('total_value', 'Total Value', 'number'),
  f('total_after', 'Total After Discount', 'number'),
  f('total_cashback', 'Total Cashback', 'number'),
  f('fee_ship', 'Shipping Fee', 'number'),
  f('weight', 'Weight', 'number'),
  f('wallet_fee', 'Wallet Fee', 'number'),
  f('commission_ref', 'Referral Commission', 'number'),
  f('dropship_commission_ref', 'Dropship Referral Commission', 'number'),
  f('accept_commission_ref', 'Referral Commission Accepted', 'flag'),
  f('accept_commission_ref_date', 'Referral Commission Accepted At', 'time'),
  {
    key: 'cashback',
    label: 'Cashback',
    nested: [
      {
        key: 'tickid',
        label: 'Cashback Program',
        nested: [f('user_cashback', 'Cashback Program: Customer Cashback', 'sent-number')],
      },
    ],
  },
  f('total_before', 'Total Before Discount', 'number'),
  f('total_cal_commission', 'Total for Commission', 'number'),
  f('total_discount_value', 'Total Discount', 'number'),
  f('total_count_selected', 'Total Quantity', 'number'),
  f('count_selected', 'Number of Products', 'number'),
  f('count', 'Count', 'sent-number'),
  f('status', 'Status Code'),
  f('before_status', 'Previous Status Code'),
  f('address_id', 'Delivery Address ID'),
  f('store_id', 'Store ID'),
  f('store_name', 'Store Name'),
  f('user_note', 'Customer Note'),
  f('site_note', 'Shop Note'),
  f('payment', 'Payment Method'),
  f('name_payment_method', 'Payment Method Name'),
  f('payment_method_id', 'Payment Method ID'),
  f('payment_id', 'Payment ID'),
  f('payment_status', 'Payment Status Code', 'sent-number'),
  f('payment_status_name', 'Payment Status'),
  f('txn_id', 'Payment Transaction ID'),
  { key: 'item_fee', label: 'Fees', nested: [f('Phí Ship', 'Fees: Shipping (Phí Ship)')] },
  f('used_wallets', 'Wallets Used'),
  f('wallet_option', 'Wallet Option'),
  f('cart_fees', 'Order Fees'),
  f('commerce_fee', 'Commerce Fee', 'number'),
  f('is_reject', 'Rejected', 'flag'),
  f('commissions', 'Commissions'),
  f('orders_time', 'Ordered At', 'time'),
  f('delivery_time', 'Delivery Time', 'time'),
  f('delete_flag', 'Deleted', 'flag'),
  f('utm_source', 'Source (UTM)'),
  f('comment', 'Review Comment'),
  f('comment_time', 'Review Commented At', 'time'),
  f('star', 'Review Stars', 'number'),
  f('pricing_id', 'Price List ID'),
  f('pricing_name', 'Price List'),
  f('pos_details', 'POS Details'),
  f('promotions', 'Promotions'),
  f('modified', 'Modified At', 'time'),
  f('created', 'Created At', 'time'),
  { key: 'user', label: 'Customer', nested: [f('user_id', 'Customer: User ID'), f('name', 'Customer Name')] },
  {
    key: 'address',
    label: 'Delivery Address',
    nested: [
      f('id', 'Delivery Address: ID'),
      f('user_id', 'Delivery Address: User ID'),
      f('name', 'Recipient Name'),
      f('tel', 'Recipient Phone'),
      f('address', 'Delivery Address'),
      f('ward', 'Ward'),
      f('ward_id', 'Ward ID'),
      f('district', 'District'),
      f('district_id', 'District ID'),
      f('city', 'City or Province'),
      f('province_id', 'Province ID'),
      f('latitude', 'Delivery Latitude', 'number'),
      f('longitude', 'Delivery Longitude', 'number'),
      f('default_flag', 'Delivery Address: Default', 'flag'),
      f('delete_flag', 'Delivery Address: Deleted', 'flag'),
      f('modified', 'Delivery Address: Modified At', 'time'),
      f('created', 'Delivery Address: Created At', 'time'),
    ],
  },
];

export const PRODUCT_FIELDS: readonly AbahaField[] = [
  ...eventFields('Product ID'),
  f('abaha_id', 'Abaha Product ID'),
  f('product_code', 'Product Code'),
  f('sku', 'SKU'),
  f('name', 'Product Name'),
  f('order_type', 'Order Type Code'),
  f('product_type', 'Product Type Code'),
  f('unit_name', 'Unit'),
  f('cat_id', 'Category ID'),
  f('brand', 'Brand'),
  f('price', 'Price', 'number'),
  f('discount', 'Sale Price', 'number'),
  f('discount_percent', 'Discount Percent', 'number'),
  f('price_steps', 'Price Steps'),
  f('commission_ref', 'Referral Commission', 'number'),
  f('cashback_percent', 'Cashback Percent', 'number'),
  f('cart_step', 'Quantity Step', 'number'),
  f('ordering', 'Sort Order'),
  f('rate', 'Rating', 'number'),
  f('inventory', 'Stock', 'number'),
  f('sale_in_stock', 'Sold from Stock', 'number'),
  f('level_inventory_min', 'Minimum Stock', 'number'),
  f('level_inventory_max', 'Maximum Stock', 'number'),
  f('weight', 'Weight', 'number'),
  f('sales', 'Units Sold', 'number'),
  f('slug', 'Slug'),
  f('image', 'Image URL'),
  f('video', 'Video URL'),
  f('short_content', 'Short Description'),
  f('content', 'Description'),
  f('desc', 'Meta Description'),
  f('made_in', 'Made In'),
  f('tags', 'Tags'),
  f('share_link', 'Share Link'),
  f('attributes', 'Attributes'),
  f('has_attr', 'Has Attributes', 'flag'),
  f('empty_flag', 'Out of Stock', 'flag'),
  f('delete_flag', 'Deleted', 'flag'),
  f('modified', 'Modified At', 'time'),
  f('created', 'Created At', 'time'),
];

export const CUSTOMER_FIELDS: readonly AbahaField[] = [
  ...eventFields('Customer User ID'),
  f('user_id', 'Customer User ID'),
  f('name', 'Customer Name'),
  f('tel', 'Phone'),
  f('email', 'Email'),
  f('birthday', 'Birthday'),
  f('gender', 'Gender'),
  f('language', 'Language'),
  f('premium', 'Premium Member', 'flag'),
  f('premium_point', 'Premium Points', 'number'),
  f('premium_name', 'Premium Level'),
  f('premium_date', 'Premium Since', 'time'),
  f('last_login', 'Last Login At', 'time'),
  f('tags', 'Tags'),
  f('quote', 'Quote'),
  f('intro', 'Introduction'),
  f('youtube', 'YouTube'),
  f('facebook', 'Facebook'),
  f('image', 'Avatar URL'),
  f('image_cover', 'Cover Image URL'),
  f('id_card', 'ID Card Number'),
  f('image_id_card', 'ID Card Image URL'),
  f('image_id_card_front', 'ID Card Front Image URL'),
  f('image_id_card_back', 'ID Card Back Image URL'),
  f('bank_account', 'Bank Account'),
  f('bank_account_name', 'Bank Account Holder'),
  f('bank_branch', 'Bank Branch'),
  f('brand', 'Brand'),
  f('invite_id', 'Invitation ID'),
  f('invite_user_id', 'Invited By User ID'),
  f('invite_link', 'Invitation Link'),
  f('invite_link_shorten', 'Short Invitation Link'),
  f('refer', 'Referrer'),
  f('is_refer', 'Referred', 'flag'),
  f('ref_code', 'Referral Code'),
  f('accept_refer_date', 'Referral Accepted At', 'time'),
  f('bonus_invite_flag', 'Invitation Bonus Paid', 'flag'),
  f('pricing_id', 'Price List ID'),
  f('pos_type', 'POS Type'),
  f('pos_id', 'POS ID'),
  f('store_id', 'Store ID'),
  f('delete_flag', 'Deleted', 'flag'),
  f('modified', 'Modified At', 'time'),
  f('created', 'Created At', 'time'),
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
