/**
 * Hashes for tests, from node:crypto directly: expected signatures are computed independently of
 * the app's own hashing (src/common/hash.ts), so a fault there cannot hide in both.
 */
import { createHash } from 'node:crypto';

export const md5 = (text: string): string => createHash('md5').update(text, 'utf8').digest('hex');
export const sha1 = (text: string): string => createHash('sha1').update(text, 'utf8').digest('hex');
