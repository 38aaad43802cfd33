/**
 * The MeaSoft XML reader: XML 1.0 well-formedness (W3C XML 1.0, 5th edition, sections 2.1-2.11,
 * 3.1, 3.3.3, 4.1) checked, and the element tree built, in one pass. Sticky regular expressions and
 * indexOf walk from tag to tag; every position only moves forward, so the time is linear in the
 * body whatever its shape (many attributes, elements, long names or text: see the tests).
 *
 * The tree holds what an XML parser reads (libxml2 is the reference, test/measoft/xml-reader.test.ts):
 * an element's text is its text and CDATA children in document order, with line ends normalised
 * (2.11) and references decoded; comments and processing instructions are skipped; attribute values
 * are normalised as for CDATA attributes (3.3.3: a literal tab or line end is a space).
 *
 * A document that declares a DOCTYPE is refused (`doctype` in the fault), so no entity other than
 * the five predefined ones can be declared and nothing is ever expanded or fetched. The spec makes
 * any other `&name;` a fault; this reader lets it through on purpose and keeps it as written: an
 * HTML habit such as `&nbsp;` in a courier's comment should not cost the shop a status change.
 */

export interface XmlElement {
  name: string;
  /** In document order, values normalised and decoded. */
  attributes: Array<[string, string]>;
  children: XmlElement[];
  /** The element's own text and CDATA, in document order, decoded, without leading or trailing XML whitespace. */
  text: string;
}

export interface XmlFault {
  message: string;
  line: number;
  column: number;
  /** The document declares a DOCTYPE (refused before anything in it is read). */
  doctype?: true;
  /** Well-formed as far as read, but nested deeper than MAX_DEPTH. */
  tooDeep?: true;
}

/** Elements nested deeper than this are refused, as libxml2 does by default (a stack bound, too). */
export const MAX_DEPTH = 256;

// Name and NameChar productions [4], [4a], [5].
const NAME_START =
  ':A-Z_a-z\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u02FF\\u0370-\\u037D\\u037F-\\u1FFF\\u200C\\u200D\\u2070-\\u218F' +
  '\\u2C00-\\u2FEF\\u3001-\\uD7FF\\uF900-\\uFDCF\\uFDF0-\\uFFFD\\u{10000}-\\u{EFFFF}';
const NAME_CHAR = `${NAME_START}\\-.0-9\\u00B7\\u0300-\\u036F\\u203F\\u2040`;
const NAME = `[${NAME_START}][${NAME_CHAR}]*`;
const S = '[ \\t\\r\\n]';

// Names are read character by character (regular expressions that build match arrays cost several
// times more on a large document); ASCII from a table, anything else with these.
const NAME_START_Y = new RegExp(`[${NAME_START}]`, 'uy');
const NAME_CHAR_Y = new RegExp(`[${NAME_CHAR}]`, 'uy');
const STARTS = 1;
const CONTINUES = 2;
const ASCII_NAME = new Uint8Array(128);
for (let code = 0; code < 128; code += 1) {
  const char = String.fromCharCode(code);
  if (/[A-Za-z_:]/.test(char)) ASCII_NAME[code] = STARTS | CONTINUES;
  else if (/[0-9.-]/.test(char)) ASCII_NAME[code] = CONTINUES;
}

const REFERENCE = new RegExp(`&(?:#([0-9]+)|#x([0-9a-fA-F]+)|${NAME});`, 'uy');
const PI = new RegExp(`<\\?(${NAME})(?:\\?>|${S})`, 'uy');
// [23] XMLDecl, with VersionInfo [24], EncodingDecl [80] and SDDecl [32] in the spec's order. Like
// libxml2, "1." is read as a version. The encoding is not checked against a list: the body reaches
// the app already decoded, so the name is never used (libxml2 refuses names it cannot decode).
const XML_DECLARATION = new RegExp(
  `<\\?xml${S}+version${S}*=${S}*(?:"1\\.[0-9]*"|'1\\.[0-9]*')` +
    `(?:${S}+encoding${S}*=${S}*(?:"[A-Za-z][A-Za-z0-9._-]*"|'[A-Za-z][A-Za-z0-9._-]*'))?` +
    `(?:${S}+standalone${S}*=${S}*(?:"(?:yes|no)"|'(?:yes|no)'))?${S}*\\?>`,
  'y',
);
// [2] Char excludes these, and lone surrogates (String#isWellFormed finds those fast).
const NOT_A_CHAR = /[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

// [28] doctypedecl starts `<!DOCTYPE` S.
const DOCTYPE = /^<!DOCTYPE[ \t\r\n]/i;

const MALFORMED_TAG =
  'the tag is malformed (an attribute without a quoted value, "<" inside a value, or a missing ">")';

class Fault extends Error {
  constructor(
    readonly what: string,
    readonly at: number,
    readonly kind?: 'doctype' | 'tooDeep',
  ) {
    super(what);
  }
}

function position(xml: string, index: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = xml.indexOf('\n'); i !== -1 && i < index; i = xml.indexOf('\n', i + 1)) {
    line += 1;
    lineStart = i + 1;
  }
  return { line, column: index - lineStart + 1 };
}

