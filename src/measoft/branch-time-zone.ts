/**
 * The time zone of the courier service's branches. MeaSoft writes each status's `eventtime` in the
 * local time of the branch where it happened and does not say which zone that is (docs/measoft.md,
 * "Times"), so the user says it; Moscow time fits MeaSoft's own example. Russia keeps no daylight
 * saving time, so each zone is one fixed offset.
 */
import { defineInputField, type ZObject } from 'zapier-platform-core';
import { readChoice } from '../common/input';
import { DEFAULT_READING, type OrderReading } from './read-order';

const ZONES: ReadonlyArray<[offset: string, english: string, russian: string]> = [
  ['+02:00', 'Kaliningrad', 'Калининград'],
  ['+03:00', 'Moscow, St Petersburg, Minsk', 'Москва'],
  ['+04:00', 'Samara', 'Самара'],
  ['+05:00', 'Yekaterinburg, Tashkent, Almaty', 'Екатеринбург'],
  ['+06:00', 'Omsk', 'Омск'],
  ['+07:00', 'Novosibirsk, Krasnoyarsk', 'Новосибирск'],
  ['+08:00', 'Irkutsk', 'Иркутск'],
  ['+09:00', 'Yakutsk', 'Якутск'],
  ['+10:00', 'Vladivostok', 'Владивосток'],
  ['+11:00', 'Magadan', 'Магадан'],
  ['+12:00', 'Kamchatka', 'Камчатка'],
];

export const BRANCH_TIME_ZONE_CHOICES = ZONES.map(([value, english, russian]) => ({
  value,
  label: `UTC${value} ${english} (${russian})`,
  sample: value,
}));

// A mapped value may also be the offset with UTC, a city of the label, or the Russian name: "UTC+05:00",
// "Yekaterinburg", "Екатеринбург" (read in any case, ё as е, by readChoice).
const ZONE_NAMES = ZONES.map(([value, english, russian]) => ({
  value,
  label: `UTC${value} ${english} (${russian})`,
  aliases: [`UTC${value}`, russian, ...english.split(', ')],
}));

const LABEL = 'Branch Time Zone';

/** One field object, shared by every MeaSoft operation that returns orders. */
export const branchTimeZoneField = defineInputField({
  key: 'branch_time_zone',
  label: LABEL,
  required: false,
  type: 'string',
  default: DEFAULT_READING.branchOffset,
  choices: BRANCH_TIME_ZONE_CHOICES,
  helpText:
    "The time zone of your courier service's branches. MeaSoft sends each status's event time as the " +
    "branch's clock shows it, " +
    'without a zone; this sets the zone the Event Time fields carry (12:40 in Yekaterinburg becomes `12:40+05:00`). ' +
    'Ask your courier service if unsure. Moscow time (UTC+3) when empty. Recorded At (GMT) does not depend on it. ' +
    'A mapped value may be the offset (`+05:00`), the label, a city of the label or its Russian name ' +
    '(`Екатеринбург`), in any case.',
});

/** How an operation reads MeaSoft's times, from its Branch Time Zone field; Moscow when empty. */
export function readOrderReading(z: ZObject, value: unknown): OrderReading {
  return { branchOffset: readChoice(z, LABEL, value, ZONE_NAMES) ?? DEFAULT_READING.branchOffset };
}
