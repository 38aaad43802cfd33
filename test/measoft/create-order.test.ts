/**
 * Create MeaSoft Courier Order's shipping fields with exact neworder bodies (nock): pickup point,
 * delivery mode, delivery fee with its VAT rate, packages, partial acceptance, the sender block;
 * the readers' refusals before anything is sent; MeaSoft's town refusals 5 and 6.
 */
import nock from 'nock';
import { createAppTester } from 'zapier-platform-core';
import App from '../../src/index';
import createOrderOperation, { perform as createOrder } from '../../src/measoft/create-order';
import { caught } from '../support/zapier-error';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const loose = (perform: unknown) => perform as (z: any, bundle: any) => Promise<any>;
const appTester = createAppTester(App);
const API = 'https://home.courierexe.ru';
const authData = { measoft_login: 'shop', measoft_password: 'secret-pass-123', measoft_extra: '8' };
const AUTH = '<auth login="shop" pass="secret-pass-123" extra="8"/>';
const doc = (inner: string) => `<?xml version="1.0" encoding="UTF-8"?>${inner}`;
const run = (inputData: Record<string, unknown>) => appTester(loose(createOrder), { authData, inputData });

const CREATED = doc(
  '<neworder><createorder orderno="S-9" barcode="00040001" error="0" errormsg="Success" orderprice="350"/></neworder>',
);
const READ_S9 = doc(`<statusreq>${AUTH}<orderno>S-9</orderno></statusreq>`);
const stored = (address: string) =>
  doc(
    `<statusreq count="1"><order orderno="S-9" orderno2=""><receiver><phone>+7 (916) 000-00-00</phone>` +
      `<address>${address}</address><pvz>124</pvz></receiver>` +
      '<status eventtime="2024-05-20 10:00:00" createtimegmt="2024-05-20 07:00:00">NEW</status></order></statusreq>',
  );
const neworder = (inner: string) =>
  doc(`<neworder newfolder="NO">${AUTH}<order orderno="S-9">${inner}</order></neworder>`);
const RECEIVER_AT_POINT =
  '<receiver><person>Анна Петрова</person><phone>+7 (916) 000-00-00</phone><town>Москва</town>' +
  '<address>124</address><pvz>124</pvz></receiver>';

const base = {
  orderno: 'S-9',
  receiver_name: 'Анна Петрова',
  receiver_phone: '+7 (916) 000-00-00',
  receiver_town: 'Москва',
};

beforeAll(() => nock.disableNetConnect());
afterEach(() => {
  const pending = nock.pendingMocks();
  nock.cleanAll();
  expect(pending).toEqual([]);
});
afterAll(() => nock.enableNetConnect());

