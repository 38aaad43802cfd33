/**
 * Builds the XML documents MeaSoft's API reads (docs/measoft.md, "API"). Every value is escaped, so a
 * receiver's name such as `ООО "Рога & Копыта" <склад>` reaches MeaSoft as typed and cannot add
 * elements of its own; characters XML 1.0 cannot carry at all (control characters) are dropped.
 */

export interface XmlNode {
  name: string;
  /** In the order written; attributes whose value is undefined are left out. */
  attributes?: ReadonlyArray<readonly [string, string | number | undefined]>;
  children?: readonly XmlNode[];
  text?: string | number;
}

// Char production of XML 1.0 minus what is legal: C0 controls but tab, LF and CR; U+FFFE/U+FFFF; lone surrogates.
const ILLEGAL =
  /[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

/** Text or an attribute value as XML; tab, CR and LF in attributes as references so they survive normalisation. */
export function escapeXml(value: string | number, inAttribute = false): string {
  const text = String(value)
    .replace(ILLEGAL, '')
    .replace(/[&<>"']/g, (char) => ESCAPES[char]!);
  return inAttribute
    ? text.replace(/\t/g, '&#9;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;')
    : text.replace(/\r/g, '&#13;');
}

export const element = (
  name: string,
  attributes: XmlNode['attributes'] = [],
  children: ReadonlyArray<XmlNode | undefined> = [],
  text?: string | number,
): XmlNode => ({ name, attributes, children: children.filter((child): child is XmlNode => child !== undefined), text });

/** An element with only text, or nothing when the value is empty (MeaSoft reads a missing element as "not given"). */
export function textElement(name: string, value: string | number | undefined | null): XmlNode | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  return { name, text: value };
}

function serialise(node: XmlNode): string {
  let out = `<${node.name}`;
  for (const [key, value] of node.attributes ?? []) {
    if (value !== undefined) out += ` ${key}="${escapeXml(value, true)}"`;
  }
  const children = node.children ?? [];
  const text = node.text === undefined ? '' : escapeXml(node.text);
  if (children.length === 0 && text === '') return `${out}/>`;
  return `${out}>${text}${children.map(serialise).join('')}</${node.name}>`;
}

/** The whole document, UTF-8 declared, without insignificant white space. */
export const toXmlDocument = (root: XmlNode): string => `<?xml version="1.0" encoding="UTF-8"?>${serialise(root)}`;
