/**
 * The MeaSoft emulator on its own, spoken to in raw XML the way MeaSoft's documentation shows
 * (never through src/): auth, neworder, statusreq, the ONLY_LAST stream with commit, cancelorder, faults.
 */
import { MeasoftEmulator } from '../../sandbox/emulators/measoft';
import { call } from './helpers';

const AUTH = '<auth login="sandbox-shop" pass="sandbox-measoft-pass" extra="8"/>';
const post = (emulator: MeasoftEmulator, xml: string) =>
  call(emulator.apiUrl, {
    method: 'POST',
    body: `<?xml version="1.0" encoding="UTF-8"?>${xml}`,
    headers: { 'Content-Type': 'text/xml; charset=utf-8' },
  });
const NEW_ORDER = (orderno2: string) =>
  `<neworder newfolder="NO">${AUTH}<order orderno="" orderno2="${orderno2}"><receiver><person>Анна</person><phone>+7 916 000-00-00</phone><town>Москва</town><address>Петровка, 38</address></receiver><weight>1</weight></order></neworder>`;
const ordernos = (xml: string) => [...xml.matchAll(/<order orderno="(\d+)"/g)].map((match) => match[1]);

describe('sandbox: MeaSoft emulator', () => {
  const emulator = new MeasoftEmulator();
  beforeAll(() => emulator.start());
  afterAll(() => emulator.stop());
  beforeEach(() => emulator.fault('none'));

  it('refuses a wrong password with error 25 on the root (1 on a neworder), quoting the <auth> it received', async () => {
    const answer = await post(
      emulator,
      '<statusreq><auth login="sandbox-shop" pass="n&amp;pe" extra="8"/></statusreq>',
    );
    expect(answer.text).toContain(
      '<statusreq error="25" errormsg="Ошибка авторизации: &lt;auth login=&quot;sandbox-shop&quot; pass=&quot;n&amp;amp;pe&quot;',
    );
    const order = await post(emulator, '<neworder><auth login="sandbox-shop" pass="nope" extra="8"/></neworder>');
    expect(order.text).toContain('<neworder error="1" errormsg="Ошибка авторизации: ');
  });

  it("editorder replaces the whole order, as documented: a buyer's fee not sent again is dropped; statusreq never shows it", async () => {
    const receiver =
      '<receiver><person>Анна</person><phone>1</phone><town>Москва</town><address>a</address></receiver>';
    await post(
      emulator,
      `<neworder newfolder="NO">${AUTH}<order orderno="FEE-1">${receiver}<price>100</price><deliveryprice VATrate="20">350</deliveryprice></order></neworder>`,
    );
    expect(emulator.orders.get('FEE-1')!.deliveryFee).toEqual({ price: '350', vatRate: '20' });
    const read = await post(emulator, `<statusreq>${AUTH}<orderno>FEE-1</orderno></statusreq>`);
    expect(read.text).not.toContain('350');
    const edit = (fee: string) =>
      post(
        emulator,
        `<editorder>${AUTH}<order orderno="FEE-1">${receiver}<price>100</price>${fee}</order></editorder>`,
      );
    expect((await edit('<deliveryprice VATrate="20">350</deliveryprice>')).text).toMatch(/error="0"/);
    expect(emulator.orders.get('FEE-1')!.deliveryFee).toEqual({ price: '350', vatRate: '20' });
    expect((await edit('')).text).toMatch(/error="0"/);
    expect(emulator.orders.get('FEE-1')!.deliveryFee).toBeNull();
  });

  it("creates under the client's orderno, and refuses that number again within the calendar year with 17", async () => {
    const order = `<neworder newfolder="NO">${AUTH}<order orderno="SHOP-17"><receiver><person>Анна</person><phone>1</phone><address>a</address></receiver></order></neworder>`;
    expect((await post(emulator, order)).text).toMatch(/<createorder orderno="SHOP-17"[^>]*error="0"/);
    expect((await post(emulator, order)).text).toMatch(/<createorder orderno="SHOP-17" error="17"/);
  });

  it('creates an order, finds it by orderno2, and refuses a missing phone with error 8', async () => {
    const created = await post(emulator, NEW_ORDER('S-1'));
    const orderno = /createorder orderno="(\d+)"/.exec(created.text)?.[1];
    expect(created.text).toMatch(/error="0"/);
    const found = await post(emulator, `<statusreq>${AUTH}<orderno2>S-1</orderno2></statusreq>`);
    expect(ordernos(found.text)).toEqual([orderno]);
    expect(found.text).toContain('<status eventstore="NEW"');
    const refused = await post(
      emulator,
      `<neworder>${AUTH}<order><receiver><person>A</person><address>B</address></receiver></order></neworder>`,
    );
    expect(refused.text).toMatch(/<createorder orderno="" error="8"/);
  });

  it('ONLY_LAST per stream: a commit marks only what the last answer returned; other streams keep theirs', async () => {
    const orderno = /createorder orderno="(\d+)"/.exec((await post(emulator, NEW_ORDER('S-2'))).text)![1]!;
    const changes = (stream: number) =>
      post(emulator, `<statusreq>${AUTH}<changes>ONLY_LAST</changes><streamid>${stream}</streamid></statusreq>`);
    const commit = (stream: number) =>
      post(emulator, `<commitlaststatus>${AUTH}<streamid>${stream}</streamid></commitlaststatus>`);
    expect(ordernos((await changes(500)).text)).toContain(orderno);
    emulator.advance(orderno); // PICKUP after the answer: the commit must not swallow it
    await commit(500);
    expect(ordernos((await changes(500)).text)).toEqual([orderno]);
    await commit(500);
    expect(ordernos((await changes(500)).text)).toEqual([]);
    expect(ordernos((await changes(600)).text)).toContain(orderno);
  });

  it('cancels a NEW order; refuses an unknown one with 52 and one in process', async () => {
    const orderno = /createorder orderno="(\d+)"/.exec((await post(emulator, NEW_ORDER('S-3'))).text)![1]!;
    expect(
      (await post(emulator, `<cancelorder>${AUTH}<order orderno="${orderno}" ordercode=""/></cancelorder>`)).text,
    ).toMatch(/error="0"/);
    expect(
      (await post(emulator, `<cancelorder>${AUTH}<order orderno="nope" ordercode=""/></cancelorder>`)).text,
    ).toMatch(/error="52"/);
    const busy = /createorder orderno="(\d+)"/.exec((await post(emulator, NEW_ORDER('S-4'))).text)![1]!;
    emulator.advance(busy);
    expect(
      (await post(emulator, `<cancelorder>${AUTH}<order orderno="${busy}" ordercode=""/></cancelorder>`)).text,
    ).toMatch(/error="54"/);
  });

  it('answers an unknown request with 14 and broken XML with 1; malformed cuts the answer off', async () => {
    expect((await post(emulator, `<streetlist>${AUTH}</streetlist>`)).text).toMatch(/error="14"/);
    expect((await post(emulator, '<statusreq><auth')).text).toMatch(/error="1"/);
    await emulator.fault('malformed');
    expect((await post(emulator, `<statusreq>${AUTH}</statusreq>`)).text).toMatch(/<order orderno="0003$/);
  });
});
