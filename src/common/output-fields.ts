/**
 * Each operation's output fields behind one function (Zapier's custom output fields: `outputFields`
 * may hold functions that return fields; zapier-platform-cli README, "Output Fields"). Why:
 * zapier-platform-core copies, rebuilds and freezes the whole definition twice in every
 * invocation and deep-merges it into every z.request; a function is one leaf to it, while the
 * app's labelled output fields are most of the definition's objects. The editor calls the function
 * when it lists the fields, so every field keeps its key, label and type.
 */
interface WithOutputFields {
  operation: { outputFields?: unknown[] };
}

export function outputFieldsOnDemand<T extends Record<string, WithOutputFields>>(operations: T): T {
  return Object.fromEntries(
    Object.entries(operations).map(([key, definition]) => {
      const fields = definition.operation.outputFields;
      if (!fields || fields.length === 0) return [key, definition];
      const listed = async () => fields;
      return [key, { ...definition, operation: { ...definition.operation, outputFields: [listed] } }];
    }),
  ) as T;
}
