/**
 * `npm run bench`: the workbench in headless Chromium against the seed's OpenSSL
 * recipe and a pure-JavaScript peer (node-forge): Generate with a key made in advance (a pause
 * between clicks, as a person reads) and cold (the first click after load), page readiness,
 * main-thread long tasks and bundle size. With BENCH_BASELINE_DIST (an older build's dist/, named in
 * the report by BENCH_BASELINE_LABEL), every figure with a target is measured on it too — key-ready
 * and cold clicks, page loads, repeat visits, the take-over, initial JavaScript — alternating run by
 * run with ours, so each figure gets a verdict against it. Writes bench/results.json and BENCHMARKS.md.
 * See BENCHMARKS.md for what each number is.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, release, tmpdir, totalmem, type } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { chromium, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { chromiumLaunchOptions } from "../e2e/support/chromium";
import { startWorkbenchServer } from "../server/workbench-server";
import { measureBundle } from "./check-bundle-size";
import { openForgePage, runForge, type ForgeRun } from "./bench-peer";
import { MARKUP_PAGE_PATH, markupOnlyPage } from "./bench-markup-page";
import { FLOOR_PAGE, measureColdGeneration, measureKeyGeneration, measurePageLoad, measureRepeatVisit, measureUiGeneration, openWorkbench, prepareUi, type UiRun } from "./bench-page";
import { openSslVersion, runOpenSslRecipe, type OpenSslRun } from "./bench-openssl";
import { renderMarkdown, type BenchResults, type SizeResults, type StepMedians } from "./bench-report";
import { ratio, summarize } from "./bench-stats";

const root = fileURLToPath(new URL("..", import.meta.url));
const WARMUP_RUNS = 1;

function positiveInteger(name: string, text: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive whole number, not "${text}".`);
  return value;
}

function readConfig() {
  const runs = positiveInteger("BENCH_RUNS", process.env.BENCH_RUNS ?? "30");
  // Each cold run and page load opens a fresh browser context: on a busy machine these may be cut down on their own.
  const coldRuns = positiveInteger("BENCH_COLD_RUNS", process.env.BENCH_COLD_RUNS ?? String(runs));
  const loadRuns = positiveInteger("BENCH_LOAD_RUNS", process.env.BENCH_LOAD_RUNS ?? String(runs));
  const sizes = (process.env.BENCH_SIZES ?? "2048,3072,4096").split(",").map((text) => positiveInteger("BENCH_SIZES", text.trim()));
  for (const bits of sizes) if (![2048, 3072, 4096].includes(bits)) throw new Error(`BENCH_SIZES: the workbench offers 2048, 3072 and 4096 bits, not ${String(bits)}.`);
  // Pure-JavaScript key generation takes about 1 s, 8 s and 12 s per key at 2048/3072/4096 bits
  // on a 2-core EPYC, so forge gets few runs by default to keep the whole benchmark to a few minutes.
  const defaultForge: Record<number, number> = { 2048: 5, 3072: 3, 4096: 2 };
  const forgeSetting = process.env.BENCH_FORGE_RUNS?.split(",").map((text) => positiveInteger("BENCH_FORGE_RUNS", text.trim()));
  const forgeRuns: Record<string, number> = {};
  for (const [index, bits] of sizes.entries()) {
    forgeRuns[String(bits)] = forgeSetting === undefined ? (defaultForge[bits] ?? 5) : forgeSetting.length === 1 ? (forgeSetting[0] ?? 5) : (forgeSetting[[2048, 3072, 4096].indexOf(bits)] ?? forgeSetting[index] ?? 5);
  }
  const outDir = process.env.BENCH_OUT;
  // A person reads the thumbprint for a few seconds before the next click; 2 s is on the short side.
  const pauseMs = Number(process.env.BENCH_PAUSE_MS ?? "2000");
  if (!Number.isFinite(pauseMs) || pauseMs < 0) throw new Error(`BENCH_PAUSE_MS must be a number of milliseconds, not "${process.env.BENCH_PAUSE_MS ?? ""}".`);
  const baselineDist = process.env.BENCH_BASELINE_DIST;
  if (baselineDist && !existsSync(join(baselineDist, "index.html"))) throw new Error(`BENCH_BASELINE_DIST: ${baselineDist} has no index.html (give the dist/ folder of an older build).`);
  const labelSetting = process.env.BENCH_BASELINE_LABEL?.trim();
  if (labelSetting && !baselineDist) throw new Error("BENCH_BASELINE_LABEL names the baseline build, but BENCH_BASELINE_DIST (its dist/ folder) is not set.");
  // The report says which build "before" is; without a label, its folder is all it can say.
  const baselineLabel = labelSetting || undefined;
  return {
    runs,
    coldRuns,
    loadRuns,
    pauseMs,
    baselineDist,
    baselineLabel,
    sizes,
    forgeRuns,
    resultsPath: outDir ? join(outDir, "results.json") : join(root, "bench", "results.json"),
    markdownPath: outDir ? join(outDir, "BENCHMARKS.md") : join(root, "BENCHMARKS.md"),
  };
}

function log(message: string): void {
  process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}\n`);
}

function ensureBuild(): void {
  if (existsSync(join(root, "dist", "index.html"))) return;
  log("dist/ is missing: running npm run build");
  const result = spawnSync("npm", ["run", "build"], { cwd: root, stdio: "inherit" });
  if (result.status !== 0) throw new Error("npm run build failed.");
}

const loadAverage = () => loadavg().map((value) => Math.round(value * 100) / 100);

function environment(chromiumVersion: string, loadAtStart: number[]) {
  const playwright = JSON.parse(readFileSync(join(root, "node_modules", "@playwright", "test", "package.json"), "utf8")) as { version: string };
  let commit = "unknown";
  try {
    commit = execFileSync("git", ["rev-parse", "HEAD"], { cwd: root, encoding: "utf8" }).trim();
  } catch {
    // Not a git checkout: the commit stays "unknown".
  }
  return {
    date: new Date().toISOString(),
    loadAverage: { start: loadAtStart, end: loadAverage() },
    cpuModel: cpus()[0]?.model.trim() ?? "unknown",
    cpuCount: cpus().length,
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    os: `${type()} ${release()}`,
    node: process.version,
    chromium: chromiumVersion,
    playwright: playwright.version,
    openssl: openSslVersion(),
    commit,
  };
}

function progress(label: string, index: number, total: number, value: number): void {
  if (index === total - 1 || (index + 1) % 10 === 0) log(`${label}: ${String(index + 1)}/${String(total)} (last ${value.toFixed(0)} ms)`);
}

/** Fills the fields and makes one unrecorded click, so the timed clicks all meet the "replace the unsaved key?" question. */
async function prepareReadyPage(page: Page, bits: number, pauseMs: number): Promise<void> {
  await prepareUi(page, bits);
  for (let index = 0; index < WARMUP_RUNS; index += 1) {
    await page.waitForTimeout(pauseMs);
    await measureUiGeneration(page);
  }
}