const isChar = (code: number): boolean =>
  code === 0x9 ||
  code === 0xa ||
  code === 0xd ||
  (code >= 0x20 && code <= 0xd7ff) ||
  (code >= 0xe000 && code <= 0xfffd) ||
  (code >= 0x10000 && code <= 0x10ffff);

/** Every `&` in xml[from, to) starts an entity reference or a reference to a legal character. */
function checkReferences(xml: string, from: number, to: number): void {
  for (let amp = xml.indexOf('&', from); amp !== -1 && amp < to; amp = xml.indexOf('&', amp + 1)) {
    REFERENCE.lastIndex = amp;
    const match = REFERENCE.exec(xml);
    if (!match || REFERENCE.lastIndex > to) throw new Fault('"&" must start a reference such as &amp; or &#1234;', amp);
    const [, decimal, hex] = match;
    if (decimal !== undefined || hex !== undefined) {
      const code = decimal !== undefined ? Number.parseInt(decimal, 10) : Number.parseInt(hex!, 16);
      if (!isChar(code)) throw new Fault(`${match[0]} is not a character XML allows`, amp);
    }
  }
}

const isSpace = (code: number): boolean => code === 0x20 || code === 0x0a || code === 0x09 || code === 0x0d;

/** Where the Name starting at `at` ends; `at` itself when no Name starts there. */
function nameEnd(xml: string, at: number): number {
  let p = at;
  for (let want = STARTS; p < xml.length; want = CONTINUES) {
    const code = xml.charCodeAt(p);
    if (code < 128) {
      if ((ASCII_NAME[code]! & want) === 0) break;
      p += 1;
    } else {
      const pattern = want === STARTS ? NAME_START_Y : NAME_CHAR_Y;
      pattern.lastIndex = p;
      if (!pattern.test(xml)) break;
      p = pattern.lastIndex;
    }
  }
  return p;
}

function skipSpace(xml: string, at: number): number {
  let p = at;
  while (isSpace(xml.charCodeAt(p))) p += 1;
  return p;
}

const XML_ENTITIES: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/**
 * The five XML entities and character references; undeclared entities stay as written. Only text
 * that passed the checks gets here, so every character reference names a legal character.
 */
function decodeReferences(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(
    /&(?:#x([0-9a-fA-F]+)|#([0-9]+)|([a-zA-Z]+));/g,
    (whole, hex?: string, decimal?: string, name?: string) => {
      if (hex !== undefined) return String.fromCodePoint(Number.parseInt(hex, 16));
      if (decimal !== undefined) return String.fromCodePoint(Number.parseInt(decimal, 10));
      return Object.prototype.hasOwnProperty.call(XML_ENTITIES, name!) ? XML_ENTITIES[name!]! : whole;
    },
  );
}

/** 2.11: CR LF and a lone CR are read as LF. */
const normaliseLineEnds = (text: string): string => (text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text);

/** 3.3.3 for a CDATA attribute: each literal tab, CR LF, CR or LF is one space; references decoded after. */
const attributeValue = (raw: string): string =>
  decodeReferences(/[\t\n\r]/.test(raw) ? raw.replace(/\r\n|[\t\n\r]/g, ' ') : raw);

/** Without leading and trailing XML whitespace (S, [3]); a loop, since /\s+$/ backtracks quadratically. */
function trimXmlSpace(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && isSpace(text.charCodeAt(start))) start += 1;
  while (end > start && isSpace(text.charCodeAt(end - 1))) end -= 1;
  return start === 0 && end === text.length ? text : text.slice(start, end);
}

/** An attribute's value as written, or undefined when the element does not carry it. */
export const attr = (node: XmlElement, name: string): string | undefined =>
  node.attributes.find(([key]) => key === name)?.[1];

