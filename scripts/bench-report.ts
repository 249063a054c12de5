/** Turns bench/results.json into the tables and sentences of BENCHMARKS.md. */
import { exactly, versusBaseline, type BaselineVerdict, type Summary } from "./bench-stats";

/** Median milliseconds of each `cw:*` step the page measures (src/core/step-timing.ts), by name without the prefix. */
export type StepMedians = Record<string, number>;

type KeyAtClick = { ready: number; pending: number; none: number };

export interface SizeResults {
  bits: number;
  ours: {
    keygen: Summary;
    /** Click → thumbprint with a pause before each click, so the key made in advance is usually ready. */
    uiCredential: Summary;
    uiTotal: Summary;
    keyAtClick?: KeyAtClick;
    /** Click → thumbprint less the wait for the key, over the clicks that found their key ready. */
    afterKey?: Summary;
    steps?: StepMedians;
    /** The first click after load in a fresh context: no key ready. */
    cold?: Summary;
    coldTotal?: Summary;
    coldKeyAtClick?: KeyAtClick;
    coldSteps?: StepMedians;
    /** The same cold click on the baseline build (BENCH_BASELINE_DIST), alternating with ours. */
    baselineCold?: Summary;
    /** The same key-ready click (click → thumbprint) on the baseline build, its page open beside ours, clicks alternating. */
    baselineReady?: Summary;
    baselineKeyAtClick?: KeyAtClick;
    baselineAfterKey?: Summary;
    /** The baseline page's own `cw:*` step medians over those clicks (a build may name its steps differently). */
    baselineSteps?: StepMedians;
    longestTaskMs: number;
    runsWithLongTasks: number;
    longestFrameGapMs: number;
    /** Long animation frames with the most blocking time (≥ 50 ms frames, blocking = the part of their tasks over 50 ms), with attribution. */
    worstFrames?: { durationMs: number; blockingMs: number; scripts: string[] }[];
  };
  openssl: { genrsa: Summary; req: Summary; x509: Summary; fingerprint: Summary; total: Summary };
  forge?: { keygen: Summary; rest: Summary; total: Summary };
  ratios: { keygenVsOpenssl?: number; keygenVsForge?: number; wholeVsOpenssl?: number; wholeVsForge?: number; readyVsOpenssl?: number; coldVsOpenssl?: number; coldVsBaseline?: number; readyVsBaseline?: number };
}

export interface BenchResults {
  schema: 1;
  environment: { date: string; loadAverage: { start: number[]; end: number[] }; cpuModel: string; cpuCount: number; memoryGiB: number; os: string; node: string; chromium: string; playwright: string; openssl: string; commit: string };
  config: { runs: number; coldRuns?: number; loadRuns?: number; warmupRuns: number; forgeRuns: Record<string, number>; sizes: number[]; pauseMs?: number; baselineDist?: string; /** What the baseline build is, in words (BENCH_BASELINE_LABEL). */ baselineLabel?: string };
  sizes: SizeResults[];
  pageLoad: {
    ready: Summary;
    /** Navigation → the app itself rendered (it replaces the first screen index.html carries). */
    app?: Summary;
    /** The same for a page holding only an enabled button: this machine's floor. */
    floorReady?: Summary;
    /** The first screen's markup alone (index.html without scripts or stylesheets): what the content itself costs. */
    markupReady?: Summary;
    domContentLoaded: Summary;
    load: Summary;
    baselineReady?: Summary;
    baselineApp?: Summary;
    repeatReady?: Summary;
    baselineRepeatReady?: Summary;
    floorRepeatReady?: Summary;
    markupRepeatReady?: Summary;
  };
  responsiveness: { bits: number; runs: number; longestTaskMs: number; runsWithLongTasks: number; under50ms: boolean; longestFrameGapMs: number };
  bundle: {
    initial: { jsBytes: number; jsGzipBytes: number; cssBytes: number; cssGzipBytes: number };
    total: { jsBytes: number; jsGzipBytes: number; cssBytes: number; cssGzipBytes: number };
    budgetInitialJsGzipBytes: number;
    withinBudget: boolean;
    assets: { file: string; loadedAs: string; bytes: number; gzipBytes: number }[];
    singleFile?: { bytes: number; gzipBytes: number };
    /** The baseline build's initial files, measured as check:bundle measures ours. */
    baselineInitial?: { jsBytes: number; jsGzipBytes: number; cssBytes: number; cssGzipBytes: number };
  };
  proxy: unknown;
}

const ms = (summary: Summary | undefined) => (summary ? `${fmt(summary.median)} / ${fmt(summary.p90)}` : "—");
const fmt = (value: number) => (value >= 100 || Number.isInteger(value) ? String(Math.round(value)) : value.toFixed(1));
const times = (value: number | undefined) => (value === undefined ? "—" : `${String(value)}×`);
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/** "3.2× faster" / "1.4× slower" for our median against theirs. */
function compare(ours: Summary, theirs: Summary | undefined): string {
  if (!theirs || !(ours.median > 0) || !(theirs.median > 0)) return "not measured";
  const value = ours.median / theirs.median;
  return value < 1 ? `${(1 / value).toFixed(1)}× faster` : `${value.toFixed(1)}× slower`;
}

