/**
 * Test helpers for talking to the emulators the way a vendor's client would, with keys computed
 * here from the documents' formulas (never from src/).
 */
import { md5 } from '../support/hash';

export interface Answer {
  status: number;
  headers: Headers;
  text: string;
  json: unknown;
}

export async function call(url: string, init: RequestInit = {}): Promise<Answer> {
  const response = await fetch(url, init);
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, text, json };
}

export const postForm = (url: string, body: string): Promise<Answer> =>
  call(url, { method: 'POST', body, headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });

/** R-Lab's clients post the JSON as text/plain (the vendor's PHP example). */
export const postRlab = (url: string, body: unknown): Promise<Answer> =>
  call(url, { method: 'POST', body: JSON.stringify(body), headers: { 'Content-Type': 'text/plain; charset=utf-8' } });

/** One trackingData entry with the document's fields. */
export function entry(track: string, fields: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    trackingUserClientPhone: '79160000000',
    trackingUserClientTrack: track,
    trackingUserClientEmail: '',
    trackingUserClientName: '',
    trackingUserClientItemCost: 0,
    sendToUserEmailFullTracking: false,
    sendToAdminEmailFullTracking: false,
    trackingUserClientOrderNumber: '',
    trackingUserClientDescription: '',
    trackingUserClientDeliveryServiceId: 0,
    ...fields,
  };
}

/** An R-Lab request body signed per the document: md5(userId:tracks:apiKey). */
export function rlabBody(userId: string, apiKey: string, entries: Array<Record<string, unknown>>, testMode = false) {
  const tracks = entries.map((item) => String(item.trackingUserClientTrack ?? '')).join('');
  return {
    trackingUserId: Number(userId),
    trackingRequestKey: md5(`${userId}:${tracks}:${apiKey}`),
    testMode,
    trackingData: entries,
  };
}

/** Connection refused, as a fetch error code. */
export async function refusedCode(url: string): Promise<string | undefined> {
  try {
    await fetch(url);
    return undefined;
  } catch (error) {
    return ((error as { cause?: { code?: string } }).cause ?? {}).code;
  }
}
