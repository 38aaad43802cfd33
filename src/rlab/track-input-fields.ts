/**
 * The input fields of Add, Update and Delete Tracking Number: one definition per key, help text
 * per mode where Update keeps stored values. Zapier line items arrive as arrays, one per track.
 */
import { defineInputField } from 'zapier-platform-core';
import { INTEGER_FORMS, NUMBER_FORMS, YES_NO_CHOICES, YES_NO_FORMS } from '../common/input';
import { CARRIER_FORMS, PAYMENT_TYPES, TRACKING_CARRIERS, choicesOf } from './carriers';

export type Mode = 'add' | 'update' | 'delete';

/** The label of each input key: the fields show them, and messages and outputs name fields by them. */
export const LABELS = {
  track: 'Tracking Number',
  phone: 'Phone',
  email: 'Email',
  name: 'Buyer Name',
  item_cost: 'Order Cost',
  order_number: 'Order Number',
  description: 'Description',
  delivery_service_id: 'Carrier',
  payment_type: 'Payment Type',
  campaign_id: 'Notification Chain ID',
  send_to_user_email_full_tracking: 'Email Every Status to Buyer',
  send_to_admin_email_full_tracking: 'Email Every Status to Shop',
  test_mode: 'Test Mode',
} as const;

const LINE_ITEMS =
  'Map line items to send several tracks in one run: item N of each field belongs to tracking number N; a ' +
  'single value applies to every track.';

export const trackField = defineInputField({
  key: 'track',
  label: LABELS.track,
  required: true,
  list: true,
  type: 'string',
  helpText: `The parcel's tracking number from the carrier, e.g. \`19527937484546\`. ${LINE_ITEMS}`,
});

/** Help text per mode: Add says what an empty field sends, Update that an empty field keeps the stored value. */
const byMode = (mode: Mode, add: string, update: string) => (mode === 'update' ? update : add);

export const carrierField = (mode: Mode) =>
  defineInputField({
    key: 'delivery_service_id',
    label: LABELS.delivery_service_id,
    required: false,
    list: true,
    type: 'string',
    choices: choicesOf(TRACKING_CARRIERS),
    ...(mode === 'update' ? {} : { default: '0' }),
    helpText:
      mode === 'update'
        ? `The carrier the track is filed under in R-Lab. Leave empty to keep the stored carrier. ${CARRIER_FORMS}`
        : `The carrier that delivers the parcel; R-Lab files the track under it. Russian Post when empty. ${CARRIER_FORMS}`,
  });

export const detailFields = (mode: 'add' | 'update') =>
  [
    defineInputField({
      key: 'phone',
      label: LABELS.phone,
      required: false,
      list: true,
      type: 'string',
      helpText: byMode(
        mode,
        "The buyer's mobile phone for SMS, e.g. `+7 (916) 000-00-00`; it is sent as digits in the federal " +
          'format (79160000000). ' +
          "A number of another country needs its country code, e.g. `+84 33 696 5825`. When empty, R-Lab's " +
          '"send no SMS" number 79000000000 is sent.',
        'A new mobile phone for the buyer, e.g. `+7 (916) 000-00-00` (another country with its code, e.g. ' +
          '`+84 33 696 5825`). Leave empty to keep the stored phone.',
      ),
    }),
    defineInputField({
      key: 'email',
      label: LABELS.email,
      required: false,
      list: true,
      type: 'string',
      helpText: byMode(
        mode,
        "The buyer's e-mail; when empty, R-Lab sends no e-mails to the buyer.",
        'A new e-mail for the buyer. Leave empty to keep the stored e-mail.',
      ),
    }),
    defineInputField({
      key: 'name',
      label: LABELS.name,
      required: false,
      list: true,
      type: 'string',
      helpText: byMode(
        mode,
        "The buyer's name or full name, used in the notifications.",
        'A new name for the buyer. Leave empty to keep the stored name.',
      ),
    }),
    defineInputField({
      key: 'item_cost',
      label: LABELS.item_cost,
      required: false,
      list: true,
      // Text read by the app, not `number`: Zapier's editor would turn 1 200,50 into 1200 first.
      type: 'string',
      helpText: byMode(
        mode,
        `The cost of the goods, e.g. \`1 234,50\`: ${NUMBER_FORMS}.`,
        `A new cost of the goods, e.g. \`1 234,50\`: ${NUMBER_FORMS}. Leave empty (or 0) to keep the stored cost.`,
      ),
    }),
    defineInputField({
      key: 'order_number',
      label: LABELS.order_number,
      required: false,
      list: true,
      type: 'string',
      helpText: byMode(
        mode,
        "The shop's order number, at most 40 characters.",
        'A new order number, at most 40 characters. Leave empty to keep the stored one.',
      ),
    }),
    defineInputField({
      key: 'description',
      label: LABELS.description,
      required: false,
      list: true,
      type: 'text',
      helpText: byMode(
        mode,
        'Anything else, e.g. the goods or the shop name when one account serves several shops; at most 200 characters.',
        'A new description, at most 200 characters. Leave empty to keep the stored one.',
      ),
    }),
    carrierField(mode),
    defineInputField({
      key: 'payment_type',
      label: LABELS.payment_type,
      required: false,
      list: true,
      type: 'string',
      choices: choicesOf(PAYMENT_TYPES),
      helpText: byMode(
        mode,
        'Lets R-Lab use different notification schemes for cash-on-delivery and prepaid parcels. When empty, ' +
          'none is set. A mapped value may be `1`, `2` or the name in English or Russian, in any case ' +
          '(`Наложенный платёж`, `Prepaid`).',
        'Lets R-Lab use different notification schemes for cash-on-delivery and prepaid parcels. Leave empty ' +
          'to keep the stored one. A mapped value may be `1`, `2` or the name in English or Russian, in any case.',
      ),
    }),
    defineInputField({
      key: 'campaign_id',
      label: LABELS.campaign_id,
      required: false,
      list: true,
      type: 'string',
      helpText:
        'The number of the notification chain (the SMS, Viber and e-mail scheme) that should handle the ' +
        'track. Chains are set up under ' +
        '**Настройка** (Settings) in your ' +
        "[DeliveryCRM account](https://deliverycrm.ru/client/profile/index); R-Lab's support tells you a " +
        `chain's number: ${INTEGER_FORMS}. ` +
        byMode(
          mode,
          'When empty, your default chain handles the track.',
          'Leave empty to keep the chain the track is in.',
        ),
    }),
    defineInputField({
      key: 'send_to_user_email_full_tracking',
      label: LABELS.send_to_user_email_full_tracking,
      required: false,
      type: 'string',
      choices: YES_NO_CHOICES,
      helpText: `Yes: the buyer gets an e-mail at every status change of the parcel. No when empty. A mapped value may be ${YES_NO_FORMS}.`,
    }),
    defineInputField({
      key: 'send_to_admin_email_full_tracking',
      label: LABELS.send_to_admin_email_full_tracking,
      required: false,
      type: 'string',
      choices: YES_NO_CHOICES,
      helpText:
        "Yes: the shop's e-mail (the one registered with R-Lab / Strekoza) gets an e-mail at every status change. No when empty. " +
        `A mapped value may be ${YES_NO_FORMS}.`,
    }),
    defineInputField({
      key: 'test_mode',
      label: LABELS.test_mode,
      required: false,
      type: 'string',
      choices: YES_NO_CHOICES,
      default: 'no',
      helpText:
        'Yes: R-Lab only checks the request and stores nothing. Use it while setting up the Zap. No when empty. ' +
        `A mapped value may be ${YES_NO_FORMS}.`,
    }),
  ] as const;