function proxySection(proxy: unknown): string[] {
  if (proxy === null || proxy === undefined || typeof proxy !== "object") {
    return ["Not measured in this run: bench/proxy-results.json was not there. Run `npm run bench:proxy`, then `npm run bench` again to include it here."];
  }
  // The proxy benchmark's format belongs to its author: top-level scalars are its settings, each
  // nested object with numbers is one row (named by its `name`, or its key).
  const record = proxy as Record<string, unknown>;
  const settings = Object.entries(record).filter(([key, value]) => (typeof value === "number" || typeof value === "string") && key !== "date" && key !== "node");
  const rows = Object.entries(record)
    .filter(([, value]) => typeof value === "object" && value !== null && !Array.isArray(value))
    .map(([key, value]) => {
      const fields = value as Record<string, unknown>;
      return { name: typeof fields.name === "string" ? fields.name : key, numbers: Object.fromEntries(Object.entries(fields).filter(([, field]) => typeof field === "number")) as Record<string, number> };
    })
    .filter((row) => Object.keys(row.numbers).length > 0);
  if (rows.length === 0) return ["bench/proxy-results.json is present but has no numbers this script recognises; see the file."];
  const columns = [...new Set(rows.flatMap((row) => Object.keys(row.numbers)))];
  const when = typeof record.date === "string" ? ` (measured ${record.date})` : "";
  return [
    `From bench/proxy-results.json, written by \`npm run bench:proxy\`${when} and copied into bench/results.json: a mock token endpoint called directly and through the workbench's /api/token proxy, on loopback.` +
      (settings.length > 0 ? ` Settings: ${settings.map(([key, value]) => `${key} ${String(value)}`).join(", ")}.` : ""),
    "",
    `| | ${columns.join(" | ")} |`,
    `| --- | ${columns.map(() => "---:").join(" | ")} |`,
    ...rows.map((row) => `| ${row.name} | ${columns.map((column) => (row.numbers[column] === undefined ? "" : fmt(row.numbers[column]))).join(" | ")} |`),
  ];
}

const met = (ok: boolean | undefined) => (ok === undefined ? "not measured" : ok ? "**met**" : "**not met**");

/** Which build "before" is, in the report's words (its label, then its folder); undefined when the run had no baseline build. */
function baselineName(results: BenchResults): string | undefined {
  const { baselineDist, baselineLabel } = results.config;
  if (!baselineDist) return undefined;
  return baselineLabel ? `${baselineLabel} (the build in \`${baselineDist}\`)` : `the build in \`${baselineDist}\``;
}

const signed = (value: number, unit: "ms" | "bytes") => `${value > 0 ? "+" : value < 0 ? "−" : "±"}${unit === "ms" ? `${fmt(Math.abs(value))} ms` : kb(Math.abs(value))}`;

/** The "vs baseline" cell: the verdict of bench-stats' versusBaseline, with the difference of medians. */
export function verdictText(verdict: BaselineVerdict, unit: "ms" | "bytes" = "ms"): string {
  if (verdict.kind === "not-measured") return "not measured on the baseline";
  const difference = `${signed(verdict.delta, unit)}, ${verdict.percent > 0 ? "+" : verdict.percent < 0 ? "−" : "±"}${String(Math.abs(verdict.percent))} %`;
  if (verdict.kind === "no-worse") return `no worse than baseline (${difference})`;
  if (verdict.kind === "within-noise") return `no worse than baseline: within noise (${difference}, not above the baseline's p90)`;
  return `**worse than baseline** by ${signed(verdict.delta, unit).slice(1)} (${verdict.percent > 0 ? "+" : ""}${String(verdict.percent)} %)`;
}

const THE_RULE =
  "A figure is **no worse than baseline** when our median is at or below the baseline's median in this run; **within noise** (also no worse) when our median is higher but not above the baseline's p90, i.e. inside the baseline's own run-to-run spread here, so this run cannot tell the two apart; **worse** when our median is above the baseline's p90. Initial JavaScript has no noise: any byte over the baseline's is worse.";

/**
 * Why a load can miss its target on a slow machine, with this run's own figures: the same load for a
 * page of one button (the floor) and for the first screen's markup with no stylesheet and no script
 * (what the content itself costs), next to the page's own.
 */
