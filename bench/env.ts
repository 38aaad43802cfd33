// Imported first by bench/run.ts: zapier-platform-core reads NODE_ENV once, when it loads, and
// outside tests prints a memory line to stdout on every invocation (the bench's children print JSON there).
process.env.NODE_ENV ??= 'test';
export {};