/** The first well-formedness fault of the document, or undefined when it is well-formed. */
export function findXmlFault(xml: string): XmlFault | undefined {
  return readXml(xml).fault;
}

/** The document's root element, or its first fault (well-formedness, depth or a DOCTYPE). */
export function readXml(xml: string): { root: XmlElement; fault?: undefined } | { root?: undefined; fault: XmlFault } {
  try {
    return { root: read(xml) };
  } catch (error) {
    if (!(error instanceof Fault)) throw error;
    return {
      fault: {
        message: error.what,
        ...position(xml, error.at),
        ...(error.kind ? { [error.kind]: true as const } : {}),
      },
    };
  }
}

/**
 * One pass over the document. Positions only move forward, and the next "<", "&" and "]]>" are
 * remembered, so no stretch of text is searched twice: linear time whatever the input.
 */
function read(xml: string): XmlElement {
  const badChar = NOT_A_CHAR.exec(xml);
  if (badChar)
    throw new Fault(
      `the character U+${badChar[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')} is not allowed in XML`,
      badChar.index,
    );
  if (!xml.isWellFormed())
    throw new Fault('the text contains a broken UTF-16 surrogate pair', LONE_SURROGATE.exec(xml)!.index);

  const n = xml.length;
  const open: XmlElement[] = [];
  const openAt: number[] = [];
  let root: XmlElement | undefined;
  let nextLt = -1;
  let nextAmp = -1;
  let nextCdataEnd = -1;
  /** Checks the references in xml[from, to), a stretch of text or an attribute value without "<". */
  const references = (from: number, to: number) => {
    if (nextAmp < from) nextAmp = found(xml.indexOf('&', from), n);
    if (nextAmp < to) checkReferences(xml, from, to);
  };

  let i = 0;
  if (xml.startsWith('<?xml') && /^<\?xml[ \t\r\n?]/.test(xml)) {
    XML_DECLARATION.lastIndex = 0;
    if (!XML_DECLARATION.test(xml))
      throw new Fault('the XML declaration is malformed (expected <?xml version="1.0" ...?>)', 0);
    i = XML_DECLARATION.lastIndex;
  }
  while (i < n) {
    if (nextLt < i) nextLt = found(xml.indexOf('<', i), n);
    const lt = nextLt;
    if (lt > i) {
      const parent = open.at(-1);
      if (parent === undefined) {
        for (let k = i; k < lt; k += 1) {
          if (!isSpace(xml.charCodeAt(k)))
            throw new Fault(
              root ? 'there is content after the root element' : 'there is text before the root element',
              k,
            );
        }
      } else {
        references(i, lt);
        if (nextCdataEnd < i) nextCdataEnd = found(xml.indexOf(']]>', i), n);
        if (nextCdataEnd < lt) throw new Fault('"]]>" is not allowed in text', nextCdataEnd);
        parent.text += decodeReferences(normaliseLineEnds(xml.slice(i, lt)));
      }
    }
    if (lt === n) break;
    const next = xml.charCodeAt(lt + 1);
    if (next === 0x2f /* / */) {
      const nameStart = lt + 2;
      const nameStop = nameEnd(xml, nameStart);
      const close = skipSpace(xml, nameStop);
      if (nameStop === nameStart || xml.charCodeAt(close) !== 0x3e)
        throw new Fault('the closing tag is malformed (expected </name>)', lt);
      const opened = open.pop();
      const name = xml.slice(nameStart, nameStop);
      if (opened === undefined) throw new Fault(`the closing tag </${name}> has no opening tag`, lt);
      const openedAt = openAt.pop()!;
      if (opened.name !== name) {
        const where = position(xml, openedAt);
        throw new Fault(
          `the closing tag </${name}> does not match <${opened.name}> opened on line ${where.line}, column ` +
            `${where.column}`,
          lt,
        );
      }
      opened.text = trimXmlSpace(opened.text);
      i = close + 1;
    } else if (next === 0x21 /* ! */) {
      if (xml.startsWith('<!--', lt)) {
        const end = xml.indexOf('-->', lt + 4);
        if (end === -1) throw new Fault('the comment is not closed with -->', lt);
        if (xml.indexOf('--', lt + 4) < end) throw new Fault('"--" is not allowed inside a comment', lt);
        i = end + 3;
      } else if (xml.startsWith('<![CDATA[', lt)) {
        const parent = open.at(-1);
        if (parent === undefined) throw new Fault('CDATA is only allowed inside an element', lt);
        const end = xml.indexOf(']]>', lt + 9);
        if (end === -1) throw new Fault('the CDATA section is not closed with ]]>', lt);
        parent.text += normaliseLineEnds(xml.slice(lt + 9, end));
        i = end + 3;
      } else if (root === undefined && open.length === 0 && DOCTYPE.test(xml.slice(lt, lt + 10))) {
        // In the prolog, where only a DOCTYPE can start so (any case: `<!doctype` is refused the same way).
        throw new Fault('the document declares a DOCTYPE', lt, 'doctype');
      } else {
        throw new Fault('"<!" must start a comment or a CDATA section here', lt);
      }
    } else if (next === 0x3f /* ? */) {
      PI.lastIndex = lt;
      const match = PI.exec(xml);
      if (!match) throw new Fault('the processing instruction is malformed (expected <?name ...?>)', lt);
      if (match[1]!.toLowerCase() === 'xml') {
        throw new Fault(
          `the name "${match[1]}" is reserved: an XML declaration is only allowed at the very start of the document`,
          lt,
        );
      }
      const end = xml.indexOf('?>', lt + 2 + match[1]!.length);
      if (end === -1) throw new Fault('the processing instruction is not closed with ?>', lt);
      i = end + 2;
    } else {
      // A start tag: <name (S name S? = S? "value")* S? /?>
      const nameStop = nameEnd(xml, lt + 1);
      if (nameStop === lt + 1) throw new Fault(MALFORMED_TAG, lt);
      const name = xml.slice(lt + 1, nameStop);
      const parent = open.at(-1);
      if (parent === undefined && root)
        throw new Fault(`<${name}> is a second root element; a document has exactly one`, lt);
      if (open.length >= MAX_DEPTH)
        throw new Fault(`the elements are nested more than ${MAX_DEPTH} deep`, lt, 'tooDeep');
      const element: XmlElement = { name, attributes: [], children: [], text: '' };
      if (parent) parent.children.push(element);
      else root = element;
      // Repeated attribute names: a scan for a few, a Set for many (a scan of every pair is quadratic).
      let seen: Set<string> | undefined;
      let p = nameStop;
      let selfClosing = false;
      for (;;) {
        const spaced = skipSpace(xml, p);
        const code = xml.charCodeAt(spaced);
        if (code === 0x3e /* > */) {
          p = spaced + 1;
          break;
        }
        if (code === 0x2f /* / */ && xml.charCodeAt(spaced + 1) === 0x3e) {
          p = spaced + 2;
          selfClosing = true;
          break;
        }
        // An attribute, which must follow whitespace.
        const attributeStop = spaced === p ? spaced : nameEnd(xml, spaced);
        if (attributeStop === spaced) throw new Fault(MALFORMED_TAG, lt);
        const attribute = xml.slice(spaced, attributeStop);
        const attributes = element.attributes;
        if (seen === undefined && attributes.length === 8) seen = new Set(attributes.map(([key]) => key));
        if (seen ? seen.has(attribute) : attributes.some(([key]) => key === attribute)) {
          throw new Fault(`the attribute "${attribute}" is repeated`, spaced);
        }
        seen?.add(attribute);
        const equals = skipSpace(xml, attributeStop);
        const quoteAt = skipSpace(xml, equals + 1);
        const quote = xml.charCodeAt(quoteAt);
        if (xml.charCodeAt(equals) !== 0x3d /* = */ || (quote !== 0x22 && quote !== 0x27))
          throw new Fault(MALFORMED_TAG, lt);
        const valueEnd = xml.indexOf(quote === 0x22 ? '"' : "'", quoteAt + 1);
        if (valueEnd === -1) throw new Fault(MALFORMED_TAG, lt);
        if (nextLt <= quoteAt) nextLt = found(xml.indexOf('<', quoteAt + 1), n);
        if (nextLt < valueEnd) throw new Fault(MALFORMED_TAG, lt);
        references(quoteAt + 1, valueEnd);
        element.attributes.push([attribute, attributeValue(xml.slice(quoteAt + 1, valueEnd))]);
        p = valueEnd + 1;
      }
      if (!selfClosing) {
        open.push(element);
        openAt.push(lt);
      }
      i = p;
    }
  }
  if (open.length > 0) throw new Fault(`the document ends before <${open.at(-1)!.name}> is closed`, openAt.at(-1)!);
  if (!root) throw new Fault('there is no root element', 0);
  return root;
}

const found = (index: number, notFound: number): number => (index === -1 ? notFound : index);