function pageLoadNote(results: BenchResults): string[] {
  const { ready, app, floorReady, markupReady, baselineReady, repeatReady, baselineRepeatReady, floorRepeatReady, markupRepeatReady } = results.pageLoad;
  if (ready.median <= 120 && (!repeatReady || repeatReady.median <= 120)) return [];
  const split = (label: string, page: Summary, floor?: Summary, markup?: Summary) =>
    `${label}: a page of one button ${floor ? `${fmt(floor.median)} ms` : "(not measured)"}, the first screen's markup alone ${markup ? `${fmt(markup.median)} ms` : "(not measured)"}, the page ${fmt(page.median)} ms`;
  return [
    "**Page load, read this.** index.html carries the first screen already rendered (the app's own first render, made at build time) with a working Generate form, so Generate is on screen and takes a click once the HTML, the stylesheet and the small boot script after it are in (the figure is the later of the button's insertion and the first contentful paint); a Generate pressed before the app's JavaScript has loaded is kept, and starts the moment the app has taken over. " +
      "Two pages loaded the same way, in the same run, show what this machine allows: a page holding nothing but one enabled button (the floor: no page can be ready sooner), and the first screen's markup alone, index.html with every script and stylesheet taken out (roughly what drawing this much content costs before our stylesheet and scripts: unstyled, its layout is not the page's). Medians — " +
      split("fresh context", ready, floorReady, markupReady) +
      (repeatReady ? `; ${split("repeat visit", repeatReady, floorRepeatReady, markupRepeatReady)}` : "") +
      "." +
      (baselineReady ? ` Before (the baseline build) took ${fmt(baselineReady.median)} ms fresh in the same run.` : "") +
      (repeatReady && baselineRepeatReady ? ` On a repeat visit it took ${fmt(baselineRepeatReady.median)} ms in the same run.` : "") +
      (app ? ` The app itself (React, every control) has taken over ${fmt(app.median)} ms after navigation (median): React DOM's compile and first render on 2 busy cores.` : ""),
    "",
  ];
}

/** One row of the Targets table; `versus` is judged against the baseline build when the run had one. */
interface TargetRow {
  figure: string;
  target: string;
  measured: string;
  met: string;
  versus?: { verdict: BaselineVerdict; unit: "ms" | "bytes" };
}

