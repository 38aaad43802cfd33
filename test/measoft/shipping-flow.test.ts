/**
 * The shipping-flow operations with exact request bodies (nock): Calculate MeaSoft Delivery Price,
 * Find MeaSoft Pickup Point, the pickup point and delivery mode dropdowns, Update MeaSoft Courier
 * Order, and the town refusal with close names.
 */
import nock from 'nock';
import { createAppTester } from 'zapier-platform-core';
import App from '../../src/index';
import { perform as calculate } from '../../src/measoft/calculate-price';
import { perform as findPickupPoint } from '../../src/measoft/find-pickup-point';
import { performPickupPoints, performServices } from '../../src/measoft/reference-dropdowns';
import { searchStem } from '../../src/measoft/town-suggestions';
import { perform as update } from '../../src/measoft/update-order';
import { caught } from '../support/zapier-error';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const loose = (perform: unknown) => perform as (z: any, bundle: any) => Promise<any>;
const appTester = createAppTester(App);
const API = 'https://home.courierexe.ru';
const authData = { measoft_login: 'shop', measoft_password: 'secret-pass-123', measoft_extra: '8' };
const AUTH = '<auth login="shop" pass="secret-pass-123" extra="8"/>';
const doc = (inner: string) => `<?xml version="1.0" encoding="UTF-8"?>${inner}`;
const run = (perform: unknown, inputData: Record<string, unknown>, meta: Record<string, unknown> = {}) =>
  appTester(loose(perform), { authData, inputData, meta });

beforeAll(() => nock.disableNetConnect());
afterEach(() => {
  const pending = nock.pendingMocks();
  nock.cleanAll();
  expect(pending).toEqual([]);
});
afterAll(() => nock.enableNetConnect());

const CALC = (service: string, name: string, price: string, min: string, max: string) =>
  `<calc><townfrom code="1">Москва</townfrom><townto code="2">Санкт-Петербург</townto><mass>1.5</mass>` +
  `<service name="${name}">${service}</service><zone>2</zone><price>${price}</price>` +
  `<mindeliverydays>${min}</mindeliverydays><maxdeliverydays>${max}</maxdeliverydays>` +
  `<mindeliverydate>2024-05-22</mindeliverydate></calc>`;

