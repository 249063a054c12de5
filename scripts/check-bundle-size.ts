/**
 * `npm run check:bundle`: gzip sizes of what dist/index.html loads at first (module scripts,
 * modulepreloads, stylesheets) and of everything else in dist/, and a failing exit when the
 * initial JavaScript is over budget. `npm test` runs it right after the build.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { extname, join, relative, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";

/**
 * A light first load: fail if the JavaScript index.html loads at start grows past 110 KB gzip, which the
 * first screen fits in on a slow connection.
 * The first screen needs React, the store and the Generate/Import/Certificate panels; X.509, ASN.1,
 * jose, PKCS#12 and the optional panels load on demand or after first paint.
 */
export const INITIAL_JS_BUDGET_GZIP_BYTES = 110 * 1024;

export type AssetKind = "js" | "css";

export interface AssetSize {
  /** Path relative to the dist folder, e.g. assets/index-abc.js */
  file: string;
  kind: AssetKind;
  /** How index.html refers to it: script, modulepreload, stylesheet, or lazy (not referenced by index.html). */
  loadedAs: "script" | "modulepreload" | "stylesheet" | "lazy";
  bytes: number;
  gzipBytes: number;
}

export interface BundleReport {
  distDir: string;
  assets: AssetSize[];
  initial: { jsBytes: number; jsGzipBytes: number; cssBytes: number; cssGzipBytes: number };
  total: { jsBytes: number; jsGzipBytes: number; cssBytes: number; cssGzipBytes: number };
  budget: { initialJsGzipBytes: number; withinBudget: boolean };
}

/** gzip at zlib's default level (6), what most servers and CDNs send. */
export function gzipSize(data: Uint8Array): number {
  return gzipSync(data).byteLength;
}

interface InitialReference {
  href: string;
  loadedAs: "script" | "modulepreload" | "stylesheet";
}

function attribute(tag: string, name: string): string | undefined {
  const match = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, "i").exec(tag);
  return match ? (match[1] ?? match[2] ?? match[3]) : undefined;
}

/** The external scripts, module preloads and stylesheets an HTML page loads before anything else runs. */
export function findInitialReferences(html: string): InitialReference[] {
  const references: InitialReference[] = [];
  for (const [tag] of html.matchAll(/<script\b[^>]*>/gi)) {
    const src = attribute(tag, "src");
    if (src) references.push({ href: src, loadedAs: "script" });
  }
  for (const [tag] of html.matchAll(/<link\b[^>]*>/gi)) {
    const rel = (attribute(tag, "rel") ?? "").toLowerCase().split(/\s+/);
    const href = attribute(tag, "href");
    if (!href || href.startsWith("data:")) continue;
    if (rel.includes("modulepreload")) references.push({ href, loadedAs: "modulepreload" });
    else if (rel.includes("stylesheet")) references.push({ href, loadedAs: "stylesheet" });
  }
  return references;
}

function listFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? listFiles(path) : [path];
  });
}

function kindOf(path: string): AssetKind | undefined {
  const extension = extname(path).toLowerCase();
  if (extension === ".js" || extension === ".mjs") return "js";
  if (extension === ".css") return "css";
  return undefined;
}

