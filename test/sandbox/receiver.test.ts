import { rawHeaderList, toZapierRequest, zapierHeaderName, zapierReply } from '../../sandbox/receiver';

describe("the receiver's Zapier request shape", () => {
  it('renames headers like Zapier: Http- prefix in Camel-Case, except Content-Type and Content-Length', () => {
    expect(zapierHeaderName('x-time-gmt')).toBe('Http-X-Time-Gmt');
    expect(zapierHeaderName('X-TIME-GMT')).toBe('Http-X-Time-Gmt');
    expect(zapierHeaderName('user-agent')).toBe('Http-User-Agent');
    expect(zapierHeaderName('x_shop_token')).toBe('Http-X-Shop-Token');
    expect(zapierHeaderName('content-type')).toBe('Content-Type');
    expect(zapierHeaderName('CONTENT-LENGTH')).toBe('Content-Length');
  });

  it('builds rawRequest from a JSON delivery and cleanedRequest as the object plus the querystring', () => {
    const body = '{"cart_code":"00000208610","user":{"name":"Thảo"}}';
    const { rawRequest, cleanedRequest } = toZapierRequest({
      method: 'POST',
      url: '/hooks/catch/1/abc/?source=abaha&x=%D0%B4',
      rawHeaders: rawHeaderList({
        'content-type': 'application/json',
        'content-length': '49',
        'x-abaha-token': 's3cret',
        host: '127.0.0.1:1',
      }),
      body,
    });
    expect(rawRequest).toEqual({
      method: 'POST',
      querystring: 'source=abaha&x=%D0%B4',
      headers: {
        'Content-Type': 'application/json',
        'Content-Length': '49',
        'Http-X-Abaha-Token': 's3cret',
        'Http-Host': '127.0.0.1:1',
      },
      content: body,
    });
    expect(cleanedRequest).toEqual({
      cart_code: '00000208610',
      user: { name: 'Thảo' },
      querystring: { source: 'abaha', x: 'д' },
    });
  });

  it('joins repeated headers and keeps a JSON array body as it is', () => {
    const { rawRequest, cleanedRequest } = toZapierRequest({
      method: 'POST',
      url: '/',
      rawHeaders: ['Content-Type', 'application/json; charset=utf-8', 'X-Tag', 'a', 'x-tag', 'b'],
      body: '[1,2]',
    });
    expect(rawRequest.headers['Http-X-Tag']).toBe('a, b');
    expect(rawRequest.querystring).toBe('');
    expect(cleanedRequest).toEqual([1, 2]);
  });

  it('gives form fields for a form body, and only the querystring for XML or broken JSON', () => {
    const form = toZapierRequest({
      method: 'POST',
      url: '/?a=1',
      rawHeaders: ['Content-Type', 'application/x-www-form-urlencoded'],
      body: 'bill_id=1&x=y+z',
    });
    expect(form.cleanedRequest).toEqual({ bill_id: '1', x: 'y z', querystring: { a: '1' } });
    const xml = toZapierRequest({
      method: 'POST',
      url: '/',
      rawHeaders: ['Content-Type', 'text/xml'],
      body: '<order/>',
    });
    expect(xml.cleanedRequest).toEqual({ querystring: {} });
    expect(xml.rawRequest.content).toBe('<order/>');
    const broken = toZapierRequest({
      method: 'POST',
      url: '/',
      rawHeaders: ['Content-Type', 'application/json'],
      body: '{"a":',
    });
    expect(broken.cleanedRequest).toEqual({ querystring: {} });
  });

  it("answers with Zapier's fixed success reply, fresh ids each time", () => {
    const first = zapierReply();
    expect(first).toEqual({
      status: 'success',
      attempt: expect.any(String),
      id: expect.any(String),
      request_id: expect.stringMatching(/^[0-9a-f]{16}$/),
    });
    expect(zapierReply().id).not.toBe(first.id);
  });
});
