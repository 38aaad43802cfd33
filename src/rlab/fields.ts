/** Fields and label tables shared by the R-Lab / DeliveryCRM operations. */

/** A label from a code table, "Unknown <what> N" for a code the document does not list. */
export const labelOf = (table: Readonly<Record<number, string>>, code: number | null, what: string): string | null =>
  code === null ? null : (table[code] ?? `Unknown ${what} ${code}`);
