/**
 * `npm run sandbox -- --write-env` merges the sandbox's lines into an existing .env instead of
 * replacing the file: a .env may hold a maintainer's real credentials, which must survive.
 * - lines for variables the sandbox does not set (comments, blank lines, others) stay as they are;
 * - a sandbox variable already holding the sandbox's value stays;
 * - a sandbox variable holding another value gets the sandbox's value, and its previous line is kept
 *   just above, commented out, so it can be restored by hand (the file never leaves the machine:
 *   .env is git-ignored);
 * - a sandbox variable written twice: the first line gets the value, the later ones (which would win
 *   in dotenv) are commented out the same way;
 * - sandbox variables the file lacks are appended under one comment.
 * What changed is reported by variable name only, never by value.
 */

/** `NAME=value`, as dotenv reads it (an optional `export `, spaces around `=`, optional quotes). */
const LINE = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_.-]*)\s*=\s*(.*?)\s*$/;

export const KEPT_PREFIX = '# before npm run sandbox: ';

const unquote = (value: string): string => {
  const quoted = /^(['"`])(.*)\1(?:\s+#.*)?$/.exec(value);
  if (quoted) return quoted[2]!;
  // An unquoted value ends at a comment, as in dotenv.
  return value.replace(/\s+#.*$/, '');
};

export interface EnvMerge {
  /** The new content of .env. */
  text: string;
  added: string[];
  changed: string[];
  unchanged: string[];
}

/** Merges `NAME=value` lines into `existing` (the current .env, or undefined when there is none). */
export function mergeEnv(existing: string | undefined, lines: readonly string[]): EnvMerge {
  const wanted = new Map<string, string>();
  for (const line of lines) {
    const match = LINE.exec(line);
    if (!match) throw new Error(`not a NAME=value line: ${line}`);
    wanted.set(match[1]!, match[2]!);
  }
  const header = '# Written by npm run sandbox: the local sandbox, not real accounts.';
  if (existing === undefined || existing.trim() === '') {
    return { text: `${header}\n${lines.join('\n')}\n`, added: [...wanted.keys()], changed: [], unchanged: [] };
  }
  const newline = existing.includes('\r\n') ? '\r\n' : '\n';
  const out: string[] = [];
  const seen = new Set<string>();
  const changed = new Set<string>();
  const unchanged = new Set<string>();
  const body = existing.endsWith(newline) ? existing.slice(0, -newline.length) : existing;
  for (const line of body.split(newline)) {
    const match = LINE.exec(line);
    const name = match?.[1];
    if (name === undefined || !wanted.has(name)) {
      out.push(line);
      continue;
    }
    const value = wanted.get(name)!;
    if (seen.has(name)) {
      // A later line for the same variable would override the sandbox's value.
      out.push(`${KEPT_PREFIX}${line}`);
      changed.add(name);
      unchanged.delete(name);
      continue;
    }
    seen.add(name);
    if (unquote(match![2]!) === value) {
      out.push(line);
      unchanged.add(name);
    } else {
      out.push(`${KEPT_PREFIX}${line}`, `${name}=${value}`);
      changed.add(name);
    }
  }
  const added = [...wanted.keys()].filter((name) => !seen.has(name));
  if (added.length > 0) {
    out.push('', header, ...added.map((name) => `${name}=${wanted.get(name)!}`));
  }
  return { text: `${out.join(newline)}${newline}`, added, changed: [...changed], unchanged: [...unchanged] };
}

/** One line per kind of change, for the terminal. */
export function describeMerge(file: string, merge: EnvMerge): string {
  const parts = [
    merge.added.length > 0 ? `added ${merge.added.join(', ')}` : '',
    merge.changed.length > 0
      ? `changed ${merge.changed.join(', ')} (the previous lines are kept above them, commented out with ` +
        `"${KEPT_PREFIX.trim()}": remove that prefix and the sandbox's line to restore one)`
      : '',
    merge.unchanged.length > 0 ? `left ${merge.unchanged.length} line(s) that already had the sandbox's value` : '',
  ].filter((part) => part !== '');
  return `${file}: ${parts.join('; ')}. Other lines are as they were.`;
}