/** The first screen's and Generate's figures, each next to its target and, with a baseline build, judged against it. */
function targetsSection(results: BenchResults): string[] {
  const rows: TargetRow[] = [];
  const before = (summary: Summary | undefined) => (summary ? `; before: ${ms(summary)} ms` : "");
  const versus = (ours: Summary, baseline: Summary | undefined): TargetRow["versus"] => ({ verdict: versusBaseline(ours, baseline), unit: "ms" });
  for (const size of results.sizes) {
    const ready = size.ours.uiCredential;
    const ratio = size.ratios.readyVsOpenssl;
    rows.push({
      figure: `Click → thumbprint, key ready, RSA ${String(size.bits)}`,
      target: "median ≤ 30 ms (≤ 0.1× OpenSSL)",
      measured: `${ms(ready)} ms; ${times(ratio)} OpenSSL${before(size.ours.baselineReady)}`,
      met: `${met(ready.median <= 30)}${ratio === undefined ? "" : ratio <= 0.1 ? "; ratio met" : "; ratio not met"}`,
      versus: versus(ready, size.ours.baselineReady),
    });
  }
  const smallest = results.sizes[0];
  if (smallest?.ours.afterKey && smallest.ours.afterKey.runs > 0) {
    rows.push({
      figure: `After the key is ready (certificate, thumbprints, PEM, render), RSA ${String(smallest.bits)}`,
      target: "median ≤ 15 ms",
      measured: `${ms(smallest.ours.afterKey)} ms${before(smallest.ours.baselineAfterKey)}`,
      met: met(smallest.ours.afterKey.median <= 15),
      versus: versus(smallest.ours.afterKey, smallest.ours.baselineAfterKey),
    });
  }
  for (const size of results.sizes) {
    if (!size.ours.cold) continue;
    const baseline = size.ours.baselineCold;
    const verdict = versusBaseline(size.ours.cold, baseline);
    rows.push({
      figure: `Click → thumbprint, cold (first click after load), RSA ${String(size.bits)}`,
      target: "no slower than before",
      measured: `${ms(size.ours.cold)} ms; ${baseline ? `before: ${ms(baseline)} ms (${times(size.ratios.coldVsBaseline)})` : "no baseline build in this run"}`,
      met: verdict.kind === "not-measured" ? "not measured" : met(verdict.kind !== "worse"),
      versus: { verdict, unit: "ms" },
    });
  }
  // The two reference pages loaded the same way in the same run: what this machine allows.
  const besideReference = (floor: Summary | undefined, markup: Summary | undefined) =>
    `${floor ? `; a page of one button: ${ms(floor)} ms` : ""}${markup ? `; the markup alone: ${ms(markup)} ms` : ""}`;
  const { ready, baselineReady, floorReady, markupReady } = results.pageLoad;
  rows.push({
    figure: "Navigation → Generate enabled",
    target: "median ≤ 120 ms",
    measured: `${ms(ready)} ms${before(baselineReady)}${besideReference(floorReady, markupReady)}`,
    met: met(ready.median <= 120),
    versus: versus(ready, baselineReady),
  });
  const { app, baselineApp } = results.pageLoad;
  if (app) {
    rows.push({
      figure: "Navigation → the app has taken over (every control works)",
      target: "no target of its own (in a page without the prerendered first screen, the same moment as Generate enabled)",
      measured: `${ms(app)} ms${before(baselineApp)}`,
      met: "—",
      versus: versus(app, baselineApp),
    });
  }
  const { repeatReady, baselineRepeatReady, floorRepeatReady, markupRepeatReady } = results.pageLoad;
  if (repeatReady) {
    rows.push({
      figure: "Navigation → Generate enabled, repeat visit (files and compiled code cached)",
      target: "median ≤ 120 ms",
      measured: `${ms(repeatReady)} ms${before(baselineRepeatReady)}${besideReference(floorRepeatReady, markupRepeatReady)}`,
      met: met(repeatReady.median <= 120),
      versus: versus(repeatReady, baselineRepeatReady),
    });
  }
  const initialJs = results.bundle.initial.jsGzipBytes;
  const baselineJs = results.bundle.baselineInitial?.jsGzipBytes;
  rows.push({
    figure: "Initial JavaScript",
    target: `≤ 110 KB gzip (check:bundle budget ${kb(results.bundle.budgetInitialJsGzipBytes)})`,
    measured: `${kb(initialJs)}${baselineJs === undefined ? "" : `; before: ${kb(baselineJs)}`}`,
    met: met(initialJs <= 110 * 1024),
    versus: { verdict: versusBaseline(exactly(initialJs), baselineJs === undefined ? undefined : exactly(baselineJs), true), unit: "bytes" },
  });

  const name = baselineName(results);
  const table = name
    ? [
        "| Figure | Target | Measured (median / p90) | | vs baseline |",
        "| --- | --- | --- | --- | --- |",
        ...rows.map((row) => `| ${row.figure} | ${row.target} | ${row.measured} | ${row.met} | ${row.versus ? verdictText(row.versus.verdict, row.versus.unit) : "—"} |`),
      ]
    : ["| Figure | Target | Measured (median / p90) | |", "| --- | --- | --- | --- |", ...rows.map((row) => `| ${row.figure} | ${row.target} | ${row.measured} | ${row.met} |`)];
  const worse = rows.filter((row) => row.versus?.verdict.kind === "worse").map((row) => row.figure);
  const unjudged = rows.filter((row) => !row.versus || row.versus.verdict.kind === "not-measured").map((row) => row.figure);
  const baselineNote = name
    ? [
        `**Before** is ${name}, served by the same server on the same machine and measured in the same run as ours, alternating run by run. ${THE_RULE} ` +
          (worse.length === 0 ? "**No figure is worse than the baseline**" : `**Worse than the baseline**: ${worse.join("; ")}`) +
          (unjudged.length > 0 ? ` (not measured on the baseline: ${unjudged.join("; ")}).` : "."),
        "",
      ]
    : [];
  return [
    "## Targets",
    "",
    ...table,
    "",
    ...baselineNote,
    "The proxy's target (at most 1 ms added at the median) is judged by `npm run bench:proxy`; its latest figures are under Token proxy below.",
    "",
    ...pageLoadNote(results),
  ];
}

