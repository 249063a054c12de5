/**
 * Measurements taken inside the workbench page itself (served by our own server, under its CSP):
 * key generation alone, the whole generate path through the UI, navigation to ready, and long tasks.
 * Timings come from performance.now() in the page, so Playwright's round trips are not counted.
 */
import type { Browser, BrowserContext, Page } from "@playwright/test";

export interface LongTask {
  startTime: number;
  duration: number;
}

/** A Long Animation Frame (Chromium's successor to long tasks) with what ran in it, for attribution. */
export interface LongFrame {
  startTime: number;
  duration: number;
  blockingDuration: number;
  /** "invoker → function (source:char) ms", longest first. */
  scripts: string[];
}

export interface UiRun {
  /** Click → new SHA-1 thumbprint on screen (key, certificate, CSR, thumbprints, PEM). */
  credentialMs: number;
  /** Click → a new signed assertion on screen. */
  totalMs: number;
  /** Longest long task (≥ 50 ms, the Long Tasks API threshold) between click and assertion; 0 when none. */
  longestTaskMs: number;
  longTaskCount: number;
  /** Longest gap between animation frames during the run (a frame-level view of the same question). */
  longestFrameGapMs: number;
  /** The long animation frame with the most blocking time in the run, if any, with its scripts. */
  worstFrame?: LongFrame;
  /** Whether the click found the key the page makes in advance while idle: ready, still being made, or none. */
  keyAtClick?: "ready" | "pending" | "none";
  /** The page's own `cw:*` performance measures during the run (src/core/step-timing.ts), in ms. */
  steps: Record<string, number>;
}

export interface PageLoadRun {
  /** Navigation start → the Generate button inserted, enabled and painted (the later of that and first-contentful-paint). */
  readyMs: number;
  /**
   * Navigation start → the app itself has rendered (React has replaced the first screen that index.html
   * carries, scripts/prerender-shell.ts): every control on the page works. For a build without that
   * first screen, the same moment as readyMs.
   */
  appMs: number;
  domContentLoadedMs: number;
  loadMs: number;
}

const TESTIDS = { generate: "generate", thumbprint: "thumbprint-sha1", jwt: "assertion-jwt", keySize: "key-size", tenant: "tenant-input", clientId: "client-id-input" } as const;

/**
 * Installed before any page script: records long tasks (buffered, so nothing between navigation
 * and our first look is missed), the moment Generate becomes usable, and animation-frame gaps.
 * `__name` guards against the helper esbuild (tsx) may add around named functions.
 */
function installProbes(): void {
  const probe = window as unknown as {
    __name?: unknown;
    benchLongTasks: { startTime: number; duration: number }[];
    benchLongFrames: { startTime: number; duration: number; blockingDuration: number; scripts: string[] }[];
    benchReadyAt?: number;
    benchAppAt?: number;
    benchFirstContentfulPaint?: number;
    benchFrameGaps: number[];
  };
  probe.__name = (fn: unknown) => fn;
  probe.benchLongTasks = [];
  probe.benchLongFrames = [];
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        const frame = entry as PerformanceEntry & {
          blockingDuration?: number;
          scripts?: { invoker?: string; sourceFunctionName?: string; sourceURL?: string; sourceCharPosition?: number; duration: number }[];
        };
        const scripts = [...(frame.scripts ?? [])]
          .sort((a, b) => b.duration - a.duration)
          .slice(0, 3)
          .map((script) => `${script.invoker ?? "?"} → ${script.sourceFunctionName || "(anonymous)"} (${(script.sourceURL ?? "").split("/").pop() ?? ""}:${String(script.sourceCharPosition ?? -1)}) ${String(Math.round(script.duration))} ms`);
        probe.benchLongFrames.push({ startTime: frame.startTime, duration: frame.duration, blockingDuration: frame.blockingDuration ?? 0, scripts });
      }
    }).observe({ type: "long-animation-frame", buffered: true });
  } catch {
    // No Long Animation Frames API (Chromium < 123): no attribution.
  }
  probe.benchFrameGaps = [];
  try {
    // The button counts as enabled once it can be seen: not before the first contentful paint.
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) if (entry.name === "first-contentful-paint") probe.benchFirstContentfulPaint = entry.startTime;
    }).observe({ type: "paint", buffered: true });
  } catch {
    // No Paint Timing: the button's insertion alone.
  }
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) probe.benchLongTasks.push({ startTime: entry.startTime, duration: entry.duration });
    }).observe({ type: "longtask", buffered: true });
  } catch {
    // No Long Tasks API: the report says "not measured".
  }
  const checkReady = () => {
    if (probe.benchReadyAt === undefined) {
      const button = document.querySelector('[data-testid="generate"]');
      if (button instanceof HTMLButtonElement && !button.disabled) probe.benchReadyAt = performance.now();
    }
    if (probe.benchReadyAt !== undefined && probe.benchAppAt === undefined) {
      // The app's own render: #root filled and no longer marked as the prerendered first screen.
      const root = document.getElementById("root");
      if (!root || (root.firstElementChild && !root.hasAttribute("data-prerendered"))) probe.benchAppAt = performance.now();
    }
    return probe.benchAppAt !== undefined;
  };
  const watch = new MutationObserver(() => {
    if (checkReady()) watch.disconnect();
  });
  watch.observe(document, { subtree: true, childList: true, attributes: true });
  let last = 0;
  const frame = (now: number) => {
    if (last > 0) probe.benchFrameGaps.push(now - last);
    if (probe.benchFrameGaps.length > 100_000) probe.benchFrameGaps.length = 0;
    last = now;
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
}