describe('Create MeaSoft Courier Order: the shipping fields', () => {
  it('sends the sender block, the pickup point, mode, fee with VAT, partial acceptance and two packages', async () => {
    const created = nock(API)
      .post(
        '/api/',
        neworder(
          '<sender><company>ООО &quot;Склад&quot;</company><person>Иван</person><phone>+7 (495) 000-00-01</phone>' +
            '<town>Москва</town><address>Складская, 1</address><date>2026-12-09</date><time_min>10:00</time_min>' +
            '<time_max>14:00</time_max></sender>' +
            RECEIVER_AT_POINT +
            '<weight>2.3</weight><quantity>2</quantity><paytype>CASH</paytype><service>3</service><price>2490</price>' +
            '<deliveryprice VATrate="20">350.5</deliveryprice><acceptpartially>YES</acceptpartially>' +
            '<packages><package code="P1" strbarcode="CLNT00123_01" mass="1.5" length="30" width="20" height="10.5">' +
            'Коробка 1</package><package mass="0.8"/></packages>',
        ),
      )
      .reply(200, CREATED);
    nock(API).post('/api/', READ_S9).reply(200, stored('124'));
    const result = await run({
      ...base,
      pickup_point: ' 124 ',
      paytype: 'CASH',
      service: '3',
      price: '2 490',
      deliveryprice: '350,50',
      deliveryprice_vat_rate: '20',
      acceptpartially: 'да',
      packages: [
        {
          package_name: 'Коробка 1',
          package_weight: '1,5',
          package_length: '30',
          package_width: '20',
          package_height: '10,5',
          package_code: 'P1',
          package_barcode: 'CLNT00123_01',
        },
        { package_weight: '0,8' },
        { package_name: '', package_weight: '' },
      ],
      sender_company: 'ООО "Склад"',
      sender_person: 'Иван',
      sender_phone: '+7 (495) 000-00-01',
      sender_town: 'Москва',
      sender_address: 'Складская, 1',
      sender_date: '09.12.2026',
      sender_time_min: '10.00',
      sender_time_max: '14:00',
    });
    expect(created.isDone()).toBe(true);
    expect(result).toMatchObject({ orderno: 'S-9', created_now: true });
  });

  it('keeps a typed door address next to the pickup point; acceptpartially нет is NO; weight and quantity as typed', async () => {
    nock(API)
      .post(
        '/api/',
        neworder(
          '<receiver><person>Анна Петрова</person><phone>+7 (916) 000-00-00</phone><town>Москва</town>' +
            '<address>Петровка, 38</address><pvz>125</pvz></receiver><weight>3</weight><quantity>1</quantity>' +
            '<deliveryprice>0</deliveryprice><acceptpartially>NO</acceptpartially>' +
            '<packages><package mass="1"/></packages>',
        ),
      )
      .reply(200, CREATED);
    nock(API).post('/api/', READ_S9).reply(200, stored('Петровка, 38'));
    await run({
      ...base,
      receiver_address: 'Петровка, 38',
      pickup_point: '125',
      weight: '3',
      quantity: '1',
      deliveryprice: '0',
      acceptpartially: 'нет',
      packages: [{ package_weight: '1' }],
    });
  });

  it('reads packages mapped as parallel lists; leaves weight out when a package has none', async () => {
    nock(API)
      .post(
        '/api/',
        neworder(
          RECEIVER_AT_POINT +
            '<quantity>2</quantity><packages><package mass="1.2">A</package><package>B</package></packages>',
        ),
      )
      .reply(200, CREATED);
    nock(API).post('/api/', READ_S9).reply(200, stored('124'));
    await run({ ...base, pickup_point: '124', package_name: ['A', 'B'], package_weight: ['1,2'] });
  });

  it.each([
    [{ receiver_address: '' }, 'Receiver Address: expected the street address of delivery, or a Pickup Point'],
    [{ pickup_point: '124', packages: [{ package_weight: 'abc' }] }, 'Package Weight (kg): expected a number'],
    [{ pickup_point: '124', packages: [{ package_weight: '0' }] }, 'Package Weight (kg): expected a number above 0'],
    [
      { pickup_point: '124', packages: [{ package_weight: '1' }, { package_length: '1,200' }] },
      'Package Length (cm) (line 2): expected a number',
    ],
    [
      { pickup_point: '124', quantity: '3', packages: [{ package_weight: '1' }, { package_weight: '2' }] },
      'Number of Parcels: expected the number of Packages lines (2), or leave it empty to send that number (got "3")',
    ],
    [
      { pickup_point: '124', sender_phone: '+7 (495) 000-00-01', sender_address: 'Складская, 1' },
      'Sender Town: expected the town of the pickup address, because other Sender fields are filled in',
    ],
    [{ pickup_point: '124', sender_company: 'Склад' }, 'Sender Phone: expected the phone number at the pickup address'],
    [
      {
        pickup_point: '124',
        sender_phone: '+7 (495) 000-00-01',
        sender_town: 'Москва',
        sender_address: 'Складская, 1',
        sender_time_min: '15:00',
        sender_time_max: '11:00',
      },
      'Sender Pickup Time To: expected a time after Sender Pickup Time From (15:00)',
    ],
    [
      { pickup_point: '124', sender_phone: 'позвонить', sender_town: 'Москва', sender_address: 'Складская, 1' },
      'Sender Phone: expected',
    ],
    [
      { pickup_point: '124', deliveryprice_vat_rate: '20' },
      'Delivery Fee Charged to the Buyer: expected the delivery fee, because Delivery Fee VAT Rate (%) is filled in',
    ],
    [{ pickup_point: '124', deliveryprice: 'бесплатно' }, 'Delivery Fee Charged to the Buyer: expected a number'],
    [
      { pickup_point: '124', acceptpartially: 'maybe' },
      'Accept Partially (Buyer May Keep Some Items): expected yes or no',
    ],
  ])('refuses %j before anything is sent', async (extra, message) => {
    const error = await caught(run({ ...base, ...extra }));
    expect(error.message).toContain(message);
    expect(error.code).toBe('InvalidInput');
  });

  it("error 5: names Receiver Town, shows MeaSoft's close names and says no order was created", async () => {
    nock(API)
      .post(
        '/api/',
        neworder(
          '<receiver><person>Анна Петрова</person><phone>+7 (916) 000-00-00</phone><town>Масква</town>' +
            '<address>124</address><pvz>124</pvz></receiver>',
        ),
      )
      .reply(
        200,
        doc('<neworder><createorder orderno="" error="5" errormsg="Не найден город получатель"/></neworder>'),
      );
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
          '<townlist count="1" page="1"><town><code>1</code><name>Москва</name><city><code>77</code><name>Москва</name></city></town></townlist>',
        ),
      );
    const error = await caught(run({ ...base, receiver_town: 'Масква', pickup_point: '124' }));
    expect(error.code).toBe('MeasoftUnknownTown');
    expect(error.message).toBe(
      'Receiver Town: MeaSoft does not know the town "Масква" (error 5 "Не найден город получатель": ' +
        "the receiver's town is unknown to the courier service). No order was created. Close names in MeaSoft's " +
        'town reference book: Москва (Москва).',
    );
  });

  it('error 6 with a sender block: names Sender Town with close names', async () => {
    nock(API)
      .post(
        '/api/',
        neworder(
          '<sender><phone>+7 (495) 000-00-01</phone><town>Мытищщи</town><address>Складская, 1</address></sender>' +
            RECEIVER_AT_POINT,
        ),
      )
      .reply(
        200,
        doc('<neworder><createorder orderno="" error="6" errormsg="Не найден город отправитель"/></neworder>'),
      );
    nock(API)
      .post(
        '/api/',
        doc(
          `<townlist>${AUTH}<conditions><namecontains>Мытищ</namecontains></conditions><limit><limitcount>5</limitcount></limit></townlist>`,
        ),
      )
      .reply(200, doc('<townlist count="1" page="1"><town><code>7</code><name>Мытищи</name></town></townlist>'));
    const error = await caught(
      run({
        ...base,
        pickup_point: '124',
        sender_phone: '+7 (495) 000-00-01',
        sender_town: 'Мытищщи',
        sender_address: 'Складская, 1',
      }),
    );
    expect(error.message).toMatch(/^Sender Town: MeaSoft does not know the town "Мытищщи" \(error 6 /);
    expect(error.message).toContain("No order was created. Close names in MeaSoft's town reference book: Мытищи.");
  });

  it("error 6 without a sender block is about the account's own town: MeaSoft's error as it is, no town lookup", async () => {
    nock(API)
      .post('/api/', neworder(RECEIVER_AT_POINT))
      .reply(
        200,
        doc('<neworder><createorder orderno="" error="6" errormsg="Не найден город отправитель"/></neworder>'),
      );
    const error = await caught(run({ ...base, pickup_point: '124' }));
    expect(error.code).toBe('MeasoftError6');
    expect(error.message).not.toMatch(/^Sender Town:/);
    expect(error.message).toContain("sender's town");
  });
});

describe('Create MeaSoft Courier Order: the new input fields', () => {
  const fields = createOrderOperation.operation.inputFields as Array<Record<string, unknown>>;
  const byKey = (key: string) => fields.find((field) => field.key === key);

  it('offers the pickup points and delivery modes through the hidden triggers, all as text', () => {
    expect(byKey('pickup_point')).toMatchObject({ dynamic: 'measoft_pickup_point_list.id.name', type: 'string' });
    expect(byKey('service')).toMatchObject({ dynamic: 'measoft_service_list.id.name', type: 'string' });
    expect(byKey('receiver_address')).toMatchObject({ required: false });
    expect(fields.filter((field) => field.required).map((field) => field.key)).toEqual([
      'orderno',
      'receiver_name',
      'receiver_phone',
      'receiver_town',
    ]);
  });
});
