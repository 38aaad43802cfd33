/**
 * The MeaSoft shipping flow end to end, against the sandbox's emulator over loopback: a price quote,
 * pickup points of the buyer's town, the dropdowns, a courier order corrected with Update MeaSoft
 * Courier Order (only the filled field changes, nothing else is lost), and MeaSoft's refusals.
 */
import { perform as createOrder } from '../../src/measoft/create-order';
import { performPickupPoints, performServices } from '../../src/measoft/reference-dropdowns';
import { caught } from '../support/zapier-error';
import { appTester, runOperation, useSandbox } from './helpers';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Any = any;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const loose = (perform: unknown) => perform as (z: any, bundle: any) => Promise<any>;

describe('e2e: MeaSoft shipping flow against the sandbox', () => {
  const sandbox = useSandbox();
  const auth = () => {
    const { measoft_login, measoft_password, measoft_extra } = sandbox().accounts;
    return { measoft_login, measoft_password, measoft_extra };
  };
  const create = async (orderno: string) =>
    (await appTester(loose(createOrder), {
      authData: auth(),
      inputData: {
        orderno,
        receiver_name: 'Анна Петрова',
        receiver_phone: '+7 (916) 000-00-00',
        receiver_town: 'Москва',
        receiver_address: 'ул. Тверская, д. 7',
        weight: '1,5',
        paytype: 'CASH',
        price: '2490',
        instruction: 'Позвонить за час',
        items: [{ item_name: 'Футболка', item_quantity: '2', item_price: '1245' }],
      },
    })) as Any;

  it('quotes every delivery mode of a route, cheapest first, by the emulator’s invented tariff', async () => {
    const [quote] = (await runOperation('measoft_calculate_price', auth(), {
      town_from: 'Москва',
      town_to: 'Санкт-Петербург',
      weight: '1,5',
      inshprice: '1000',
    })) as Any[];
    // Zone 2: 450 + 40 (second kilogram) + 10 (1% of 1000) = 500; До пункта выдачи 0.8x, Экспресс 1.6x.
    expect(quote.options.map((o: Any) => [o.service_name, o.price, o.min_delivery_days, o.max_delivery_days])).toEqual([
      ['До пункта выдачи', 400, 2, 3],
      ['Стандарт', 500, 2, 3],
      ['Экспресс', 800, 1, 2],
    ]);
    expect(quote.cheapest_price).toBe(400);
    expect(sandbox().measoft.orders.size).toBe(0);
  });

  it('names a town MeaSoft refuses and shows close names from its town reference book', async () => {
    const error = await caught(
      runOperation('measoft_calculate_price', auth(), { town_from: 'Москва', town_to: 'Москваа', weight: '1' }),
    );
    expect(error.message).toMatch(/^Town To: MeaSoft does not know the town "Москваа" \(error 22 /);
    expect(error.message).toContain("Close names in MeaSoft's town reference book: Москва (Москва).");
  });

  it('finds the pickup points of the buyer’s town and one by its code; the dropdowns list them', async () => {
    const points = (await runOperation('measoft_find_pickup_point', auth(), { town: 'москва' })) as Any[];
    expect(points.map((p) => [p.code, p.acceptcard, p.maxweight])).toEqual([
      ['124', true, 15],
      ['125', false, 30],
    ]);
    const [one] = (await runOperation('measoft_find_pickup_point', auth(), { code: '210' })) as Any[];
    expect(one).toMatchObject({ town: 'Санкт-Петербург', region_code: '78', acceptcash: false, latitude: 59.9356 });
    const dropdown = await appTester(loose(performPickupPoints), {
      authData: auth(),
      inputData: { receiver_town: 'Санкт-Петербург' },
      meta: { page: 0 },
    });
    expect(dropdown).toEqual([expect.objectContaining({ id: '210', name: 'ПВЗ Невский — Невский пр., д. 20 (210)' })]);
    const services = await appTester(loose(performServices), { authData: auth(), inputData: {} });
    expect(services).toEqual([
      { id: '1', name: 'Стандарт (1)' },
      { id: '2', name: 'Экспресс (2)' },
      { id: '3', name: 'До пункта выдачи (3)' },
    ]);
  });

  it('changes only the phone: the address, amount, instructions and items MeaSoft holds stay', async () => {
    const created = await create('SHIP-1');
    const result = (await runOperation('measoft_update_order', auth(), {
      orderno: created.orderno,
      receiver_phone: '+7 (999) 111-22-33',
      receiver_address: '',
      deliveryprice: '0',
    })) as Any;
    expect(result).toMatchObject({ updated_now: true, changed_fields: 'receiver_phone, deliveryprice' });
    const stored = sandbox().measoft.orders.get(created.orderno)!;
    expect(stored.receiver).toMatchObject({
      person: 'Анна Петрова',
      phone: '+7 (999) 111-22-33',
      town: 'Москва',
      address: 'ул. Тверская, д. 7',
    });
    expect(stored.fields).toMatchObject({ price: '2490', instruction: 'Позвонить за час', paytype: 'CASH' });
    expect(stored.items).toEqual([{ name: 'Футболка', attributes: { quantity: '2', retprice: '1245' } }]);
    // The same value again: nothing is sent.
    const before = sandbox().measoft.requests.length;
    const again = (await runOperation('measoft_update_order', auth(), {
      orderno: created.orderno,
      receiver_phone: '+7 (999) 111-22-33',
      deliveryprice: '0',
    })) as Any;
    expect(again.updated_now).toBe(false);
    const sent = sandbox()
      .measoft.requests.slice(before)
      .map((request) => /<(\w+)>/.exec(request.body.replace(/<\?xml[^>]*\?>\s*/, ''))?.[1]);
    expect(sent).toEqual(['statusreq', 'statusreq']);
  });

  it("keeps the buyer's delivery fee when it is given, and refuses (sending nothing) when it is not", async () => {
    const created = (await runOperation('measoft_create_order', auth(), {
      orderno: 'SHIP-FEE',
      receiver_name: 'Анна Петрова',
      receiver_phone: '+7 (916) 000-00-00',
      receiver_town: 'Москва',
      receiver_address: 'ул. Тверская, д. 7',
      weight: '1',
      deliveryprice: '350,50',
      deliveryprice_vat_rate: '20',
    })) as Any;
    const stored = () => sandbox().measoft.orders.get(created.orderno)!;
    expect(stored().deliveryFee).toEqual({ price: '350.5', vatRate: '20' });
    const before = sandbox().measoft.requests.length;
    const refused = await caught(
      runOperation('measoft_update_order', auth(), { orderno: created.orderno, receiver_phone: '+7 (999) 111-22-33' }),
    );
    expect(refused.message).toContain('Delivery Fee Charged to the Buyer is empty, so nothing was sent.');
    expect(sandbox().measoft.requests.length).toBe(before);
    expect(stored().receiver.phone).toBe('+7 (916) 000-00-00');
    const updated = (await runOperation('measoft_update_order', auth(), {
      orderno: created.orderno,
      receiver_phone: '+7 (999) 111-22-33',
      deliveryprice: '350,50',
      deliveryprice_vat_rate: '20',
    })) as Any;
    expect(updated).toMatchObject({ updated_now: true, changed_fields: 'receiver_phone, deliveryprice' });
    expect(stored().receiver.phone).toBe('+7 (999) 111-22-33');
    expect(stored().deliveryFee).toEqual({ price: '350.5', vatRate: '20' });
    // "0": the buyer pays no fee, so the edit carries a zero fee, as stated.
    await runOperation('measoft_update_order', auth(), { orderno: created.orderno, deliveryprice: '0' });
    expect(stored().deliveryFee).toEqual({ price: '0', vatRate: '' });
  });

  it('an order already in process, or a courier service without editing, is refused with MeaSoft’s text', async () => {
    const created = await create('SHIP-2');
    sandbox().measoft.advance(created.orderno);
    const inWork = await caught(
      runOperation('measoft_update_order', auth(), { orderno: created.orderno, instruction: 'x', deliveryprice: '0' }),
    );
    expect(inWork.message).toContain('error 54 "Заказ уже в работе, изменение невозможно" (MeaSoft documents no code');
    const other = await create('SHIP-3');
    sandbox().measoft.editingAllowed = false;
    try {
      const off = await caught(
        runOperation('measoft_update_order', auth(), { orderno: other.orderno, instruction: 'x', deliveryprice: '0' }),
      );
      expect(off.message).toContain('error 53 "Редактирование заказов не разрешено"');
    } finally {
      sandbox().measoft.editingAllowed = true;
    }
    expect(sandbox().measoft.orders.get(other.orderno)!.fields.instruction).toBe('Позвонить за час');
    const town = await caught(
      runOperation('measoft_update_order', auth(), {
        orderno: other.orderno,
        receiver_town: 'Мытищщи',
        deliveryprice: '0',
      }),
    );
    expect(town.message).toBe(
      'Receiver Town: MeaSoft does not know the town "Мытищщи" (error 5 "Не найден город получатель": the ' +
        `receiver's town is unknown to the courier service). Order ${other.orderno} was not changed. Close names in ` +
        "MeaSoft's town reference book: Мытищи (Московская область).",
    );
  });
});