/** Key ready and cold, side by side with OpenSSL, and where the time goes. */
function generateSection(results: BenchResults): string[] {
  const pause = results.config.pauseMs;
  const counts = (value: KeyAtClick | undefined, runs: number) => (value ? `${String(value.ready)} of ${String(runs)}` : "—");
  const name = baselineName(results);
  const readyBefore = results.sizes.some((size) => size.ours.baselineReady !== undefined);
  const stepNames = ["key-wait", "certificate", "export-pkcs8", "thumbprints", "files", "click-to-thumbprint-state", "csr"];
  return [
    "## Generate: a key made in advance, and cold",
    "",
    `**Key ready**: one page; before each click a pause of ${pause === undefined ? "a few" : String(pause)} ms, as a person reads the last result, while the page makes the next key in the background. **Cold**: a fresh browser context (empty cache) per run, the size and app fields set, and the first click as soon as Generate is enabled, so no key is ready. Both are click → the new SHA-1 thumbprint on screen. The bench never saves its keys, so from the second click on the page first asks whether to replace the unsaved key; the timed click is then the one on "Replace the unsaved key", which starts the work.` +
      (name
        ? ` **Before** is ${name}: ` +
          (readyBefore
            ? "the same key-ready clicks on a page of its own, open beside ours, the clicks alternating (a pause, ours, a pause, before: each page has two pauses and the other's click between its own clicks), and the same cold clicks, alternating run by run with ours."
            : "the same cold click, alternating run by run with ours (its key-ready clicks were not measured in this run).")
        : ""),
    "",
    ...(readyBefore
      ? [
          "| Key size | Key ready | Key ready, before | ready ÷ before | key ready at click | before: key ready at click | Cold | cold ÷ OpenSSL recipe | Cold, before | cold ÷ before | OpenSSL recipe |",
          "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
          ...results.sizes.map(
            (size) =>
              `| RSA ${String(size.bits)} | ${ms(size.ours.uiCredential)} | ${ms(size.ours.baselineReady)} | ${times(size.ratios.readyVsBaseline)} | ${counts(size.ours.keyAtClick, size.ours.uiCredential.runs)} | ${counts(size.ours.baselineKeyAtClick, size.ours.baselineReady?.runs ?? 0)} | ${ms(size.ours.cold)} | ${times(size.ratios.coldVsOpenssl)} | ${ms(size.ours.baselineCold)} | ${times(size.ratios.coldVsBaseline)} | ${ms(size.openssl.total)} |`,
          ),
        ]
      : [
          "| Key size | Key ready | ready ÷ OpenSSL recipe | key ready at click | Cold | cold ÷ OpenSSL recipe | Cold, before | OpenSSL recipe |",
          "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
          ...results.sizes.map(
            (size) =>
              `| RSA ${String(size.bits)} | ${ms(size.ours.uiCredential)} | ${times(size.ratios.readyVsOpenssl)} | ${counts(size.ours.keyAtClick, size.ours.uiCredential.runs)} | ${ms(size.ours.cold)} | ${times(size.ratios.coldVsOpenssl)} | ${ms(size.ours.baselineCold)} | ${ms(size.openssl.total)} |`,
          ),
        ]),
    "",
    "Where the time goes, from the page's own `performance.measure` marks (`cw:*`, src/core/step-timing.ts; medians over the clicks that found their key ready). *render* is click → thumbprint on screen less the click → new state; the CSR is made after the thumbprint is painted, so it is not part of click → thumbprint.",
    "",
    `| Key size | ${stepNames.join(" | ")} | render | after the key |`,
    `| --- | ${stepNames.map(() => "---:").join(" | ")} | ---: | ---: |`,
    ...results.sizes.flatMap((size) => {
      const row = (label: string, steps: StepMedians, credential: Summary, after: Summary | undefined) => {
        const state = steps["click-to-thumbprint-state"];
        const render = state === undefined ? undefined : credential.median - state;
        return `| ${label} | ${stepNames.map((name) => (steps[name] === undefined ? "—" : fmt(steps[name]))).join(" | ")} | ${render === undefined ? "—" : fmt(Math.max(0, render))} | ${after ? fmt(after.median) : "—"} |`;
      };
      const ours = row(`RSA ${String(size.bits)}`, size.ours.steps ?? {}, size.ours.uiCredential, size.ours.afterKey);
      return size.ours.baselineSteps && size.ours.baselineReady ? [ours, row(`RSA ${String(size.bits)}, before`, size.ours.baselineSteps, size.ours.baselineReady, size.ours.baselineAfterKey)] : [ours];
    }),
    "",
  ];
}

