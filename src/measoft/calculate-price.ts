/**
 * Calculate MeaSoft Delivery Price: a read-only `calculator` request (docs/measoft.md, "Shipping
 * flow", calculator). Every option MeaSoft returns (one per delivery mode the route has, or the one
 * asked for) is a line item; the cheapest one is also given on its own for simple mapping.
 */
import { defineSearch, type SearchPerform, type ZObject } from 'zapier-platform-core';
import { invalidInput } from '../common/errors';
import { readNumber, readText } from '../common/input';
import { requireMeasoft } from '../credentials';
import { SERVICE_LIST_KEY } from './fields';
import { calculatePrice, type PriceOption, type PriceQuery } from './reference-client';
import { measoftRefusal } from './errors';
import { isTownRefusal, townRefusal } from './town-suggestions';

export const CALCULATE_PRICE_KEY = 'measoft_calculate_price';

/** The labels of this step's inputs, as messages name them. */
const LABELS = {
  from: 'Town From',
  to: 'Town To',
  weight: 'Weight (kg)',
  length: 'Length (cm)',
  width: 'Width (cm)',
  height: 'Height (cm)',
  inshprice: 'Declared Value',
  service: 'Delivery Mode',
} as const;

export interface PriceResult {
  id: string;
  town_from: string;
  town_to: string;
  weight: number;
  options_count: number;
  cheapest_price: number;
  cheapest_service: string | null;
  cheapest_service_name: string | null;
  cheapest_min_delivery_days: number | null;
  cheapest_max_delivery_days: number | null;
  options: PriceOption[];
}

const needed = (z: ZObject, label: string, value: unknown, expected: string): string => {
  const text = readText(value);
  if (text === '') throw invalidInput(z, label, expected);
  return text;
};

/** Reads and checks every field before anything is sent. */
export function readPriceQuery(z: ZObject, input: Record<string, unknown>): PriceQuery {
  const townFrom = needed(z, LABELS.from, input.town_from, 'the town the parcel leaves from, e.g. Москва');
  const townTo = needed(z, LABELS.to, input.town_to, 'the town of delivery, e.g. Санкт-Петербург');
  const mass = readNumber(z, LABELS.weight, input.weight);
  if (mass === undefined || mass <= 0)
    throw invalidInput(z, LABELS.weight, 'the weight in kilograms, e.g. 1.5', input.weight);
  const size = (label: string, value: unknown) => {
    const number = readNumber(z, label, value);
    if (number !== undefined && number <= 0) throw invalidInput(z, label, 'a size in centimetres above 0', value);
    return number;
  };
  return {
    townFrom,
    townTo,
    mass,
    length: size(LABELS.length, input.length),
    width: size(LABELS.width, input.width),
    height: size(LABELS.height, input.height),
    declaredValue: readNumber(z, LABELS.inshprice, input.inshprice),
    service: readText(input.service) || undefined,
  };
}

export const perform = (async (z, bundle) => {
  const input = bundle.inputData as Record<string, unknown>;
  const query = readPriceQuery(z, input);
  const credentials = requireMeasoft(z, bundle);
  let options: PriceOption[];
  try {
    options = await calculatePrice(z, credentials, query);
  } catch (error) {
    const refusal = measoftRefusal(error);
    if (refusal && isTownRefusal('api', refusal.code)) {
      const [label, town] = refusal.code === 21 ? [LABELS.from, query.townFrom] : [LABELS.to, query.townTo];
      throw await townRefusal(z, credentials, {
        label,
        town,
        list: 'api',
        ...refusal,
        outcome: 'No price was calculated.',
      });
    }
    throw error;
  }
  if (options.length === 0) return [];
  const sorted = [...options].sort((a, b) => a.price - b.price);
  const cheapest = sorted[0]!;
  const result: PriceResult = {
    id: `${query.townFrom}>${query.townTo}:${query.mass}:${query.service ?? 'all'}`,
    town_from: query.townFrom,
    town_to: query.townTo,
    weight: query.mass,
    options_count: sorted.length,
    cheapest_price: cheapest.price,
    cheapest_service: cheapest.service,
    cheapest_service_name: cheapest.service_name,
    cheapest_min_delivery_days: cheapest.min_delivery_days,
    cheapest_max_delivery_days: cheapest.max_delivery_days,
    options: sorted,
  };
  return [result];
}) satisfies SearchPerform<Record<string, unknown>, PriceResult>;

