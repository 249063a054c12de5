import type { Page } from "@playwright/test";

/**
 * Records the page's long tasks (Long Tasks API, https://w3c.github.io/longtasks/): every main-thread
 * task over 50 ms, with its duration. Call before `page.goto`; read with `longestTaskSince`.
 */
export async function recordLongTasks(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const tasks: { start: number; duration: number }[] = [];
    (window as unknown as { longTasks: typeof tasks }).longTasks = tasks;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) tasks.push({ start: entry.startTime, duration: entry.duration });
    }).observe({ type: "longtask", buffered: true });
  });
}

/** Now, on the page's clock: pass it to `longestTaskSince` to look only at what came after. */
export function pageClock(page: Page): Promise<number> {
  return page.evaluate(() => performance.now());
}

/** The longest main-thread task that started at or after `since` (0 when none went over 50 ms). */
export async function longestTaskSince(page: Page, since: number): Promise<number> {
  return page.evaluate((from) => {
    const tasks = (window as unknown as { longTasks?: { start: number; duration: number }[] }).longTasks ?? [];
    return Math.max(0, ...tasks.filter((task) => task.start >= from).map((task) => task.duration));
  }, since);
}
