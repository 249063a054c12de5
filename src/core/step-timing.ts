/**
 * Performance marks around the steps of a generation, so the page's own timeline
 * (DevTools → Performance, or `performance.getEntriesByType("measure")`, which `npm run bench`
 * reads) shows where the time goes. Names start with "cw:". A no-op where User Timing is missing.
 */
export async function timeStep<T>(name: string, work: () => Promise<T>): Promise<T> {
  const start = performance.now();
  try {
    return await work();
  } finally {
    recordStep(name, start);
  }
}

/** Records a step that started at `start` (performance.now()) and ends now. */
export function recordStep(name: string, start: number): void {
  if (typeof performance.measure !== "function") return;
  try {
    performance.measure(`cw:${name}`, { start, end: performance.now() });
  } catch {
    // An old User Timing level without the options form: timing is a diagnostic, never an error.
  }
}
