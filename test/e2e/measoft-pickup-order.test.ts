/**
 * The demo's shipping Zap end to end against the sandbox's MeaSoft emulator: New Abaha Order →
 * Calculate MeaSoft Delivery Price → Find MeaSoft Pickup Point in the buyer's town → Create MeaSoft
 * Courier Order to that pickup point (the quote's cheapest mode and price) → Update MeaSoft Courier
 * Order with a corrected phone. Also the sender block, packages and a refused town on the emulator.
 */
import App from '../../src/index';
import { abahaOrder } from '../../sandbox/senders';
import { caught } from '../support/zapier-error';
import { appTester, runOperation, useSandbox } from './helpers';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Any = any;

describe('e2e: a Zap ships an Abaha order to a MeaSoft pickup point', () => {
  const sandbox = useSandbox();
  const auth = () => {
    const { measoft_login, measoft_password, measoft_extra } = sandbox().accounts;
    return { measoft_login, measoft_password, measoft_extra };
  };

  /** New Abaha Order as Zapier hands the delivery to the trigger. */
  const abahaEvent = async (payload: Record<string, unknown>) => {
    const trigger = (App.triggers as Record<string, Any>).abaha_order.operation;
    const [event] = (await appTester(trigger.perform, {
      inputData: {},
      cleanedRequest: payload,
      rawRequest: { headers: {}, content: JSON.stringify(payload) },
    })) as Any[];
    return event;
  };

  it('quotes, picks the point, creates the order there with the quote, then corrects the phone', async () => {
    const event = await abahaEvent(
      abahaOrder({
        id: '200301',
        cart_code: '200301',
        total_after: '2490',
        address: { name: 'Анна Петрова', tel: '+7 (916) 000-00-00', address: '', city: 'Москва' },
      }),
    );
    expect(event).toMatchObject({ cart_code: '200301', address: { city: 'Москва' } });

    const [quote] = (await runOperation('measoft_calculate_price', auth(), {
      town_from: 'Москва',
      town_to: event.address.city,
      weight: '1,5',
    })) as Any[];
    // Zone 1 (same town): 300 + 40 for the second kilogram = 340; До пункта выдачи (3) is 0.8x: 272.
    expect([quote.cheapest_service, quote.cheapest_price]).toEqual(['3', 272]);

    const points = (await runOperation('measoft_find_pickup_point', auth(), { town: event.address.city })) as Any[];
    expect(points.map((point) => point.code)).toEqual(['124', '125']);

    const created = (await runOperation('measoft_create_order', auth(), {
      orderno: event.cart_code,
      receiver_name: event.address.name,
      receiver_phone: event.address.tel,
      receiver_town: event.address.city,
      receiver_address: event.address.address,
      pickup_point: points[0].code,
      service: quote.cheapest_service,
      deliveryprice: quote.cheapest_price,
      paytype: 'CASH',
      price: event.total_after,
      acceptpartially: 'нет',
      packages: [{ package_name: 'Коробка', package_weight: '1,5', package_length: '30', package_width: '20' }],
    })) as Any;
    expect(created).toMatchObject({ orderno: '200301', created_now: true, service: '3', acceptpartially: false });
    expect(created.receiver).toMatchObject({ town: 'Москва', address: '124', pvz: '124' });
    expect(created.packages).toEqual([expect.objectContaining({ name: 'Коробка', mass: 1.5, length: 30, width: 20 })]);
    const stored = sandbox().measoft.orders.get('200301')!;
    expect(stored.deliveryFee).toEqual({ price: '272', vatRate: '' });
    expect(stored.fields).toMatchObject({ quantity: '1', weight: '1.5', service: '3', acceptpartially: 'NO' });

    // Without the fee the step refuses before anything is sent: MeaSoft would drop it (the whole order is replaced).
    const before = sandbox().measoft.requests.length;
    const refused = await caught(
      runOperation('measoft_update_order', auth(), { orderno: created.orderno, receiver_phone: '+7 (916) 111-22-33' }),
    );
    expect(refused.message).toContain('Delivery Fee Charged to the Buyer is empty, so nothing was sent.');
    expect(sandbox().measoft.requests.length).toBe(before);
    expect(sandbox().measoft.orders.get('200301')!.deliveryFee).toEqual({ price: '272', vatRate: '' });

    const updated = (await runOperation('measoft_update_order', auth(), {
      orderno: created.orderno,
      receiver_phone: '+7 (916) 111-22-33',
      deliveryprice: quote.cheapest_price,
    })) as Any;
    expect(updated).toMatchObject({ updated_now: true, changed_fields: 'receiver_phone, deliveryprice' });
    expect(sandbox().measoft.orders.get('200301')!.deliveryFee).toEqual({ price: '272', vatRate: '' });
    expect(updated.receiver).toMatchObject({ phone: '+7 (916) 111-22-33', pvz: '124', address: '124' });
    expect(updated).toMatchObject({ service: '3', acceptpartially: false });
    expect(updated.packages).toEqual([expect.objectContaining({ name: 'Коробка', mass: 1.5 })]);
    expect(sandbox().measoft.orders.size).toBe(1);
  });

  it('sends a pickup from another address; the emulator keeps the sender block through an update', async () => {
    const sender = {
      sender_company: 'ООО "Склад"',
      sender_phone: '+7 (812) 000-00-01',
      sender_town: 'Санкт-Петербург',
      sender_address: 'Складская, 1',
      sender_date: '09.12.2026',
    };
    const created = (await runOperation('measoft_create_order', auth(), {
      orderno: '200302',
      receiver_name: 'Олег',
      receiver_phone: '+7 (916) 000-00-02',
      receiver_town: 'Москва',
      receiver_address: 'Петровка, 38',
      ...sender,
    })) as Any;
    expect(created.sender).toMatchObject({
      company: 'ООО "Склад"',
      phone: '+7 (812) 000-00-01',
      town: 'Санкт-Петербург',
      address: 'Складская, 1',
      date: '2026-12-09',
    });
    await runOperation('measoft_update_order', auth(), {
      orderno: '200302',
      instruction: 'Позвонить за час',
      deliveryprice: '0',
    });
    expect(sandbox().measoft.orders.get('200302')!.sender).toMatchObject({ town: 'Санкт-Петербург' });
  });

  it('a sender town MeaSoft does not know is named with close names, and no order is created', async () => {
    const error = await caught(
      runOperation('measoft_create_order', auth(), {
        orderno: '200303',
        receiver_name: 'Олег',
        receiver_phone: '+7 (916) 000-00-03',
        receiver_town: 'Москва',
        pickup_point: '125',
        sender_phone: '+7 (495) 000-00-01',
        sender_town: 'Мытищщи',
        sender_address: 'Складская, 1',
      }),
    );
    expect(error.message).toMatch(/^Sender Town: MeaSoft does not know the town "Мытищщи" \(error 6 /);
    expect(error.message).toContain("No order was created. Close names in MeaSoft's town reference book: Мытищи");
    expect(sandbox().measoft.orders.has('200303')).toBe(false);
  });
});
