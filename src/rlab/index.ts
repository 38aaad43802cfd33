/** R-Lab / DeliveryCRM operations, registered in src/index.ts. */
export const creates = {};
export const searches = {};