export async function openWorkbench(browser: Browser, origin: string, path = "/"): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext();
  await context.addInitScript(installProbes);
  const page = await context.newPage();
  await page.goto(`${origin}${path}`);
  await page.waitForFunction(() => (window as unknown as { benchReadyAt?: number }).benchReadyAt !== undefined);
  return { context, page };
}

function waitForFirstContentfulPaint(page: Page): Promise<unknown> {
  return page.waitForFunction(() => (window as unknown as { benchFirstContentfulPaint?: number }).benchFirstContentfulPaint !== undefined);
}

/** What the probes and Navigation Timing say of the page's last load. */
function readPageLoad(page: Page): Promise<PageLoadRun> {
  return page.evaluate(() => {
    const navigation = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming | undefined;
    return {
      // Inserted, enabled and painted: a page that inserts its button before its stylesheet has arrived
      // (or before anything is painted) is not usable any sooner.
      readyMs: Math.max(
        (window as unknown as { benchReadyAt: number }).benchReadyAt,
        (window as unknown as { benchFirstContentfulPaint?: number }).benchFirstContentfulPaint ?? Number.NaN,
      ),
      appMs: (window as unknown as { benchAppAt?: number }).benchAppAt ?? Number.NaN,
      domContentLoadedMs: navigation?.domContentLoadedEventEnd ?? Number.NaN,
      loadMs: navigation?.loadEventEnd ?? Number.NaN,
    };
  });
}

/**
 * The floor of this machine: a page holding nothing but an enabled Generate button, loaded the same way.
 * No page can have Generate enabled sooner than this in a fresh context here.
 */
export const FLOOR_PAGE = { path: "/bench-floor.html", html: '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>floor</title></head><body><button data-testid="generate">Generate</button></body></html>' };

/** One fresh context (empty HTTP cache) per run: navigation → Generate enabled. */
export async function measurePageLoad(browser: Browser, origin: string, path = "/"): Promise<PageLoadRun> {
  const { context, page } = await openWorkbench(browser, origin, path);
  try {
    await page.waitForLoadState("load");
    await waitForFirstContentfulPaint(page);
    return await readPageLoad(page);
  } finally {
    await context.close();
  }
}

/**
 * A returning visitor: one context in which the page was loaded twice before, so the HTTP cache holds
 * its files and V8 has cached their compiled code (Chromium keeps code for scripts seen more than
 * once); then navigation → Generate enabled once more.
 */
export async function measureRepeatVisit(browser: Browser, origin: string, path = "/"): Promise<PageLoadRun> {
  const { context, page } = await openWorkbench(browser, origin, path);
  try {
    for (let visit = 0; visit < 2; visit += 1) {
      // Stay as a person would before coming back: the page loads its other chunks and makes a key
      // for the next Generate once idle, and leaving at once would time that work, not the next load.
      await page.waitForLoadState("load");
      await page.waitForTimeout(2000);
      await page.goto(`${origin}${path}`);
      await page.waitForFunction(() => (window as unknown as { benchReadyAt?: number }).benchReadyAt !== undefined);
    }
    await page.waitForLoadState("load");
    await waitForFirstContentfulPaint(page);
    return await readPageLoad(page);
  } finally {
    await context.close();
  }
}

/** crypto.subtle.generateKey exactly as src/core/keys/rsa-keys.ts calls it, `runs` times in a row. */
export async function measureKeyGeneration(page: Page, bits: number, runs: number): Promise<number[]> {
  return page.evaluate(
    async ({ bits, runs }) => {
      const samples: number[] = [];
      for (let index = 0; index < runs; index += 1) {
        const start = performance.now();
        await crypto.subtle.generateKey(
          { name: "RSASSA-PKCS1-v1_5", hash: "SHA-256", modulusLength: bits, publicExponent: new Uint8Array([1, 0, 1]) },
          true,
          ["sign", "verify"],
        );
        samples.push(performance.now() - start);
      }
      return samples;
    },
    { bits, runs },
  );
}

/** Fills tenant and client ID (GUIDs) so every new credential gets a signed assertion. */
export async function prepareUi(page: Page, bits: number): Promise<void> {
  await page.getByTestId(TESTIDS.keySize).selectOption(String(bits));
  await page.getByTestId(TESTIDS.tenant).fill("11111111-2222-3333-4444-555555555555");
  await page.getByTestId(TESTIDS.clientId).fill("aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee");
}

/**
 * Clicks Generate inside the page and watches the DOM: the run ends when both a new thumbprint
 * and a new assertion are on screen. Long tasks and frame gaps are those inside that window.
 */
