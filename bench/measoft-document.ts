/**
 * A realistic large MeaSoft webhook document: the shape of real `<order>` elements (attributes in
 * varying order, Cyrillic titles, indented text with trailing newlines, repeated <item>,
 * <package> and <deliveryprice> siblings, a long status history), grown to the size asked for.
 */
const TITLES = ['Новый', 'Получен складом', 'Отправлено со склада', 'Выдан курьеру на доставку', 'Доставлен'];
const CODES = ['NEW', 'ACCEPTED', 'DEPARTURE', 'DELIVERY', 'COMPLETE'];

const pad = (n: number) => String(n).padStart(2, '0');
const time = (minutes: number) => {
  const date = new Date(Date.UTC(2024, 0, 10, 8, 0) + minutes * 60_000);
  return (
    `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())} ` +
    `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}`
  );
};

function status(i: number): string {
  const k = i % CODES.length;
  return i % 2
    ? `    <status title="${TITLES[k]}" eventtime="${time(i * 7)}" eventstore="Склад ${i % 9}" ` +
        `createtimegmt="${time(i * 7 - 180)}" message="" country="RU">${CODES[k]}\n    </status>\n`
    : `    <status eventstore="Склад ${i % 9}" eventtime="${time(i * 7)}" ` +
        `createtimegmt="${time(i * 7 - 180)}" message="Комментарий курьера №${i}" ` +
        `title="${TITLES[k]}">\n      ${CODES[k]}\n    </status>\n`;
}

function item(i: number): string {
  return (
    `    <item extcode="SKU-${i}" quantity="${1 + (i % 4)}" mass="0.${(i % 9) + 1}" ` +
    `retprice="${(i * 37) % 5000}.50" VATrate="20" barcode="46${String(i).padStart(11, '0')}" article="A-${i}" ` +
    `type="1" returns="0">Товар №${i}: футболка хлопковая, размер ` +
    `${['S', 'M', 'L', 'XL'][i % 4]}\n    </item>\n`
  );
}

function pack(i: number): string {
  return (
    `    <package strbarcode="PKG${String(i).padStart(8, '0')}" mass="${(i % 7) + 1}.25" quantity="1" ` +
    `length="30" width="20" height="${10 + (i % 5)}">Коробка ${i}</package>\n`
  );
}

export function measoftDocument(targetBytes: number): string {
  const head =
    `<?xml version="1.0" encoding="UTF-8"?>\n<order orderno="00032011" awb="00032011" orderno2="" ` +
    `ordercode="0000032" givencode="">\n` +
    `  <barcode>00032011</barcode>\n  <sender>\n    <company>ООО «Ромашка»</company>\n    ` +
    `<phone>+7 (495) 000-00-00</phone>\n  </sender>\n` +
    `  <receiver>\n    <company>Иванов Иван</company>\n    <phone>+7 (916) 000-00-13</phone>\n    ` +
    `<contacts><phone>+79160000013</phone><phone>84950000000</phone></contacts>\n` +
    `    <town regioncode="77" country="RU">Москва</town>\n    <address>ул. Тверская, д. 1, ` +
    `кв. 2</address>\n    <coords lat="55.7287" lon="37.6447"/>\n  </receiver>\n` +
    `  <weight>12.4</weight>\n  <quantity>3</quantity>\n  <price>15430.00</price>\n  ` +
    `<inshprice>15000.00</inshprice>\n  <print_check>YES</print_check>\n  <receiverpays>NO</receiverpays>\n` +
    '  <deliveryprice total="450.00"><advprice code="1" price="300.00"/><advprice code="4" ' +
    `price="150.00"/></deliveryprice>\n` +
    '  <status eventstore="Москва" eventtime="2024-01-12 14:02:11" createtimegmt="2024-01-12 11:02:11" ' +
    `message="" title="Доставлен">COMPLETE\n  </status>\n`;
  const tail =
    `  <webhook_status_code>COMPLETE</webhook_status_code>\n  ` +
    `<webhook_status_time>2024-01-12 14:02:11</webhook_status_time>\n</order>\n`;
  // Roughly one third statuses, two thirds items and packages, until the size is reached.
  // Sizes are added up as the parts grow (measuring the whole string each time is quadratic).
  const history: string[] = [];
  const items: string[] = [];
  const packages: string[] = [];
  let bytes = Buffer.byteLength(head + tail);
  // Never above the size asked for (10 MiB is the most a Zapier webhook, and the app, accept).
  const frame = Buffer.byteLength(
    '  <statushistory>\n  </statushistory>\n  <items>\n  </items>\n  <packages>\n  </packages>\n',
  );
  bytes += frame;
  for (let i = 0; ; i += 1) {
    const parts = [status(i), item(i) + item(i + 100000), i % 3 === 0 ? pack(i) : ''];
    const size = parts.reduce((sum, part) => sum + Buffer.byteLength(part), 0);
    if (bytes + size > targetBytes) break;
    history.push(parts[0]!);
    items.push(parts[1]!);
    if (parts[2]) packages.push(parts[2]);
    bytes += size;
  }
  return (
    `${head}  <statushistory>\n${history.join('')}  </statushistory>\n  <items>\n${items.join('')}  </items>\n ` +
    ` <packages>\n${packages.join('')}  </packages>\n${tail}`
  );
}