describe('Calculate MeaSoft Delivery Price', () => {
  it('sends one <calc> with the parcel and returns every option as a line item, cheapest first', async () => {
    nock(API)
      .post(
        '/api/',
        doc(
          `<calculator>${AUTH}<calc townfrom="Москва" townto="Санкт-Петербург" l="30" w="20" h="10" mass="1.5" inshprice="2490"/></calculator>`,
        ),
      )
      .reply(
        200,
        doc(
          `<calculator>${CALC('2', 'Экспресс', '720.00', '1', '1')}${CALC('1', 'Стандарт', '450,50', '2', '3')}</calculator>`,
        ),
      );
    const [result] = await run(calculate, {
      town_from: ' Москва ',
      town_to: 'Санкт-Петербург',
      weight: '1,5',
      length: '30',
      width: '20',
      height: '10',
      inshprice: '2 490',
    });
    expect(result).toMatchObject({
      options_count: 2,
      cheapest_price: 450.5,
      cheapest_service: '1',
      cheapest_service_name: 'Стандарт',
      cheapest_min_delivery_days: 2,
      cheapest_max_delivery_days: 3,
    });
    expect(result.options.map((option: { service: string }) => option.service)).toEqual(['1', '2']);
    expect(result.options[1]).toEqual({
      service: '2',
      service_name: 'Экспресс',
      price: 720,
      zone: 2,
      min_delivery_days: 1,
      max_delivery_days: 1,
      min_delivery_date: '2024-05-22',
      town_from: 'Москва',
      town_to: 'Санкт-Петербург',
      weight: 1.5,
    });
  });

  it('asks for one delivery mode when one is chosen', async () => {
    nock(API)
      .post(
        '/api/',
        doc(`<calculator>${AUTH}<calc townfrom="Казань" townto="Москва" mass="2" service="2"/></calculator>`),
      )
      .reply(200, doc(`<calculator>${CALC('2', 'Экспресс', '1040', '3', '5')}</calculator>`));
    const [result] = await run(calculate, { town_from: 'Казань', town_to: 'Москва', weight: '2', service: '2' });
    expect(result.options_count).toBe(1);
  });

  it.each([
    [{ town_to: 'Москва', weight: '1' }, 'Town From: expected'],
    [{ town_from: 'Москва', weight: '1' }, 'Town To: expected'],
    [{ town_from: 'Москва', town_to: 'Казань' }, 'Weight (kg): expected'],
    [{ town_from: 'Москва', town_to: 'Казань', weight: 'полтора' }, 'Weight (kg): expected'],
    [{ town_from: 'Москва', town_to: 'Казань', weight: '0' }, 'Weight (kg): expected'],
    [{ town_from: 'Москва', town_to: 'Казань', weight: '1', length: '-3' }, 'Length (cm): expected'],
    [
      { town_from: 'Москва', town_to: 'Казань', weight: '1', height: '0' },
      'Height (cm): expected a size in centimetres',
    ],
    [{ town_from: 'Москва', town_to: 'Казань', weight: '1', inshprice: 'много' }, 'Declared Value: expected'],
  ])('refuses %j before anything is sent', async (input, message) => {
    const error = await caught(run(calculate, input));
    expect(error.message).toContain(message);
  });

  it('names the refused town and shows close names from the town reference book (error 22)', async () => {
    nock(API)
      .post('/api/', doc(`<calculator>${AUTH}<calc townfrom="Москва" townto="г. Масквабад" mass="1"/></calculator>`))
      .reply(200, doc('<calculator error="22" errormsg="Город назначения не найден"/>'));
    nock(API)
      .post(
        '/api/',
        doc(
          `<townlist>${AUTH}<conditions><namecontains>Маскв</namecontains></conditions><limit><limitcount>5</limitcount></limit></townlist>`,
        ),
      )
      .reply(
        200,
        doc(
          '<townlist count="2" page="1"><town><code>9</code><name>Масква</name><city><code>1</code><name>Тестовая область</name></city></town>' +
            '<town><code>10</code><name>Масквабадово</name></town></townlist>',
        ),
      );
    const error = await caught(run(calculate, { town_from: 'Москва', town_to: 'г. Масквабад', weight: '1' }));
    expect(error.code).toBe('MeasoftUnknownTown');
    expect(error.message).toBe(
      'Town To: MeaSoft does not know the town "г. Масквабад" (error 22 "Город назначения не найден": the ' +
        "destination town is unknown). No price was calculated. Close names in MeaSoft's town reference book: " +
        'Масква (Тестовая область); Масквабадово.',
    );
  });

  it('still names the field when the reference book lookup itself fails', async () => {
    nock(API)
      .post('/api/', doc(`<calculator>${AUTH}<calc townfrom="Мосвка" townto="Казань" mass="1"/></calculator>`))
      .reply(200, doc('<calculator error="21" errormsg="Город отправления не найден"/>'));
    nock(API).post('/api/').reply(500, 'down');
    const error = await caught(run(calculate, { town_from: 'Мосвка', town_to: 'Казань', weight: '1' }));
    expect(error.message).toMatch(/^Town From: MeaSoft does not know the town "Мосвка" \(error 21 /);
    expect(error.message).toContain('has no close name either');
  });

  it('passes other refusals on with their code, text and meaning', async () => {
    nock(API).post('/api/').reply(200, doc('<calculator error="15" errormsg="Тариф не найден"/>'));
    const error = await caught(run(calculate, { town_from: 'Москва', town_to: 'Казань', weight: '1' }));
    expect(error.message).toBe(
      'MeaSoft refused the request: error 15 "Тариф не найден" (no tariff was found; ask your courier service which tariffs your account has).',
    );
  });

  it('reads a refusal sent as an <error> child, and refuses an undocumented answer', async () => {
    nock(API)
      .post('/api/')
      .reply(200, doc('<calculator><error error="36" errormsg="Ошибка определения тарифа"/></calculator>'));
    const refused = await caught(run(calculate, { town_from: 'Москва', town_to: 'Казань', weight: '1' }));
    expect(refused.message).toContain(
      'error 36 "Ошибка определения тарифа" (the tariff could not be determined; ask your courier service which tariffs your account has)',
    );
    nock(API).post('/api/').reply(200, doc('<calculator><calc><zone>1</zone></calc></calculator>'));
    const odd = await caught(run(calculate, { town_from: 'Москва', town_to: 'Казань', weight: '1' }));
    expect(odd.code).toBe('MeasoftBadAnswer');
  });

  it('returns no result when MeaSoft has no option', async () => {
    nock(API).post('/api/').reply(200, doc('<calculator/>'));
    await expect(run(calculate, { town_from: 'Москва', town_to: 'Казань', weight: '1' })).resolves.toEqual([]);
  });
});

const PVZ =
  '<pvz><code>124</code><clientcode>MSK-TV7</clientcode><name>ПВЗ на Тверской</name><parentcode>1</parentcode>' +
  '<parentname>Склад</parentname><town code="1" regioncode="77" regionname="Москва">Москва</town>' +
  '<address>ул. Тверская, д. 7</address><phone>+7 (495) 000-00-07</phone><comment/><worktime>пн-пт 10-20</worktime>' +
  '<traveldescription>м. Охотный ряд</traveldescription><maxweight>15</maxweight><acceptcash>YES</acceptcash>' +
  '<acceptcard>NO</acceptcard><acceptfitting>YES</acceptfitting><acceptindividuals>YES</acceptindividuals>' +
  '<latitude>55.7577</latitude><longitude>37.6137</longitude></pvz>';

describe('Find MeaSoft Pickup Point', () => {
  it('lists the pickup points of a town with what each accepts', async () => {
    nock(API)
      .post('/api/', doc(`<pvzlist>${AUTH}<town>Москва</town><limit><limitcount>50</limitcount></limit></pvzlist>`))
      .reply(200, doc(`<pvzlist count="1">${PVZ}</pvzlist>`));
    const [point] = await run(findPickupPoint, { town: 'Москва' });
    expect(point).toEqual({
      id: '124',
      code: '124',
      clientcode: 'MSK-TV7',
      name: 'ПВЗ на Тверской',
      parentcode: '1',
      parentname: 'Склад',
      town: 'Москва',
      town_code: '1',
      region_code: '77',
      region_name: 'Москва',
      address: 'ул. Тверская, д. 7',
      phone: '+7 (495) 000-00-07',
      comment: null,
      worktime: 'пн-пт 10-20',
      traveldescription: 'м. Охотный ряд',
      maxweight: 15,
      acceptcash: true,
      acceptcard: false,
      acceptfitting: true,
      acceptindividuals: true,
      latitude: 55.7577,
      longitude: 37.6137,
    });
  });

  it('finds one by its code, and asks for a town or a code before sending', async () => {
    nock(API)
      .post('/api/', doc(`<pvzlist>${AUTH}<code>124</code><limit><limitcount>50</limitcount></limit></pvzlist>`))
      .reply(200, doc(`<pvzlist count="1">${PVZ}</pvzlist>`));
    await expect(run(findPickupPoint, { code: '124' })).resolves.toHaveLength(1);
    const error = await caught(run(findPickupPoint, { town: '  ' }));
    expect(error.message).toBe('Town: expected the town to list pickup points of (or fill in Pickup Point Code).');
  });
});

describe('dropdowns', () => {
  it("pickup points of Create's receiver town, a page at a time", async () => {
    nock(API)
      .post(
        '/api/',
        doc(
          `<pvzlist>${AUTH}<town>Москва</town><limit><limitfrom>100</limitfrom><limitcount>100</limitcount></limit></pvzlist>`,
        ),
      )
      .reply(200, doc(`<pvzlist count="1">${PVZ}</pvzlist>`));
    await expect(run(performPickupPoints, { receiver_town: 'Москва' }, { page: 1 })).resolves.toEqual([
      {
        id: '124',
        name: 'ПВЗ на Тверской — ул. Тверская, д. 7 (124)',
        town: 'Москва',
        address: 'ул. Тверская, д. 7',
        worktime: 'пн-пт 10-20',
      },
    ]);
  });

  it("the courier service's delivery modes", async () => {
    nock(API)
      .post('/api/', doc(`<services>${AUTH}</services>`))
      .reply(
        200,
        doc(
          '<services><service><code>1</code><name>Стандарт</name></service><service><code>2</code><name>Экспресс</name></service></services>',
        ),
      );
    await expect(run(performServices, {})).resolves.toEqual([
      { id: '1', name: 'Стандарт (1)' },
      { id: '2', name: 'Экспресс (2)' },
    ]);
  });
});

const STORED =
  '<order orderno="00032011" orderno2="S-9" awb="00032011" ordercode="32011"><barcode>00032011</barcode>' +
  '<sender><company>Магазин</company><person>Иван</person><phone>111</phone><town regioncode="77" country="RU">Москва</town>' +
  '<address>Склад 1</address></sender>' +
  '<receiver><company/><person>Анна Петрова</person><phone>+7 (916) 000-00-00</phone><contacts><phone>x</phone></contacts>' +
  '<zipcode>190000</zipcode><town regioncode="78" country="RU">Санкт-Петербург</town><address>Невский, 10</address>' +
  '<pvz>210</pvz><date>2024-05-21</date><time_min>10:00</time_min><time_max>18:00</time_max><coords lat="1" lon="2"/></receiver>' +
  '<pickup>NO</pickup><weight>2.35</weight><quantity>2</quantity><paytype>CASH</paytype><service>1</service>' +
  '<price>4 990,50</price><inshprice>5000.00</inshprice><instruction>Позвонить</instruction><acceptpartially>NO</acceptpartially>' +
  '<status eventtime="2024-05-20 10:00:00" createtimegmt="2024-05-20 07:00:00" title="Новый">NEW</status>' +
  '<deliveryprice total="350.00"><advprice code="1" price="300"/></deliveryprice>' +
  '<items><item extcode="A-1" quantity="2" mass="0.5" retprice="1495.25" VATrate="20" returns="0">Книга</item></items>' +
  '<packages><package code="1" strbarcode="00032011-1" mass="1.2" length="30" name="Коробка"/></packages></order>';

const EDITED = (receiver: string, price = '4990.5', fee = '<deliveryprice>0</deliveryprice>') =>
  `<editorder>${AUTH}<order orderno="00032011" orderno2="S-9">` +
  '<sender><company>Магазин</company><person>Иван</person><phone>111</phone><town regioncode="77" country="RU">Москва</town>' +
  '<address>Склад 1</address></sender>' +
  `<receiver>${receiver}</receiver>` +
  `<pickup>NO</pickup><weight>2.35</weight><quantity>2</quantity><paytype>CASH</paytype><service>1</service><price>${price}</price>${fee}` +
  '<inshprice>5000</inshprice><instruction>Позвонить</instruction><acceptpartially>NO</acceptpartially>' +
  '<items><item extcode="A-1" quantity="2" mass="0.5" retprice="1495.25" VATrate="20">Книга</item></items>' +
  '<packages><package code="1" strbarcode="00032011-1" mass="1.2" length="30">Коробка</package></packages></order></editorder>';

const RECEIVER = (phone: string, town = '<town regioncode="78" country="RU">Санкт-Петербург</town>') =>
  `<person>Анна Петрова</person><phone>${phone}</phone><zipcode>190000</zipcode>${town}<address>Невский, 10</address>` +
  '<pvz>210</pvz><date>2024-05-21</date><time_min>10:00</time_min><time_max>18:00</time_max>';

const statusreq = () => nock(API).post('/api/', doc(`<statusreq>${AUTH}<orderno>00032011</orderno></statusreq>`));

describe('Update MeaSoft Courier Order', () => {
  it('resends the stored order in full with only the filled fields changed, then reads it back', async () => {
    statusreq().reply(200, doc(`<statusreq count="1">${STORED}</statusreq>`));
    nock(API)
      .post('/api/', doc(EDITED(RECEIVER('+7 (999) 111-22-33'))))
      .reply(200, doc('<editorder><createorder orderno="00032011" error="0" errormsg="Success"/></editorder>'));
    statusreq().reply(200, doc(`<statusreq count="1">${STORED}</statusreq>`));
    const result = await run(update, {
      orderno: '00032011',
      deliveryprice: '0',
      receiver_phone: '+7 (999) 111-22-33',
      receiver_name: '',
    });
    expect(result).toMatchObject({
      orderno: '00032011',
      updated_now: true,
      changed_fields: 'receiver_phone, deliveryprice',
      result_note: 'MeaSoft changed Receiver Phone of order 00032011 (Delivery Fee Charged to the Buyer sent as 0).',
    });
  });

  it('a new town drops the stored region; a new amount to collect replaces the stored one', async () => {
    statusreq().reply(200, doc(`<statusreq count="1">${STORED}</statusreq>`));
    nock(API)
      .post('/api/', doc(EDITED(RECEIVER('+7 (916) 000-00-00', '<town>Москва</town>'), '1200')))
      .reply(200, doc('<editorder><createorder orderno="00032011" error="0"/></editorder>'));
    statusreq().reply(200, doc(`<statusreq count="1">${STORED}</statusreq>`));
    const result = await run(update, {
      orderno: '00032011',
      deliveryprice: '0',
      receiver_town: 'Москва',
      price: '1 200',
    });
    expect(result.changed_fields).toBe('receiver_town, price, deliveryprice');
  });

  it("resends the buyer's fee as stated, with its VAT rate; statusreq's deliveryprice (the courier's charge) is never copied", async () => {
    statusreq().reply(200, doc(`<statusreq count="1">${STORED}</statusreq>`));
    nock(API)
      .post(
        '/api/',
        doc(EDITED(RECEIVER('+7 (999) 111-22-33'), '4990.5', '<deliveryprice VATrate="20">350.5</deliveryprice>')),
      )
      .reply(200, doc('<editorder><createorder orderno="00032011" error="0"/></editorder>'));
    statusreq().reply(200, doc(`<statusreq count="1">${STORED}</statusreq>`));
    const result = await run(update, {
      orderno: '00032011',
      receiver_phone: '+7 (999) 111-22-33',
      deliveryprice: '350,50',
      deliveryprice_vat_rate: '20',
    });
    expect(result).toMatchObject({
      updated_now: true,
      changed_fields: 'receiver_phone, deliveryprice',
      result_note:
        'MeaSoft changed Receiver Phone of order 00032011 (Delivery Fee Charged to the Buyer sent as 350.5 (VAT 20%)).',
    });
  });

  it('sends an edit when only the fee is filled in (it cannot be compared with what MeaSoft holds)', async () => {
    statusreq().reply(200, doc(`<statusreq count="1">${STORED}</statusreq>`));
    nock(API)
      .post('/api/', doc(EDITED(RECEIVER('+7 (916) 000-00-00'), '4990.5', '<deliveryprice>400</deliveryprice>')))
      .reply(200, doc('<editorder><createorder orderno="00032011" error="0"/></editorder>'));
    statusreq().reply(200, doc(`<statusreq count="1">${STORED}</statusreq>`));
    const result = await run(update, { orderno: '00032011', deliveryprice: '400' });
    expect(result).toMatchObject({
      updated_now: true,
      changed_fields: 'deliveryprice',
      result_note: 'MeaSoft took the order 00032011 again with Delivery Fee Charged to the Buyer sent as 400.',
    });
  });

  it('refuses an empty Delivery Fee Charged to the Buyer before any request: an edit without it would erase it', async () => {
    const anyRequest = nock(API)
      .post('/api/')
      .reply(200, doc(`<statusreq count="1">${STORED}</statusreq>`));
    const error = await caught(run(update, { orderno: '00032011', receiver_phone: '+7 (999) 111-22-33' }));
    expect(error.message).toBe(
      'Delivery Fee Charged to the Buyer is empty, so nothing was sent. MeaSoft takes a changed order only in ' +
        'full and does not report the delivery fee the buyer pays, so a change without it would erase the stored ' +
        'fee. Fill in the fee the buyer pays (as given to Create MeaSoft Courier Order), or 0 when the buyer pays ' +
        'no delivery fee.',
    );
    expect(anyRequest.isDone()).toBe(false);
    nock.cleanAll();
    const vat = await caught(run(update, { orderno: '00032011', instruction: 'x', deliveryprice_vat_rate: '20' }));
    expect(vat.message).toContain('Delivery Fee Charged to the Buyer: expected the delivery fee, because');
  });

  it('sends nothing when MeaSoft already holds the values', async () => {
    statusreq().reply(200, doc(`<statusreq count="1">${STORED}</statusreq>`));
    statusreq().reply(200, doc(`<statusreq count="1">${STORED}</statusreq>`));
    const result = await run(update, {
      orderno: '00032011',
      deliveryprice: '0',
      receiver_phone: '+7 (916) 000-00-00',
      price: '4990.50',
    });
    expect(result).toMatchObject({
      updated_now: false,
      changed_fields: '',
      result_note:
        'MeaSoft already had these values for order 00032011; nothing was sent, Delivery Fee Charged to the Buyer ' +
        'included (MeaSoft does not report the fee, so it cannot be compared; to change only the fee, fill in only the fee).',
    });
  });

  it('shows a refusal MeaSoft documents without a code with its text and the documented restriction', async () => {
    statusreq().reply(200, doc(`<statusreq count="1">${STORED}</statusreq>`));
    nock(API)
      .post('/api/')
      .reply(
        200,
        doc('<editorder><createorder orderno="00032011" error="54" errormsg="Заказ уже в работе"/></editorder>'),
      );
    const error = await caught(run(update, { orderno: '00032011', deliveryprice: '0', instruction: 'Не звонить' }));
    expect(error.message).toBe(
      'MeaSoft refused to change order 00032011: error 54 "Заказ уже в работе" (MeaSoft documents no code for ' +
        'this refusal; it changes only orders that are not in process yet, and only when your courier service has ' +
        'its Premium or Maximum plan with "Allow canceling and editing orders" switched on). Nothing was changed.',
    );
  });

  it("names Receiver Town when MeaSoft does not know it (error 5), with the reference book's close names", async () => {
    statusreq().reply(200, doc(`<statusreq count="1">${STORED}</statusreq>`));
    nock(API)
      .post('/api/')
      .reply(
        200,
        doc('<editorder><createorder orderno="00032011" error="5" errormsg="Не найден город получатель"/></editorder>'),
      );
    nock(API)
      .post(
        '/api/',
        doc(
          `<townlist>${AUTH}<conditions><namecontains>Мытищ</namecontains></conditions><limit><limitcount>5</limitcount></limit></townlist>`,
        ),
      )
      .reply(200, doc('<townlist count="1" page="1"><town><code>7</code><name>Мытищи</name></town></townlist>'));
    const error = await caught(run(update, { orderno: '00032011', deliveryprice: '0', receiver_town: 'Мытищщи' }));
    expect(error.message).toBe(
      'Receiver Town: MeaSoft does not know the town "Мытищщи" (error 5 "Не найден город получатель": the ' +
        "receiver's town is unknown to the courier service). Order 00032011 was not changed. Close names in " +
        "MeaSoft's town reference book: Мытищи.",
    );
  });

  it("never shows the password, even when MeaSoft's refusal text echoes it", async () => {
    statusreq().reply(200, doc(`<statusreq count="1">${STORED}</statusreq>`));
    nock(API)
      .post('/api/')
      .reply(
        200,
        doc('<editorder><createorder orderno="00032011" error="60" errormsg="bad pass secret-pass-123"/></editorder>'),
      );
    const error = await caught(run(update, { orderno: '00032011', deliveryprice: '0', instruction: 'x' }));
    expect(error.message).toContain('error 60 "bad pass [hidden]"');
    expect(error.message).not.toContain('secret-pass-123');
    nock(API)
      .post('/api/')
      .reply(200, doc('<calculator><error error="36" errormsg="tariff for secret-pass-123"/></calculator>'));
    const calc = await caught(run(calculate, { town_from: 'Москва', town_to: 'Казань', weight: '1' }));
    expect(calc.message).toContain('"tariff for [hidden]"');
  });

  it('passes documented order codes on with their meaning, and an unknown order as not found', async () => {
    statusreq().reply(200, doc(`<statusreq count="1">${STORED}</statusreq>`));
    nock(API)
      .post('/api/')
      .reply(
        200,
        doc('<editorder><createorder orderno="00032011" error="8" errormsg="Не заполнен телефон"/></editorder>'),
      );
    const refused = await caught(
      run(update, { orderno: '00032011', deliveryprice: '0', receiver_address: 'Литейный, 1' }),
    );
    expect(refused.message).toBe(
      'MeaSoft refused the request: error 8 "Не заполнен телефон" (the receiver\'s phone number is missing; fill in Receiver Phone).',
    );
    statusreq().reply(200, doc('<statusreq error="11" errormsg="Заказы не найдены"/>'));
    const missing = await caught(
      run(update, { orderno: '00032011', deliveryprice: '0', receiver_address: 'Литейный, 1' }),
    );
    expect(missing.code).toBe('MeasoftOrderNotFound');
  });

  it.each([
    [{ receiver_phone: '1' }, 'Order Number: expected'],
    [{ orderno: '1' }, 'Every field to change is empty, so nothing was sent.'],
    [{ orderno: '1', delivery_date: '2024-02-30' }, 'Delivery Date: expected a date such as 2024-05-20'],
    [{ orderno: '1', delivery_date: 'next week' }, 'Delivery Date: expected a date such as 2024-05-20'],
    [{ orderno: '1', time_min: '25:00' }, 'Delivery Time From: expected'],
    [{ orderno: '1', time_min: '18:00', time_max: '10:00' }, 'Delivery Time To: expected a time after'],
    [{ orderno: '1', price: '12 руб' }, 'Amount to Collect: expected'],
    [{ orderno: '1', instruction: 'x' }, 'Delivery Fee Charged to the Buyer is empty, so nothing was sent.'],
    [{ orderno: '1', instruction: 'x', deliveryprice: '350 руб' }, 'Delivery Fee Charged to the Buyer: expected'],
    [{ orderno: '1', instruction: 'x', deliveryprice: '-5' }, 'Delivery Fee Charged to the Buyer: expected'],
  ])('refuses %j before anything is sent', async (input, message) => {
    const error = await caught(run(update, input));
    expect(error.message).toContain(message);
  });
});

describe("text fields, so Zapier's editor hands them over unchanged", () => {
  // zapier-platform invoke converts inputs by field type the way Zapier's editor does (`1 200,5` -> 1200 for a number).
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the CLI's own code, in CommonJS with no types
  const resolveInputDataTypes = require('zapier-platform-cli/src/oclif/commands/invoke/input-types.js') as (
    inputData: Record<string, unknown>,
    fields: unknown[],
    timezone: string,
  ) => Record<string, unknown>;
  const fieldsOf = (group: 'searches' | 'creates', key: string) =>
    (App[group] as Record<string, { operation: { inputFields: Array<{ key: string; type?: string }> } }>)[key]!
      .operation.inputFields;

  it.each([
    ['searches', 'measoft_calculate_price'],
    ['searches', 'measoft_find_pickup_point'],
    ['creates', 'measoft_update_order'],
  ] as const)('%s %s: every input is a text field', (group, key) => {
    expect(
      fieldsOf(group, key)
        .filter((field) => field.type !== 'string')
        .map((field) => field.key),
    ).toEqual([]);
  });

  it('a weight of 1 200,5 kg reaches MeaSoft as 1200.5 after the CLI’s conversion', async () => {
    const inputData = resolveInputDataTypes(
      { town_from: 'Москва', town_to: 'Казань', weight: '1 200,5', inshprice: '1 000' },
      fieldsOf('searches', 'measoft_calculate_price'),
      'Europe/Moscow',
    );
    nock(API)
      .post(
        '/api/',
        doc(`<calculator>${AUTH}<calc townfrom="Москва" townto="Казань" mass="1200.5" inshprice="1000"/></calculator>`),
      )
      .reply(200, doc(`<calculator>${CALC('1', 'Стандарт', '900', '4', '6')}</calculator>`));
    await expect(run(calculate, inputData)).resolves.toHaveLength(1);
  });
});

describe('answers read only when documented, and the fallbacks of what MeaSoft may leave out', () => {
  it('an editorder answer without exactly one <createorder> with a code says the change may have been made', async () => {
    for (const answer of [
      '<editorder><createorder error="0"/><createorder error="0"/></editorder>',
      '<editorder><createorder orderno="00032011"/></editorder>',
    ]) {
      statusreq().reply(200, doc(`<statusreq count="1">${STORED}</statusreq>`));
      nock(API).post('/api/').reply(200, doc(answer));
      const error = await caught(run(update, { orderno: '00032011', deliveryprice: '0', instruction: 'x' }));
      expect(error.code).toBe('MeasoftBadAnswer');
      expect(error.message).toContain('The change may or may not have been made');
    }
  });

  it('an order changed but not returned right after is said so', async () => {
    statusreq().reply(200, doc(`<statusreq count="1">${STORED}</statusreq>`));
    nock(API).post('/api/').reply(200, doc('<editorder><createorder error="0"/></editorder>'));
    statusreq().reply(200, doc('<statusreq count="0"/>'));
    const error = await caught(run(update, { orderno: '00032011', deliveryprice: '0', instruction: 'x' }));
    expect(error.message).toBe(
      'MeaSoft changed Instructions for the Courier of order 00032011 (Delivery Fee Charged to the Buyer sent as 0). MeaSoft did not return the order when asked right after.',
    );
  });

  it('a stored order without receiver or sender gets the filled fields only; no stored value is invented', async () => {
    nock(API)
      .post('/api/', doc(`<statusreq>${AUTH}<orderno>7</orderno></statusreq>`))
      .reply(200, doc('<statusreq count="1"><order orderno="7"><weight>1</weight></order></statusreq>'));
    nock(API)
      .post(
        '/api/',
        doc(
          `<editorder>${AUTH}<order orderno="7"><receiver><phone>+7 900</phone></receiver><weight>1</weight><deliveryprice>0</deliveryprice></order></editorder>`,
        ),
      )
      .reply(200, doc('<editorder><createorder error="0"/></editorder>'));
    nock(API)
      .post('/api/', doc(`<statusreq>${AUTH}<orderno>7</orderno></statusreq>`))
      .reply(200, doc('<statusreq count="1"><order orderno="7"><status>NEW</status></order></statusreq>'));
    await expect(run(update, { orderno: '7', deliveryprice: '0', receiver_phone: '+7 900' })).resolves.toMatchObject({
      updated_now: true,
    });
  });

  it('services: a name missing reads as the code; a code missing is refused', async () => {
    nock(API).post('/api/').reply(200, doc('<services><service><code>4</code></service></services>'));
    await expect(run(performServices, {})).resolves.toEqual([{ id: '4', name: '4 (4)' }]);
    nock(API).post('/api/').reply(200, doc('<services><service><name>x</name></service></services>'));
    expect((await caught(run(performServices, {}))).code).toBe('MeasoftBadAnswer');
    nock(API).post('/api/').reply(200, doc('<services><tariff/></services>'));
    expect((await caught(run(performServices, {}))).message).toContain(
      'it holds a <tariff> element, not only <service>',
    );
  });

  it('pickup points: only a code is needed; without one the point is refused; the dropdown reads `town` too', async () => {
    nock(API)
      .post('/api/', doc(`<pvzlist>${AUTH}<town>Казань</town><limit><limitcount>100</limitcount></limit></pvzlist>`))
      .reply(200, doc('<pvzlist><pvz><code>9</code><town>Казань</town></pvz></pvzlist>'));
    await expect(run(performPickupPoints, { town: 'Казань' })).resolves.toEqual([
      { id: '9', name: '9 (9)', town: 'Казань', address: null, worktime: null },
    ]);
    nock(API)
      .post('/api/', doc(`<pvzlist>${AUTH}<limit><limitcount>100</limitcount></limit></pvzlist>`))
      .reply(200, doc('<pvzlist><pvz><name>x</name></pvz></pvzlist>'));
    expect((await caught(run(performPickupPoints, {}))).code).toBe('MeasoftBadAnswer');
  });

  it('an <error> child with code 0 is no refusal; one without a code is not a documented answer', async () => {
    nock(API).post('/api/').reply(200, doc('<calculator><error error="0"/></calculator>'));
    expect((await caught(run(calculate, { town_from: 'А', town_to: 'Б', weight: '1' }))).message).toContain(
      'it holds a <error> element, not only <calc>',
    );
    nock(API).post('/api/').reply(200, doc('<calculator><error errormsg="?"/></calculator>'));
    expect((await caught(run(calculate, { town_from: 'А', town_to: 'Б', weight: '1' }))).message).toContain(
      'an <error> element without a code',
    );
  });

  it('a mode without a name, days or date reads as empty; a server error is not read as a town refusal', async () => {
    nock(API)
      .post('/api/')
      .reply(200, doc('<calculator><calc><price>100</price><service>5</service></calc></calculator>'));
    const [quote] = await run(calculate, { town_from: 'А', town_to: 'Б', weight: '1' });
    expect(quote.options[0]).toMatchObject({ service: '5', service_name: null, zone: null, min_delivery_date: null });
    nock(API).post('/api/').reply(500, 'down');
    expect((await caught(run(calculate, { town_from: 'А', town_to: 'Б', weight: '1' }))).code).toBe(
      'MeasoftServerError',
    );
  });

  it('a one-letter town is not looked up; a town entry without a name is skipped', async () => {
    nock(API).post('/api/').reply(200, doc('<calculator error="22"/>'));
    const short = await caught(run(calculate, { town_from: 'Москва', town_to: 'Я', weight: '1' }));
    expect(short.message).toContain(
      '(error 22 "Город назначения не найден": the destination town is unknown). No price was calculated.',
    );
    expect(short.message).toContain('has no close name either');
    nock(API).post('/api/').reply(200, doc('<calculator error="21" errormsg="нет"/>'));
    nock(API)
      .post('/api/')
      .reply(200, doc('<townlist><town><code>1</code></town><town><name>Москва</name></town></townlist>'));
    const named = await caught(run(calculate, { town_from: 'Москв', town_to: 'Б', weight: '1' }));
    expect(named.message).toContain("Close names in MeaSoft's town reference book: Москва.");
  });
});

describe('Update MeaSoft Courier Order: the rarer answers', () => {
  it("names the sender's stored town for error 6, even without MeaSoft's text", async () => {
    statusreq().reply(200, doc(`<statusreq count="1">${STORED}</statusreq>`));
    nock(API).post('/api/').reply(200, doc('<editorder><createorder orderno="00032011" error="6"/></editorder>'));
    nock(API).post('/api/').reply(200, doc('<townlist count="0"/>'));
    const error = await caught(run(update, { orderno: '00032011', deliveryprice: '0', instruction: 'x' }));
    expect(error.message).toBe(
      'Sender\'s Town (Stored in MeaSoft): MeaSoft does not know the town "Москва" (error 6: the sender\'s town is ' +
        "unknown to the courier service). Order 00032011 was not changed. MeaSoft's town reference book has no " +
        'close name either: check the spelling, or ask your courier service whether it delivers there.',
    );
  });

  it('two orders under one number are not edited', async () => {
    statusreq().reply(200, doc(`<statusreq count="2">${STORED}${STORED}</statusreq>`));
    const error = await caught(run(update, { orderno: '00032011', deliveryprice: '0', instruction: 'x' }));
    expect(error.message).toBe('MeaSoft returned 2 orders numbered 00032011; nothing was changed.');
  });
});

describe('searchStem', () => {
  it.each([
    ['г. Москва', 'Москв'],
    ['Санкт-Петербург', 'Санкт'],
    ['Мир', 'Мир'],
    ['пос. Лесной, Московская обл.', 'Лесно'],
  ])('%s -> %s', (town, stem) => expect(searchStem(town)).toBe(stem));
});
