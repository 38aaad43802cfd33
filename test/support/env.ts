/**
 * The one way tests change process.env: `useEnv()` returns a setter whose changes are put back
 * after each test (or, with 'all', after the file or describe block that called it), so no test
 * sees another's addresses or timeouts. `undefined` removes a variable.
 */
export function useEnv(scope: 'each' | 'all' = 'each'): (values: Record<string, string | undefined>) => void {
  const saved = new Map<string, string | undefined>();
  const restore = () => {
    for (const [name, value] of saved) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    saved.clear();
  };
  if (scope === 'all') afterAll(restore);
  else afterEach(restore);
  return (values) => {
    for (const [name, value] of Object.entries(values)) {
      if (!saved.has(name)) saved.set(name, process.env[name]);
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  };
}
