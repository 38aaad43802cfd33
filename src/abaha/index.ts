/** Abaha operations, registered in src/index.ts. */
export const triggers = {};
