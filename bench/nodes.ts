/**
 * The size of an app definition as zapier-platform-core's per-invocation work sees it.
 *
 * What is counted: every plain object and every array reachable from the definition, once per
 * path that reaches it. Core compiles the definition on every invocation (compileApp in
 * zapier-platform-core/src/tools/schema.js: a lodash deep copy, then recurseReplace in
 * src/tools/data.js, which rebuilds it as a tree), so an object shared by two fields is rebuilt,
 * and costs, twice. Functions, strings, numbers and booleans are leaves and not counted (core
 * copies functions by reference and does not walk into them); class instances (none in a
 * definition) would not be walked either, as recurseReplace does not.
 */
const isPlain = (value: object): boolean => {
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
};

export function countNodes(value: unknown): number {
  if (Array.isArray(value)) {
    let count = 1;
    for (const item of value) count += countNodes(item);
    return count;
  }
  if (value !== null && typeof value === 'object' && isPlain(value)) {
    let count = 1;
    for (const key of Object.keys(value)) count += countNodes((value as Record<string, unknown>)[key]);
    return count;
  }
  return 0;
}

/** The same objects counted once each (what sharing objects saves in memory, not in core's work). */
export function countDistinctNodes(value: unknown, seen = new Set<object>()): number {
  if (value === null || typeof value !== 'object' || seen.has(value)) return 0;
  if (!Array.isArray(value) && !isPlain(value)) return 0;
  seen.add(value);
  let count = 1;
  for (const item of Array.isArray(value) ? value : Object.values(value)) count += countDistinctNodes(item, seen);
  return count;
}
