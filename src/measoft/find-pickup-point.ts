/**
 * Find MeaSoft Pickup Point: a read-only `pvzlist` request by town and/or pickup point code
 * (docs/measoft.md, "Shipping flow", pvzlist). Every point found is one result, in MeaSoft's order.
 */
import { defineSearch, type SearchPerform } from 'zapier-platform-core';
import { invalidInput } from '../common/errors';
import { readText } from '../common/input';
import { requireMeasoft } from '../credentials';
import { listPickupPoints, type PickupPoint } from './reference-client';

export const FIND_PICKUP_POINT_KEY = 'measoft_find_pickup_point';

/** At most this many points come back; a town with more is narrowed by its code. */
export const MAX_PICKUP_POINTS = 50;

export type PickupPointResult = PickupPoint & { id: string };

export const perform = (async (z, bundle) => {
  const town = readText(bundle.inputData.town);
  const code = readText(bundle.inputData.code);
  if (town === '' && code === '')
    throw invalidInput(z, 'Town', 'the town to list pickup points of (or fill in Pickup Point Code)');
  const points = await listPickupPoints(z, requireMeasoft(z, bundle), {
    town: town || undefined,
    code: code || undefined,
    count: MAX_PICKUP_POINTS,
  });
  return points.map((point) => ({ id: point.code, ...point }));
}) satisfies SearchPerform<{ town?: string; code?: string }, PickupPointResult>;

export default defineSearch({
  key: FIND_PICKUP_POINT_KEY,
  noun: 'Pickup Point',
  display: {
    label: 'Find MeaSoft Pickup Point',
    description:
      "Finds your courier service's pickup points in a town, or one by its code, with address, hours and what it accepts.",
  },
  operation: {
    inputFields: [
      {
        key: 'town',
        label: 'Town',
        required: false,
        type: 'string',
        helpText:
          "The buyer's town as your courier service names it, e.g. `Москва`. The first pickup point MeaSoft lists " +
          `is the result; up to ${MAX_PICKUP_POINTS} are read.`,
      },
      {
        key: 'code',
        label: 'Pickup Point Code',
        required: false,
        type: 'string',
        helpText: "Optional. MeaSoft's code of one pickup point, e.g. `124` (Pickup Point Code of an earlier search).",
      },
    ],
    perform,
    sample: {
      id: '124',
      code: '124',
      clientcode: 'MSK-TV7',
      name: 'ПВЗ на Тверской',
      parentcode: '1',
      parentname: 'Москва, центральный склад',
      town: 'Москва',
      town_code: '1',
      region_code: '77',
      region_name: 'Москва',
      address: 'ул. Тверская, д. 7',
      phone: '+7 (495) 000-00-07',
      comment: 'Вход со двора',
      worktime: 'пн-пт 10:00-20:00, сб 10:00-16:00',
      traveldescription: 'м. Охотный ряд, 3 минуты пешком',
      maxweight: 15,
      acceptcash: true,
      acceptcard: true,
      acceptfitting: true,
      acceptindividuals: true,
      latitude: 55.7577,
      longitude: 37.6137,
    },
    outputFields: [
      { key: 'id', label: 'ID', type: 'string' },
      { key: 'code', label: 'Pickup Point Code', type: 'string' },
      { key: 'clientcode', label: "Contractor's Pickup Point Code", type: 'string' },
      { key: 'name', label: 'Name', type: 'string' },
      { key: 'parentcode', label: 'Parent Branch Code', type: 'string' },
      { key: 'parentname', label: 'Parent Branch', type: 'string' },
      { key: 'town', label: 'Town', type: 'string' },
      { key: 'town_code', label: 'Town Code', type: 'string' },
      { key: 'region_code', label: 'Region Code', type: 'string' },
      { key: 'region_name', label: 'Region', type: 'string' },
      { key: 'address', label: 'Address', type: 'string' },
      { key: 'phone', label: 'Phone', type: 'string' },
      { key: 'comment', label: 'Comment', type: 'string' },
      { key: 'worktime', label: 'Working Hours', type: 'string' },
      { key: 'traveldescription', label: 'How to Get There', type: 'string' },
      { key: 'maxweight', label: 'Maximum Weight (kg)', type: 'number' },
      { key: 'acceptcash', label: 'Accepts Cash', type: 'boolean' },
      { key: 'acceptcard', label: 'Accepts Bank Cards', type: 'boolean' },
      { key: 'acceptfitting', label: 'Fitting Room', type: 'boolean' },
      { key: 'acceptindividuals', label: 'Open to Private Persons', type: 'boolean' },
      { key: 'latitude', label: 'Latitude', type: 'number' },
      { key: 'longitude', label: 'Longitude', type: 'number' },
    ],
  },
});
