/**
 * A town MeaSoft refused (docs/measoft.md, "Shipping flow", towns): the order list's 5 and 6 (the
 * receiver's or sender's town not found) and the general list's 21 and 22 (town of dispatch or
 * destination not found). The message names the input field and, where MeaSoft's town reference book
 * (`townlist`) has names containing the start of what was typed, shows up to five of them.
 */
import type { ZObject } from 'zapier-platform-core';
import type { MeasoftCredentials } from '../credentials';
import { explainCode } from './errors';
import { townsContaining, type Town } from './reference-client';

/** Codes meaning "this town is unknown", per list. */
export const TOWN_NOT_FOUND = { order: new Set([5, 6]), api: new Set([21, 22]) } as const;

export const isTownRefusal = (list: 'order' | 'api', code: number): boolean => TOWN_NOT_FOUND[list].has(code);

/** What to look up: the first word of the name without a type prefix, at most its first five letters. */
export function searchStem(town: string): string {
  const word =
    town
      .trim()
      .replace(/^(г\.|город|пгт\.?|пос\.|с\.|д\.)\s*/i, '')
      .split(/[\s,(]+/)[0] ?? '';
  return word.slice(0, 5);
}

const describe = (town: Town): string => (town.region ? `${town.name} (${town.region})` : town.name);

/**
 * The error for a refused town. Looking the suggestions up is read only; when that lookup fails the
 * message still says which field MeaSoft refused.
 */
export async function townRefusal(
  z: ZObject,
  credentials: MeasoftCredentials,
  refused: { label: string; town: string; list: 'order' | 'api'; code: number; text: string | null; outcome: string },
): Promise<Error> {
  const stem = searchStem(refused.town);
  let close: Town[] = [];
  if (stem.length >= 2) {
    try {
      close = (await townsContaining(z, credentials, stem, 5)).filter(
        (town) => town.name.toLowerCase() !== refused.town.trim().toLowerCase(),
      );
    } catch {
      close = [];
    }
  }
  const explanation = explainCode(refused.list, refused.code) ?? 'the town is unknown to the courier service';
  const said = refused.text ? ` "${refused.text}"` : '';
  const hint =
    close.length > 0
      ? ` Close names in MeaSoft's town reference book: ${close.map(describe).join('; ')}.`
      : " MeaSoft's town reference book has no close name either: check the spelling, or ask your courier service " +
        'whether it delivers there.';
  return new z.errors.Error(
    `${refused.label}: MeaSoft does not know the town "${refused.town}" (error ${refused.code}${said}: ` +
      `${explanation}). ${refused.outcome}${hint}`,
    'MeasoftUnknownTown',
    400,
  );
}
