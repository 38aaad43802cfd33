/** The one secret scrubber: every form a vendor may quote a secret in is hidden, ordinary text is kept. */
import { hideSecrets } from '../../src/common/secrets';
import { preview } from '../../src/common/errors';

const SECRET = 'p&ss"wo rd/ä<1>';

describe('hideSecrets', () => {
  it.each([
    ['raw', SECRET],
    ['XML-escaped (named)', 'p&amp;ss&quot;wo rd/ä&lt;1&gt;'],
    ['XML-escaped (numeric, decimal and hex)', 'p&#38;ss&#x22;wo&#32;rd&#X2F;&#228;&lt;1&#62;'],
    ['URL-encoded (encodeURIComponent)', encodeURIComponent(SECRET)],
    ['URL-encoded (form, lower-case hex)', 'p%26ss%22wo+rd%2f%c3%a4%3c1%3e'],
    ['JSON-escaped', JSON.stringify(SECRET).slice(1, -1)],
    ['JSON with \\u escapes', 'p\\u0026ss\\"wo rd\\/\\u00e4\\u003c1\\u003E'],
  ])('hides the %s form, and keeps the text around it', (_name, form) => {
    expect(hideSecrets(`error: <auth pass="${form}"/> end`, [SECRET])).toBe('error: <auth pass="[hidden]"/> end');
  });

  it('hides every secret given, the longest first, and leaves short values and other text alone', () => {
    expect(hideSecrets('key abcdef-123 and abcdef, id 42', ['abcdef', 'abcdef-123', '42'])).toBe(
      'key [hidden] and [hidden], id 42',
    );
    expect(hideSecrets('nothing here', [undefined, null, ''])).toBe('nothing here');
  });

  it('preview hides secrets in a vendor answer before shortening it', () => {
    expect(preview('{"error":"bad key s3cr&t-key"}', ['s3cr&t-key'])).toBe('{"error":"bad key [hidden]"}');
    expect(preview('{"error":"bad key s3cr&amp;t-key"}', ['s3cr&t-key'])).toBe('{"error":"bad key [hidden]"}');
  });
});