/**
 * Generate with a key made in advance: a pause before each click, as a person reads the last result.
 * With a baseline build, its page is open beside ours and the clicks alternate (pause, ours, pause,
 * baseline), so what else the machine is doing falls on both builds alike.
 */
async function benchOurs(browser: Browser, origins: { ours: string; baseline?: string }, bits: number, runs: number, pauseMs: number) {
  const { context, page } = await openWorkbench(browser, origins.ours);
  let baselineContext: BrowserContext | undefined;
  try {
    await measureKeyGeneration(page, bits, WARMUP_RUNS);
    const keygen = await measureKeyGeneration(page, bits, runs);
    log(`ours key ${String(bits)}: ${String(runs)} runs, median ${String(summarize(keygen).median)} ms`);

    await prepareReadyPage(page, bits, pauseMs);
    let baselinePage: Page | undefined;
    if (origins.baseline) {
      const opened = await openWorkbench(browser, origins.baseline);
      baselineContext = opened.context;
      baselinePage = opened.page;
      await prepareReadyPage(baselinePage, bits, pauseMs);
    }
    const ui: UiRun[] = [];
    const baseline: UiRun[] = [];
    for (let index = 0; index < runs; index += 1) {
      await page.waitForTimeout(pauseMs);
      ui.push(await measureUiGeneration(page));
      if (baselinePage) {
        await baselinePage.waitForTimeout(pauseMs);
        baseline.push(await measureUiGeneration(baselinePage));
      }
      progress(`ours UI ${String(bits)} (key ready)`, index, runs, ui[ui.length - 1]?.credentialMs ?? 0);
    }
    if (baseline.length > 0) log(`baseline UI ${String(bits)} (key ready): median ${String(summarize(baseline.map((run) => run.credentialMs)).median)} ms`);
    return { keygen, ui, baseline };
  } finally {
    await baselineContext?.close();
    await context.close();
  }
}