export function renderMarkdown(results: BenchResults): string {
  const { environment: env, config } = results;
  const forgeRuns = Object.entries(config.forgeRuns).map(([bits, runs]) => `${String(runs)} at ${bits}`).join(", ");
  const lines: string[] = [
    "# Benchmarks",
    "",
    "Generated by `npm run bench` (scripts/bench.ts); the raw samples are in [bench/results.json](bench/results.json).",
    "",
    `Measured ${env.date} on ${env.cpuModel} (${String(env.cpuCount)} cores, ${String(env.memoryGiB)} GiB), ${env.os}; Node ${env.node}, Chromium ${env.chromium} (headless, Playwright ${env.playwright}), ${env.openssl}; commit ${env.commit.slice(0, 12)}. Load average (1/5/15 min) ${env.loadAverage.start.join(" / ")} at the start and ${env.loadAverage.end.join(" / ")} at the end: other work on the machine shows up as noise.`,
    `Runs: ${String(config.runs)} per key size for our page with a key ready${results.sizes.some((size) => size.ours.baselineReady !== undefined) ? " (and for the baseline's)" : ""}, key generation alone and OpenSSL (after ${String(config.warmupRuns)} unrecorded warm-up run); ${String(config.coldRuns ?? config.runs)} cold clicks per key size${config.baselineDist ? " on each build" : ""}; ${String(config.loadRuns ?? config.runs)} page loads${config.baselineDist ? " on each build" : ""}; node-forge ${forgeRuns} (pure JavaScript is slow; see below). Times are median / p90 (nearest rank) in milliseconds.` +
      (baselineName(results) ? ` **Before** is ${baselineName(results) ?? ""}, measured in the same run.` : ""),
    "",
    ...targetsSection(results),
    ...generateSection(results),
    "## Key and certificate generation",
    "",
    "| Key size | Ours: key only | Ours: whole path in the UI, key ready | OpenSSL: genrsa | OpenSSL: recipe, 4 processes | node-forge: key | node-forge: whole path |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ...results.sizes.map((size) => `| RSA ${String(size.bits)} | ${ms(size.ours.keygen)} | ${ms(size.ours.uiTotal)} | ${ms(size.openssl.genrsa)} | ${ms(size.openssl.total)} | ${ms(size.forge?.keygen)} | ${ms(size.forge?.total)} |`),
    "",
    "Ratios of medians (ours ÷ theirs; below 1 means the workbench is faster):",
    "",
    "| Key size | Key: ours ÷ OpenSSL genrsa | Key: ours ÷ node-forge | Whole: ours ÷ OpenSSL recipe | Whole: ours ÷ node-forge |",
    "| --- | ---: | ---: | ---: | ---: |",
    ...results.sizes.map((size) => `| RSA ${String(size.bits)} | ${times(size.ratios.keygenVsOpenssl)} | ${times(size.ratios.keygenVsForge)} | ${times(size.ratios.wholeVsOpenssl)} | ${times(size.ratios.wholeVsForge)} |`),
    "",
    "What each column is:",
    "",
    "- **Ours: key only** — `crypto.subtle.generateKey` (RSASSA-PKCS1-v1_5, e = 65537, extractable) in the workbench page, as src/core/keys/rsa-keys.ts calls it.",
    "- **Ours: whole path in the UI, key ready** — a click on Generate (tenant and client ID already filled in, the key made in advance as above) until both the new SHA-1 thumbprint and a newly signed client assertion are on screen: key, certificate, CSR, thumbprints, PEM, the RS256 assertion and its inspection, and React rendering. Timed with `performance.now()` and a MutationObserver inside the page, so Playwright's round trips are not counted. " +
      `The credential alone (click → thumbprint) took ${results.sizes.map((size) => `${ms(size.ours.uiCredential)} ms at ${String(size.bits)}`).join(", ")}.`,
    "- **OpenSSL** — the seed's recipe as whole processes, one after another in a fresh folder: `openssl genrsa -out server.pem N`, `openssl req -new -key server.pem -out server.csr -subj /CN=x`, `openssl x509 -req -days 365 -in server.csr -signkey server.pem -out server.crt`, `openssl x509 -noout -fingerprint -sha1 -in server.crt`. Process start-up is part of it, as it is for a user.",
    "- **node-forge** — the same Chromium, a page of its own, `forge.options.usePureJavaScript = true` and synchronous calls (with a callback in a browser, forge hands key generation to WebCrypto, which would measure WebCrypto again). Whole path: key, self-signed certificate and CSR signed with SHA-256, PEM of key, certificate and CSR, SHA-1 thumbprint, and one RS256 signature standing in for the assertion.",
    "",
    "## Page ready",
    "",
    "A fresh browser context per run (empty HTTP cache), from navigation start to the Generate button in the page, enabled and painted (the later of its insertion and the first contentful paint), served by the workbench's own server on loopback:",
    "",
    "| | median / p90 (ms) |",
    "| --- | ---: |",
    `| Navigation → Generate enabled | ${ms(results.pageLoad.ready)} |`,
    ...(results.pageLoad.app ? [`| Navigation → the app has taken over (every control works) | ${ms(results.pageLoad.app)} |`] : []),
    ...(results.pageLoad.baselineReady ? [`| Navigation → Generate enabled, before | ${ms(results.pageLoad.baselineReady)} |`] : []),
    ...(results.pageLoad.baselineApp ? [`| Navigation → the app has taken over, before | ${ms(results.pageLoad.baselineApp)} |`] : []),
    ...(results.pageLoad.floorReady ? [`| Navigation → button enabled, a page of one button (this machine's floor) | ${ms(results.pageLoad.floorReady)} |`] : []),
    ...(results.pageLoad.markupReady ? [`| Navigation → Generate enabled, the first screen's markup alone (no stylesheet, no script) | ${ms(results.pageLoad.markupReady)} |`] : []),
    ...(results.pageLoad.repeatReady ? [`| Navigation → Generate enabled, repeat visit (third load in one context) | ${ms(results.pageLoad.repeatReady)} |`] : []),
    ...(results.pageLoad.floorRepeatReady ? [`| Navigation → button enabled, repeat visit, a page of one button | ${ms(results.pageLoad.floorRepeatReady)} |`] : []),
    ...(results.pageLoad.markupRepeatReady ? [`| Navigation → Generate enabled, repeat visit, the markup alone | ${ms(results.pageLoad.markupRepeatReady)} |`] : []),
    ...(results.pageLoad.baselineRepeatReady ? [`| Navigation → Generate enabled, repeat visit, before | ${ms(results.pageLoad.baselineRepeatReady)} |`] : []),
    `| DOMContentLoaded | ${ms(results.pageLoad.domContentLoaded)} |`,
    `| load | ${ms(results.pageLoad.load)} |`,
    "",
    "## Main-thread responsiveness",
    "",
    `During ${String(results.responsiveness.runs)} RSA ${String(results.responsiveness.bits)} generations through the UI, with a \`PerformanceObserver({ type: "longtask", buffered: true })\` registered before the page's own scripts: ` +
      (results.responsiveness.longestTaskMs > 0
        ? `the longest main-thread task was **${fmt(results.responsiveness.longestTaskMs)} ms** (${String(results.responsiveness.runsWithLongTasks)} of ${String(results.responsiveness.runs)} runs had a task of 50 ms or more), so it is ${results.responsiveness.under50ms ? "**under**" : "**not under**"} the 50 ms goal.`
        : "**no long task** (50 ms or more, the API's threshold) was reported, so the longest task was under 50 ms."),
    `The longest gap between animation frames in those runs was ${fmt(results.responsiveness.longestFrameGapMs)} ms (headless Chromium still runs requestAnimationFrame; a gap is a frame the user would not have seen).`,
    "",
    "| Key size | runs with a long task | longest task (ms) | longest frame gap (ms) |",
    "| --- | ---: | ---: | ---: |",
    ...results.sizes.map((size) => `| RSA ${String(size.bits)} | ${String(size.ours.runsWithLongTasks)} of ${String(size.ours.uiTotal.runs)} | ${size.ours.longestTaskMs > 0 ? fmt(size.ours.longestTaskMs) : "none ≥ 50"} | ${fmt(size.ours.longestFrameGapMs)} |`),
    "",
    ...attribution(results),
    "## Bundle",
    "",
    `Production build (dist/), gzip at zlib's default level. The budget, checked by \`npm run check:bundle\` in \`npm test\`, is ${kb(results.bundle.budgetInitialJsGzipBytes)} gzip of initial JavaScript: ${results.bundle.withinBudget ? "**within budget**" : "**over budget**"}.`,
    "",
    "| | raw | gzip |",
    "| --- | ---: | ---: |",
    `| Initial JS (what index.html loads) | ${kb(results.bundle.initial.jsBytes)} | ${kb(results.bundle.initial.jsGzipBytes)} |`,
    `| Initial CSS | ${kb(results.bundle.initial.cssBytes)} | ${kb(results.bundle.initial.cssGzipBytes)} |`,
    ...(results.bundle.baselineInitial
      ? [
          `| Initial JS, before | ${kb(results.bundle.baselineInitial.jsBytes)} | ${kb(results.bundle.baselineInitial.jsGzipBytes)} |`,
          `| Initial CSS, before | ${kb(results.bundle.baselineInitial.cssBytes)} | ${kb(results.bundle.baselineInitial.cssGzipBytes)} |`,
        ]
      : []),
    `| All JS (incl. lazy chunks) | ${kb(results.bundle.total.jsBytes)} | ${kb(results.bundle.total.jsGzipBytes)} |`,
    `| All CSS | ${kb(results.bundle.total.cssBytes)} | ${kb(results.bundle.total.cssGzipBytes)} |`,
    ...(results.bundle.singleFile ? [`| dist-single/credential-workbench.html (everything inlined) | ${kb(results.bundle.singleFile.bytes)} | ${kb(results.bundle.singleFile.gzipBytes)} |`] : []),
    "",
    "## Token proxy",
    "",
    ...proxySection(results.proxy),
    "",
    "## What the numbers say",
    "",
    ...interpretation(results).map((sentence) => `- ${sentence}`),
    "",
    "## How to reproduce",
    "",
    "```sh",
    "npm ci",
    "npm run build            # bench builds dist/ itself if it is missing",
    "npm run build:single     # optional: adds the single-file size to the bundle table",
    "npm run bench:proxy      # optional: the token proxy's numbers, picked up from bench/proxy-results.json",
    "npm run bench            # roughly 14 minutes on 2 cores (about 22 with a baseline build); writes bench/results.json and BENCHMARKS.md",
    "```",
    "",
    "Environment variables: `BENCH_RUNS` (default 30; runs per key size for our page — key ready and cold —, OpenSSL and page loads), `BENCH_COLD_RUNS` and `BENCH_LOAD_RUNS` (default `BENCH_RUNS`; cold clicks per size and page loads, each in a fresh browser context), `BENCH_PAUSE_MS` (default 2000; the pause before each key-ready click), `BENCH_BASELINE_DIST` (the dist/ folder of an older build: its key-ready and cold clicks, page loads, repeat visits and initial JavaScript are measured too, alternating with ours, and each target gets a verdict against it), `BENCH_BASELINE_LABEL` (what that build is, in words, e.g. the commit and why it is the baseline: the report names \"before\" with it), `BENCH_FORGE_RUNS` (default `5,3,2` for 2048/3072/4096; one number for all sizes), `BENCH_SIZES` (default `2048,3072,4096`), `BENCH_OUT` (a folder to write results.json and BENCHMARKS.md to instead of bench/ and the repository root). " +
      "Chromium is found by e2e/support/chromium.ts (`CHROMIUM_PATH`, then /usr/bin/chromium). The machine should be otherwise idle: RSA key generation is a random search for primes, so single runs vary by several times and the p90 of 4096-bit keys is wide.",
    "",
  ];
  return lines.join("\n");
}

