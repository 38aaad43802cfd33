/**
 * Hidden triggers that feed dropdowns: the pickup points of a town (`pvzlist`) and the courier
 * service's delivery modes (`services`). Both are read only (docs/measoft.md, "Shipping flow").
 */
import { defineTrigger, type PollingTriggerPerform } from 'zapier-platform-core';
import { readText } from '../common/input';
import { requireMeasoft } from '../credentials';
import { PICKUP_POINT_LIST_KEY, SERVICE_LIST_KEY } from './fields';
import { listPickupPoints, listServices, type PickupPoint } from './reference-client';

/** Pickup points per dropdown page. */
export const PICKUP_POINTS_PER_PAGE = 100;

/** "Name — address (code)", what a user needs to tell two points apart in a dropdown. */
export const pickupPointLabel = (point: PickupPoint): string =>
  [point.name ?? point.code, point.address].filter(Boolean).join(' — ') + ` (${point.code})`;

/**
 * The town comes from the step the dropdown belongs to (Create's `receiver_town`, or `town`); without
 * one, MeaSoft lists every pickup point, page by page.
 */
export const performPickupPoints = (async (z, bundle) => {
  const input = (bundle.inputData ?? {}) as Record<string, unknown>;
  const town = readText(input.receiver_town) || readText(input.town) || undefined;
  const page = Math.max(0, Number(bundle.meta?.page ?? 0) || 0);
  const points = await listPickupPoints(z, requireMeasoft(z, bundle), {
    town,
    from: page * PICKUP_POINTS_PER_PAGE,
    count: PICKUP_POINTS_PER_PAGE,
  });
  return points.map((point) => ({
    id: point.code,
    name: pickupPointLabel(point),
    town: point.town,
    address: point.address,
    worktime: point.worktime,
  }));
}) satisfies PollingTriggerPerform;

export const performServices = (async (z, bundle) =>
  (await listServices(z, requireMeasoft(z, bundle))).map((service) => ({
    id: service.code,
    name: `${service.name} (${service.code})`,
  }))) satisfies PollingTriggerPerform;

export const pickupPointList = defineTrigger({
  key: PICKUP_POINT_LIST_KEY,
  noun: 'Pickup Point',
  display: {
    label: 'New MeaSoft Pickup Point',
    description:
      "Triggers when a pickup point appears in your courier service's list (feeds the pickup point dropdown).",
    hidden: true,
  },
  operation: {
    type: 'polling',
    canPaginate: true,
    perform: performPickupPoints,
    sample: {
      id: '124',
      name: 'ПВЗ на Тверской — ул. Тверская, д. 7 (124)',
      town: 'Москва',
      address: 'ул. Тверская, д. 7',
      worktime: 'пн-пт 10:00-20:00, сб 10:00-16:00',
    },
    outputFields: [
      { key: 'id', label: 'Pickup Point Code', type: 'string' },
      { key: 'name', label: 'Pickup Point', type: 'string' },
      { key: 'town', label: 'Town', type: 'string' },
      { key: 'address', label: 'Address', type: 'string' },
      { key: 'worktime', label: 'Working Hours', type: 'string' },
    ],
  },
});

export const serviceList = defineTrigger({
  key: SERVICE_LIST_KEY,
  noun: 'Delivery Mode',
  display: {
    label: 'New MeaSoft Delivery Mode',
    description:
      "Triggers when a delivery mode appears in your courier service's list (feeds the delivery mode dropdown).",
    hidden: true,
  },
  operation: {
    type: 'polling',
    perform: performServices,
    sample: { id: '1', name: 'Стандарт (1)' },
    outputFields: [
      { key: 'id', label: 'Delivery Mode Code', type: 'string' },
      { key: 'name', label: 'Delivery Mode', type: 'string' },
    ],
  },
});