/** Measures a built dist/ folder. Throws when index.html is missing or refers to a file that is not there. */
export function measureBundle(distDir: string): BundleReport {
  const root = resolve(distDir);
  const indexPath = join(root, "index.html");
  if (!existsSync(indexPath)) throw new Error(`${indexPath} is missing: run \`npm run build\` first.`);
  const html = readFileSync(indexPath, "utf8");

  const initialByFile = new Map<string, InitialReference["loadedAs"]>();
  for (const reference of findInitialReferences(html)) {
    if (/^[a-z][a-z0-9+.-]*:/i.test(reference.href)) throw new Error(`index.html loads ${reference.href} from elsewhere; the build should be self-hosted.`);
    const file = relative(root, join(root, reference.href.split(/[?#]/)[0] ?? ""));
    if (!existsSync(join(root, file))) throw new Error(`index.html refers to ${reference.href}, which is not in ${root}.`);
    if (!initialByFile.has(file)) initialByFile.set(file, reference.loadedAs);
  }

  const assets: AssetSize[] = [];
  for (const path of listFiles(root)) {
    const kind = kindOf(path);
    if (!kind) continue;
    const file = relative(root, path);
    const data = readFileSync(path);
    assets.push({ file, kind, loadedAs: initialByFile.get(file) ?? "lazy", bytes: data.byteLength, gzipBytes: gzipSize(data) });
  }
  assets.sort((a, b) => a.file.localeCompare(b.file));

  const sum = (items: AssetSize[], kind: AssetKind, key: "bytes" | "gzipBytes") => items.filter((item) => item.kind === kind).reduce((total, item) => total + item[key], 0);
  const initialAssets = assets.filter((asset) => asset.loadedAs !== "lazy");
  const initial = {
    jsBytes: sum(initialAssets, "js", "bytes"),
    jsGzipBytes: sum(initialAssets, "js", "gzipBytes"),
    cssBytes: sum(initialAssets, "css", "bytes"),
    cssGzipBytes: sum(initialAssets, "css", "gzipBytes"),
  };
  const total = { jsBytes: sum(assets, "js", "bytes"), jsGzipBytes: sum(assets, "js", "gzipBytes"), cssBytes: sum(assets, "css", "bytes"), cssGzipBytes: sum(assets, "css", "gzipBytes") };
  return {
    distDir: root,
    assets,
    initial,
    total,
    budget: { initialJsGzipBytes: INITIAL_JS_BUDGET_GZIP_BYTES, withinBudget: initial.jsGzipBytes <= INITIAL_JS_BUDGET_GZIP_BYTES },
  };
}

export function formatKilobytes(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

export function formatBundleReport(report: BundleReport): string {
  const lines = [`Bundle in ${report.distDir} (gzip, zlib default level):`];
  const width = Math.max(...report.assets.map((asset) => asset.file.length), 4);
  for (const asset of report.assets) {
    lines.push(`  ${asset.file.padEnd(width)}  ${asset.loadedAs.padEnd(13)} ${formatKilobytes(asset.bytes).padStart(10)}  gzip ${formatKilobytes(asset.gzipBytes).padStart(9)}`);
  }
  const { initial, total, budget } = report;
  lines.push(`  initial JS  ${formatKilobytes(initial.jsBytes)}, gzip ${formatKilobytes(initial.jsGzipBytes)} (budget ${formatKilobytes(budget.initialJsGzipBytes)})`);
  lines.push(`  initial CSS ${formatKilobytes(initial.cssBytes)}, gzip ${formatKilobytes(initial.cssGzipBytes)}`);
  lines.push(`  all JS      ${formatKilobytes(total.jsBytes)}, gzip ${formatKilobytes(total.jsGzipBytes)}; all CSS ${formatKilobytes(total.cssBytes)}, gzip ${formatKilobytes(total.cssGzipBytes)}`);
  return lines.join("\n");
}

function main(): void {
  const distDir = process.argv[2] ?? fileURLToPath(new URL("../dist", import.meta.url));
  const report = measureBundle(distDir);
  console.log(formatBundleReport(report));
  if (!report.budget.withinBudget) {
    const over = report.initial.jsGzipBytes - report.budget.initialJsGzipBytes;
    console.error(
      `\nBundle budget exceeded: the JavaScript index.html loads at start is ${String(report.initial.jsGzipBytes)} bytes gzip, ` +
        `${String(over)} bytes over the ${String(report.budget.initialJsGzipBytes)}-byte budget for the first load. ` +
        "Load rarely used code with import() so it becomes a lazy chunk, or drop a dependency.",
    );
    process.exitCode = 1;
    return;
  }
  console.log("Within budget.");
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    main();
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 1;
  }
}