/** What ran in the long animation frames with the most blocking time (Long Animation Frames API). */
function attribution(results: BenchResults): string[] {
  const frames = results.sizes.flatMap((size) => (size.ours.worstFrames ?? []).map((frame) => ({ bits: size.bits, ...frame })));
  if (frames.length === 0) return [];
  frames.sort((a, b) => b.blockingMs - a.blockingMs);
  return [
    "The long animation frames with the most blocking time, with the scripts Chromium attributes them to (source positions are into the minified bundle):",
    "",
    ...frames.slice(0, 5).map((frame) => `- RSA ${String(frame.bits)}: frame ${fmt(frame.durationMs)} ms, blocking ${fmt(frame.blockingMs)} ms — ${frame.scripts.length > 0 ? frame.scripts.join("; ") : "no script attributed (rendering, garbage collection or the machine)"}`),
    "",
  ];
}

function interpretation(results: BenchResults): string[] {
  const sentences: string[] = [];
  for (const size of results.sizes) {
    sentences.push(
      `RSA ${String(size.bits)}: the whole path in the page is ${compare(size.ours.uiTotal, size.openssl.total)} than the OpenSSL recipe and ${compare(size.ours.uiTotal, size.forge?.total)} than node-forge; key generation alone is ${compare(size.ours.keygen, size.openssl.genrsa)} than \`openssl genrsa\` and ${compare(size.ours.keygen, size.forge?.keygen)} than forge's pure-JavaScript key generation.`,
    );
  }
  const smallest = results.sizes[0];
  if (smallest) {
    const rest = smallest.ours.uiTotal.median - smallest.ours.keygen.median;
    sentences.push(
      `Key generation is most of the cost. At ${String(smallest.bits)} bits the median key takes ${fmt(smallest.ours.keygen.median)} ms and the whole path ${fmt(smallest.ours.uiTotal.median)} ms, so certificate, CSR, thumbprints, PEM, assertion and rendering add ` +
        (rest > 0 ? `about ${fmt(rest)} ms.` : "less than the run-to-run spread of key generation.") +
        " At larger sizes the difference between the two medians is within the spread of prime search.",
    );
  }
  const forgeSpreads = results.sizes.flatMap((size) => (size.forge && size.forge.keygen.min > 0 ? [{ bits: size.bits, runs: size.forge.keygen.runs, spread: size.forge.keygen.max / size.forge.keygen.min }] : []));
  if (forgeSpreads.length > 0) {
    sentences.push(
      `node-forge's figures rest on few runs (${forgeSpreads.map((item) => `${String(item.runs)} at ${String(item.bits)}`).join(", ")}) and its prime search varies a lot (slowest ÷ fastest key: ${forgeSpreads.map((item) => `${item.spread.toFixed(0)}× at ${String(item.bits)}`).join(", ")}), so read the forge ratios as an order of magnitude, not a precise factor: pure JavaScript is one to two orders of magnitude slower than WebCrypto here.`,
    );
  }
  sentences.push(
    "OpenSSL's recipe pays for four process start-ups and files on disk, which matters little next to prime search at 3072 and 4096 bits; WebCrypto in Chromium generates keys with BoringSSL, so the key-only ratio mostly compares two native implementations.",
  );
  sentences.push(
    results.responsiveness.under50ms
      ? `The page stays responsive during a ${String(results.responsiveness.bits)}-bit generation: WebCrypto generates the key off the main thread and no task on it reached 50 ms.`
      : `A ${String(results.responsiveness.bits)}-bit generation blocks the main thread for up to ${fmt(results.responsiveness.longestTaskMs)} ms, over the 50 ms goal: the work after key generation (certificate, PEM, assertion) or rendering should move to a Web Worker or be split.`,
  );
  const others = results.sizes.filter((size) => size.bits !== results.responsiveness.bits && size.ours.runsWithLongTasks > 0);
  if (others.length > 0) {
    sentences.push(
      `Elsewhere: ${others.map((size) => `at ${String(size.bits)} bits ${String(size.ours.runsWithLongTasks)} of ${String(size.ours.uiTotal.runs)} runs had a task of ${fmt(size.ours.longestTaskMs)} ms`).join("; ")} (see the attribution above) — rare, at the threshold, and on a shared 2-core machine, but worth watching.`,
    );
  }
  sentences.push(
    `Page ready in ${fmt(results.pageLoad.ready.median)} ms (median) from a local server with an empty cache; the initial JavaScript is ${kb(results.bundle.initial.jsGzipBytes)} gzip, ${results.bundle.withinBudget ? "inside" : "outside"} the ${kb(results.bundle.budgetInitialJsGzipBytes)} budget.`,
  );
  return sentences;
}
