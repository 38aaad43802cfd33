/**
 * Abaha's part of the connection: an optional secret-header pair that every Abaha trigger checks
 * when its own pair is empty (docs/abaha.md). Abaha is never called, so there is no test call.
 */
import type { Bundle, ZObject } from 'zapier-platform-core';
import { hasAnyCredential, requirePair } from '../credentials';

/** The connection's Abaha header pair, or null when both are empty (a half-filled pair is an error). */
export function connectionAbahaHeader(
  z: ZObject,
  bundle: Pick<Bundle, 'authData'>,
): { name: string; value: string } | null {
  // Static-webhook tests may run without a connection.
  const authData = bundle.authData ?? {};
  if (!hasAnyCredential(authData, 'abaha')) return null;
  const [name, value] = requirePair(z, authData, 'abaha') as [string, string];
  return { name, value };
}