/** The first click after load, in a fresh context each time; alternates with the baseline build when there is one. */
async function benchCold(browser: Browser, origins: { ours: string; baseline?: string }, bits: number, runs: number) {
  const ours: (UiRun & { readyMs: number })[] = [];
  const baseline: (UiRun & { readyMs: number })[] = [];
  await measureColdGeneration(browser, origins.ours, bits);
  if (origins.baseline) await measureColdGeneration(browser, origins.baseline, bits);
  for (let index = 0; index < runs; index += 1) {
    ours.push(await measureColdGeneration(browser, origins.ours, bits));
    if (origins.baseline) baseline.push(await measureColdGeneration(browser, origins.baseline, bits));
    progress(`cold ${String(bits)}`, index, runs, ours[ours.length - 1]?.credentialMs ?? 0);
  }
  return { ours, baseline };
}

function keyAtClickCounts(runs: UiRun[]) {
  return { ready: runs.filter((run) => run.keyAtClick === "ready").length, pending: runs.filter((run) => run.keyAtClick === "pending").length, none: runs.filter((run) => run.keyAtClick === "none").length };
}

/**
 * Click → thumbprint less the wait for the key, over the clicks that found it ready: certificate,
 * thumbprints, PEM and rendering: what a click costs once the key is ready.
 */
function afterKey(readyClicks: UiRun[]) {
  return summarize(readyClicks.map((run) => run.credentialMs - (run.steps["key-wait"] ?? 0)));
}

/** Medians of the page's cw:* step measures over the runs that had them. */
function stepMedians(runs: UiRun[]): StepMedians {
  const names = [...new Set(runs.flatMap((run) => Object.keys(run.steps)))];
  return Object.fromEntries(names.map((name) => [name, summarize(runs.flatMap((run) => (run.steps[name] === undefined ? [] : [run.steps[name]]))).median]));
}

function benchOpenSsl(bits: number, runs: number): OpenSslRun[] {
  for (let index = 0; index < WARMUP_RUNS; index += 1) runOpenSslRecipe(bits);
  const samples: OpenSslRun[] = [];
  for (let index = 0; index < runs; index += 1) {
    samples.push(runOpenSslRecipe(bits));
    progress(`openssl ${String(bits)}`, index, runs, samples[samples.length - 1]?.totalMs ?? 0);
  }
  return samples;
}

async function benchForge(browser: Browser, origin: string, bits: number, runs: number): Promise<ForgeRun[]> {
  const page = await openForgePage(browser, origin);
  try {
    const samples: ForgeRun[] = [];
    for (let index = 0; index < runs; index += 1) {
      samples.push(await runForge(page, bits));
      log(`forge ${String(bits)}: ${String(index + 1)}/${String(runs)} (${(samples[samples.length - 1]?.totalMs ?? 0).toFixed(0)} ms)`);
    }
    return samples;
  } finally {
    await page.close();
  }
}

const round = (value: number) => Math.round(value * 10) / 10;

function readProxyResults(): unknown {
  const path = join(root, "bench", "proxy-results.json");
  if (!existsSync(path)) return null;
  try {
    return JSON.parse(readFileSync(path, "utf8")) as unknown;
  } catch (error) {
    log(`bench/proxy-results.json is not valid JSON (${error instanceof Error ? error.message : String(error)}); left out.`);
    return null;
  }
}

function bundleResults(distDir: string, baselineDist: string | undefined): BenchResults["bundle"] {
  const report = measureBundle(distDir);
  // The baseline's sizes are read the way check:bundle reads ours, so the two are comparable.
  const baseline = baselineDist ? measureBundle(baselineDist) : undefined;
  const singlePath = join(root, "dist-single", "credential-workbench.html");
  const single = existsSync(singlePath) ? readFileSync(singlePath) : undefined;
  return {
    initial: report.initial,
    total: report.total,
    budgetInitialJsGzipBytes: report.budget.initialJsGzipBytes,
    withinBudget: report.budget.withinBudget,
    assets: report.assets.map(({ file, loadedAs, bytes, gzipBytes }) => ({ file, loadedAs, bytes, gzipBytes })),
    singleFile: single ? { bytes: single.byteLength, gzipBytes: gzipSync(single).byteLength } : undefined,
    baselineInitial: baseline?.initial,
  };
}