const text = (key: string, label: string, required: boolean, helpText: string) => ({
  key,
  label,
  required,
  type: 'string' as const,
  helpText,
});

export default defineSearch({
  key: CALCULATE_PRICE_KEY,
  noun: 'Delivery Price',
  display: {
    label: 'Calculate MeaSoft Delivery Price',
    description:
      "Finds the delivery price and time MeaSoft's tariffs give for a parcel between two towns, per delivery mode.",
  },
  operation: {
    inputFields: [
      text(
        'town_from',
        LABELS.from,
        true,
        'The town the parcel leaves from, as your courier service names it, e.g. `Москва`.',
      ),
      text('town_to', LABELS.to, true, "The buyer's town, e.g. `Санкт-Петербург`."),
      text('weight', LABELS.weight, true, 'The weight in kilograms, e.g. `1.5` (a decimal comma works too).'),
      text('length', LABELS.length, false, 'Optional. The parcel length in centimetres.'),
      text('width', LABELS.width, false, 'Optional. The parcel width in centimetres.'),
      text('height', LABELS.height, false, 'Optional. The parcel height in centimetres.'),
      text('inshprice', LABELS.inshprice, false, 'Optional. The declared value of the parcel, e.g. `2490`.'),
      {
        ...text(
          'service',
          LABELS.service,
          false,
          "Optional. One of your courier service's delivery modes; leave empty to get a price for every mode the " +
            'route has (each is a line item).',
        ),
        dynamic: `${SERVICE_LIST_KEY}.id.name`,
      },
    ],
    perform,
    sample: {
      id: 'Москва>Санкт-Петербург:1.5:all',
      town_from: 'Москва',
      town_to: 'Санкт-Петербург',
      weight: 1.5,
      options_count: 2,
      cheapest_price: 450,
      cheapest_service: '1',
      cheapest_service_name: 'Стандарт',
      cheapest_min_delivery_days: 2,
      cheapest_max_delivery_days: 3,
      options: [
        {
          service: '1',
          service_name: 'Стандарт',
          price: 450,
          zone: 2,
          min_delivery_days: 2,
          max_delivery_days: 3,
          min_delivery_date: '2024-05-22',
          town_from: 'Москва',
          town_to: 'Санкт-Петербург',
          weight: 1.5,
        },
        {
          service: '2',
          service_name: 'Экспресс',
          price: 720,
          zone: 2,
          min_delivery_days: 1,
          max_delivery_days: 1,
          min_delivery_date: '2024-05-21',
          town_from: 'Москва',
          town_to: 'Санкт-Петербург',
          weight: 1.5,
        },
      ],
    },
    outputFields: [
      { key: 'id', label: 'Quote ID', type: 'string' },
      { key: 'town_from', label: 'Town From', type: 'string' },
      { key: 'town_to', label: 'Town To', type: 'string' },
      { key: 'weight', label: 'Weight (kg)', type: 'number' },
      { key: 'options_count', label: 'Number of Options', type: 'integer' },
      { key: 'cheapest_price', label: 'Cheapest Price', type: 'number' },
      { key: 'cheapest_service', label: 'Cheapest Delivery Mode Code', type: 'string' },
      { key: 'cheapest_service_name', label: 'Cheapest Delivery Mode', type: 'string' },
      { key: 'cheapest_min_delivery_days', label: 'Cheapest Minimum Delivery Days', type: 'integer' },
      { key: 'cheapest_max_delivery_days', label: 'Cheapest Maximum Delivery Days', type: 'integer' },
      { key: 'options[]service', label: 'Option Delivery Mode Code', type: 'string' },
      { key: 'options[]service_name', label: 'Option Delivery Mode', type: 'string' },
      { key: 'options[]price', label: 'Option Price', type: 'number' },
      { key: 'options[]zone', label: 'Option Tariff Zone', type: 'integer' },
      { key: 'options[]min_delivery_days', label: 'Option Minimum Delivery Days (Working Days)', type: 'integer' },
      { key: 'options[]max_delivery_days', label: 'Option Maximum Delivery Days (Working Days)', type: 'integer' },
      { key: 'options[]min_delivery_date', label: 'Option Earliest Delivery Date', type: 'string' },
      { key: 'options[]town_from', label: 'Option Town From', type: 'string' },
      { key: 'options[]town_to', label: 'Option Town To', type: 'string' },
      { key: 'options[]weight', label: 'Option Weight (kg)', type: 'number' },
    ],
  },
});