export async function measureUiGeneration(page: Page, timeoutMs = 120_000): Promise<UiRun> {
  return page.evaluate(
    async ({ ids, timeoutMs }) => {
      const probe = window as unknown as {
        benchLongTasks: { startTime: number; duration: number }[];
        benchLongFrames: { startTime: number; duration: number; blockingDuration: number; scripts: string[] }[];
        benchFrameGaps: number[];
      };
      const text = (id: string) => document.querySelector(`[data-testid="${id}"]`)?.textContent ?? null;
      const button = document.querySelector(`[data-testid="${ids.generate}"]`);
      if (!(button instanceof HTMLButtonElement) || button.disabled) throw new Error("Generate is not enabled");
      const before = { thumbprint: text(ids.thumbprint), jwt: text(ids.jwt) };
      // The bench never saves keys, so from the second run on Generate first asks whether to replace the
      // unsaved key. That question is answered outside the timed window: the run times the click that
      // starts the work (Replace the unsaved key), as a person waits from the click that asks for it.
      let target: HTMLButtonElement = button;
      if (document.querySelector('[data-testid="unsaved-key-warning"]')) {
        button.click();
        for (let tries = 0; tries < 200 && !document.querySelector('[data-testid="confirm-replace-key"]'); tries += 1) await new Promise((resolve) => setTimeout(resolve, 10));
        const confirm = document.querySelector('[data-testid="confirm-replace-key"]');
        if (!(confirm instanceof HTMLButtonElement)) throw new Error("Generate asked for no confirmation and showed no replace button");
        target = confirm;
      }
      performance.clearMeasures();
      performance.clearMarks();
      // Let a long task still in the buffer from earlier work be delivered before the click.
      await new Promise((resolve) => setTimeout(resolve, 50));
      probe.benchFrameGaps.length = 0;
      const start = performance.now();
      const { credentialAt, end } = await new Promise<{ credentialAt: number; end: number }>((resolve, reject) => {
        let credentialAt: number | undefined;
        const check = () => {
          const now = performance.now();
          const thumbprint = text(ids.thumbprint);
          if (credentialAt === undefined && thumbprint && thumbprint !== before.thumbprint) credentialAt = now;
          const jwt = text(ids.jwt);
          if (credentialAt !== undefined && jwt && jwt !== before.jwt && /^[\w-]+\.[\w-]+\.[\w-]+$/.test(jwt.trim())) {
            observer.disconnect();
            clearTimeout(timer);
            resolve({ credentialAt, end: now });
          }
        };
        const observer = new MutationObserver(check);
        observer.observe(document.body, { subtree: true, childList: true, characterData: true });
        const timer = setTimeout(() => {
          observer.disconnect();
          reject(new Error(`no new thumbprint and assertion within ${String(timeoutMs)} ms`));
        }, timeoutMs);
        target.click();
      });
      // Long-task entries are delivered asynchronously; give the observer a moment.
      await new Promise((resolve) => setTimeout(resolve, 100));
      const tasks = probe.benchLongTasks.filter((task) => task.startTime + task.duration >= start && task.startTime <= end);
      const frames = probe.benchLongFrames.filter((frame) => frame.startTime + frame.duration >= start && frame.startTime <= end && frame.blockingDuration > 0);
      const worstFrame = frames.reduce<(typeof frames)[number] | undefined>((worst, frame) => (!worst || frame.blockingDuration > worst.blockingDuration ? frame : worst), undefined);
      const steps: Record<string, number> = {};
      for (const entry of performance.getEntriesByType("measure")) if (entry.name.startsWith("cw:")) steps[entry.name.slice(3)] = (steps[entry.name.slice(3)] ?? 0) + entry.duration;
      const keyMark = performance.getEntriesByType("mark").find((entry) => entry.name.startsWith("cw:key-"));
      const keyAtClick = keyMark ? (keyMark.name.slice("cw:key-".length) as "ready" | "pending" | "none") : undefined;
      return {
        worstFrame,
        steps,
        keyAtClick,
        credentialMs: credentialAt - start,
        totalMs: end - start,
        longestTaskMs: tasks.reduce((longest, task) => Math.max(longest, task.duration), 0),
        longTaskCount: tasks.length,
        longestFrameGapMs: probe.benchFrameGaps.reduce((longest, gap) => Math.max(longest, gap), 0),
      };
    },
    { ids: TESTIDS, timeoutMs },
  );
}

/**
 * Cold: a fresh context (empty cache), and a click on Generate as soon as it is enabled and the
 * size and app fields are set, so the key the page makes in advance is not ready. Also returns how
 * long navigation → Generate enabled took in that context.
 */
export async function measureColdGeneration(browser: Browser, origin: string, bits: number): Promise<UiRun & { readyMs: number }> {
  const { context, page } = await openWorkbench(browser, origin);
  try {
    await prepareUi(page, bits);
    const run = await measureUiGeneration(page);
    const readyMs = await page.evaluate(() => (window as unknown as { benchReadyAt: number }).benchReadyAt);
    return { ...run, readyMs };
  } finally {
    await context.close();
  }
}