async function main(): Promise<void> {
  const config = readConfig();
  if (process.argv.includes("--report-only")) {
    // Re-renders BENCHMARKS.md from the saved results (after a change to the report's wording).
    const saved = JSON.parse(readFileSync(config.resultsPath, "utf8")) as BenchResults;
    writeFileSync(config.markdownPath, renderMarkdown(saved));
    log(`rendered ${config.markdownPath} from ${config.resultsPath}`);
    return;
  }
  ensureBuild();
  const started = Date.now();
  // Serve a copy, so a rebuild of dist/ during the run (npm test elsewhere) cannot pull files away.
  const distCopy = mkdtempSync(join(tmpdir(), "cw-bench-dist-"));
  cpSync(join(root, "dist"), distCopy, { recursive: true });
  writeFileSync(join(distCopy, FLOOR_PAGE.path), FLOOR_PAGE.html);
  writeFileSync(join(distCopy, MARKUP_PAGE_PATH), markupOnlyPage(readFileSync(join(distCopy, "index.html"), "utf8")));
  const server = await startWorkbenchServer({ host: "127.0.0.1", port: 0, distDir: distCopy, logger: () => undefined });
  const baselineServer = config.baselineDist ? await startWorkbenchServer({ host: "127.0.0.1", port: 0, distDir: config.baselineDist, logger: () => undefined }) : undefined;
  const browser = await chromium.launch(chromiumLaunchOptions());
  log(`server ${server.origin}${baselineServer ? `, baseline ${baselineServer.origin} (${config.baselineLabel ? `${config.baselineLabel}: ` : ""}${config.baselineDist ?? ""})` : ""}, Chromium ${browser.version()}, ${String(config.runs)} runs per size, pause ${String(config.pauseMs)} ms, forge ${JSON.stringify(config.forgeRuns)}`);
  try {
    const loadAtStart = loadAverage();

    await measurePageLoad(browser, server.origin);
    if (baselineServer) await measurePageLoad(browser, baselineServer.origin);
    const loads = [];
    const baselineLoads = [];
    const floorLoads = [];
    const markupLoads = [];
    for (let index = 0; index < config.loadRuns; index += 1) {
      loads.push(await measurePageLoad(browser, server.origin));
      if (baselineServer) baselineLoads.push(await measurePageLoad(browser, baselineServer.origin));
      floorLoads.push(await measurePageLoad(browser, server.origin, FLOOR_PAGE.path));
      markupLoads.push(await measurePageLoad(browser, server.origin, MARKUP_PAGE_PATH));
    }
    log(`page ready: median ${String(summarize(loads.map((run) => run.readyMs)).median)} ms${baselineServer ? `, baseline ${String(summarize(baselineLoads.map((run) => run.readyMs)).median)} ms` : ""}`);
    // Each repeat visit is three loads: a third of the fresh-context runs keeps the bench's length in bounds.
    const repeatRuns = Math.max(3, Math.ceil(config.loadRuns / 3));
    const repeats = [];
    const baselineRepeats = [];
    const floorRepeats = [];
    const markupRepeats = [];
    for (let index = 0; index < repeatRuns; index += 1) {
      repeats.push(await measureRepeatVisit(browser, server.origin));
      if (baselineServer) baselineRepeats.push(await measureRepeatVisit(browser, baselineServer.origin));
      floorRepeats.push(await measureRepeatVisit(browser, server.origin, FLOOR_PAGE.path));
      markupRepeats.push(await measureRepeatVisit(browser, server.origin, MARKUP_PAGE_PATH));
    }
    log(`repeat visit ready: median ${String(summarize(repeats.map((run) => run.readyMs)).median)} ms`);

    const cold = new Map<number, Awaited<ReturnType<typeof benchCold>>>();
    for (const bits of config.sizes) cold.set(bits, await benchCold(browser, { ours: server.origin, baseline: baselineServer?.origin }, bits, config.coldRuns));
    const ours = new Map<number, Awaited<ReturnType<typeof benchOurs>>>();
    for (const bits of config.sizes) ours.set(bits, await benchOurs(browser, { ours: server.origin, baseline: baselineServer?.origin }, bits, config.runs, config.pauseMs));
    const openssl = new Map<number, OpenSslRun[]>();
    for (const bits of config.sizes) openssl.set(bits, benchOpenSsl(bits, config.runs));
    const forge = new Map<number, ForgeRun[]>();
    for (const bits of config.sizes) forge.set(bits, await benchForge(browser, server.origin, bits, config.forgeRuns[String(bits)] ?? 5));

    const sizes: SizeResults[] = config.sizes.map((bits) => {
      const mine = ours.get(bits) ?? { keygen: [], ui: [], baseline: [] };
      const baselineReadyClicks = mine.baseline.filter((run) => run.keyAtClick === "ready");
      const baselineReady = mine.baseline.length > 0 ? summarize(mine.baseline.map((run) => run.credentialMs)) : undefined;
      const coldRuns = cold.get(bits) ?? { ours: [], baseline: [] };
      const readyClicks = mine.ui.filter((run) => run.keyAtClick === "ready");
      const coldSummary = summarize(coldRuns.ours.map((run) => run.credentialMs));
      const baselineCold = coldRuns.baseline.length > 0 ? summarize(coldRuns.baseline.map((run) => run.credentialMs)) : undefined;
      const theirs = openssl.get(bits) ?? [];
      const peer = forge.get(bits) ?? [];
      const keygen = summarize(mine.keygen);
      const uiTotal = summarize(mine.ui.map((run) => run.totalMs));
      const uiCredential = summarize(mine.ui.map((run) => run.credentialMs));
      const opensslResult = {
        genrsa: summarize(theirs.map((run) => run.genrsaMs)),
        req: summarize(theirs.map((run) => run.reqMs)),
        x509: summarize(theirs.map((run) => run.x509Ms)),
        fingerprint: summarize(theirs.map((run) => run.fingerprintMs)),
        total: summarize(theirs.map((run) => run.totalMs)),
      };
      const forgeResult = peer.length > 0 ? { keygen: summarize(peer.map((run) => run.keygenMs)), rest: summarize(peer.map((run) => run.restMs)), total: summarize(peer.map((run) => run.totalMs)) } : undefined;
      return {
        bits,
        ours: {
          keygen,
          uiCredential,
          uiTotal,
          keyAtClick: keyAtClickCounts(mine.ui),
          afterKey: afterKey(readyClicks),
          steps: stepMedians(readyClicks.length > 0 ? readyClicks : mine.ui),
          cold: coldSummary,
          coldTotal: summarize(coldRuns.ours.map((run) => run.totalMs)),
          coldKeyAtClick: keyAtClickCounts(coldRuns.ours),
          coldSteps: stepMedians(coldRuns.ours),
          baselineCold,
          baselineReady,
          baselineKeyAtClick: mine.baseline.length > 0 ? keyAtClickCounts(mine.baseline) : undefined,
          baselineAfterKey: baselineReadyClicks.length > 0 ? afterKey(baselineReadyClicks) : undefined,
          baselineSteps: mine.baseline.length > 0 ? stepMedians(baselineReadyClicks.length > 0 ? baselineReadyClicks : mine.baseline) : undefined,
          longestTaskMs: round(Math.max(0, ...mine.ui.map((run) => run.longestTaskMs))),
          runsWithLongTasks: mine.ui.filter((run) => run.longTaskCount > 0).length,
          longestFrameGapMs: round(Math.max(0, ...mine.ui.map((run) => run.longestFrameGapMs))),
          worstFrames: mine.ui
            .flatMap((run) => (run.worstFrame ? [run.worstFrame] : []))
            .sort((a, b) => b.blockingDuration - a.blockingDuration)
            .slice(0, 3)
            .map((frame) => ({ durationMs: round(frame.duration), blockingMs: round(frame.blockingDuration), scripts: frame.scripts })),
        },
        openssl: opensslResult,
        forge: forgeResult,
        ratios: {
          keygenVsOpenssl: ratio(keygen, opensslResult.genrsa),
          keygenVsForge: ratio(keygen, forgeResult?.keygen),
          wholeVsOpenssl: ratio(uiTotal, opensslResult.total),
          wholeVsForge: ratio(uiTotal, forgeResult?.total),
          readyVsOpenssl: ratio(uiCredential, opensslResult.total),
          coldVsOpenssl: ratio(coldSummary, opensslResult.total),
          coldVsBaseline: ratio(coldSummary, baselineCold),
          readyVsBaseline: ratio(uiCredential, baselineReady),
        },
        samples: {
          oursKeygenMs: mine.keygen.map(round),
          oursUi: mine.ui.map((run) => ({ credentialMs: round(run.credentialMs), totalMs: round(run.totalMs), keyAtClick: run.keyAtClick, longestTaskMs: round(run.longestTaskMs), longestFrameGapMs: round(run.longestFrameGapMs) })),
          oursCold: coldRuns.ours.map((run) => ({ credentialMs: round(run.credentialMs), totalMs: round(run.totalMs), keyAtClick: run.keyAtClick, readyMs: round(run.readyMs) })),
          baselineUi: mine.baseline.map((run) => ({ credentialMs: round(run.credentialMs), totalMs: round(run.totalMs), keyAtClick: run.keyAtClick })),
          baselineCold: coldRuns.baseline.map((run) => ({ credentialMs: round(run.credentialMs), totalMs: round(run.totalMs), readyMs: round(run.readyMs) })),
          openssl: theirs.map((run) => ({ genrsaMs: round(run.genrsaMs), reqMs: round(run.reqMs), x509Ms: round(run.x509Ms), fingerprintMs: round(run.fingerprintMs), totalMs: round(run.totalMs) })),
          forge: peer.map((run) => ({ keygenMs: round(run.keygenMs), restMs: round(run.restMs), totalMs: round(run.totalMs) })),
        },
      };
    });

    const largest = sizes[sizes.length - 1];
    const results: BenchResults & { durationSeconds: number; pageLoadSamples: unknown } = {
      schema: 1,
      environment: environment(browser.version(), loadAtStart),
      config: { runs: config.runs, coldRuns: config.coldRuns, loadRuns: config.loadRuns, warmupRuns: WARMUP_RUNS, forgeRuns: config.forgeRuns, sizes: config.sizes, pauseMs: config.pauseMs, baselineDist: config.baselineDist, baselineLabel: config.baselineLabel },
      sizes,
      pageLoad: {
        ready: summarize(loads.map((run) => run.readyMs)),
        app: summarize(loads.map((run) => run.appMs)),
        floorReady: summarize(floorLoads.map((run) => run.readyMs)),
        markupReady: summarize(markupLoads.map((run) => run.readyMs)),
        baselineApp: baselineLoads.length > 0 ? summarize(baselineLoads.map((run) => run.appMs)) : undefined,
        domContentLoaded: summarize(loads.map((run) => run.domContentLoadedMs)),
        load: summarize(loads.map((run) => run.loadMs)),
        baselineReady: baselineLoads.length > 0 ? summarize(baselineLoads.map((run) => run.readyMs)) : undefined,
        repeatReady: summarize(repeats.map((run) => run.readyMs)),
        floorRepeatReady: summarize(floorRepeats.map((run) => run.readyMs)),
        markupRepeatReady: summarize(markupRepeats.map((run) => run.readyMs)),
        baselineRepeatReady: baselineRepeats.length > 0 ? summarize(baselineRepeats.map((run) => run.readyMs)) : undefined,
      },
      responsiveness: {
        bits: largest?.bits ?? 0,
        runs: largest?.ours.uiTotal.runs ?? 0,
        longestTaskMs: largest?.ours.longestTaskMs ?? 0,
        runsWithLongTasks: largest?.ours.runsWithLongTasks ?? 0,
        under50ms: (largest?.ours.longestTaskMs ?? 0) < 50,
        longestFrameGapMs: largest?.ours.longestFrameGapMs ?? 0,
      },
      bundle: bundleResults(distCopy, config.baselineDist),
      proxy: readProxyResults(),
      durationSeconds: Math.round((Date.now() - started) / 1000),
      pageLoadSamples: loads.map((run) => ({ readyMs: round(run.readyMs), appMs: round(run.appMs), domContentLoadedMs: round(run.domContentLoadedMs), loadMs: round(run.loadMs) })),
    };

    mkdirSync(join(config.resultsPath, ".."), { recursive: true });
    writeFileSync(config.resultsPath, `${JSON.stringify(results, null, 2)}\n`);
    writeFileSync(config.markdownPath, renderMarkdown(results));
    log(`done in ${String(results.durationSeconds)} s: ${config.resultsPath}, ${config.markdownPath}`);
  } finally {
    await browser.close();
    await server.close();
    await baselineServer?.close();
    rmSync(distCopy, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
