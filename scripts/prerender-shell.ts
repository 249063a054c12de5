/**
 * The page's first screen, rendered at build time, so Generate is usable soon after navigation. index.html
 * ships the journey's first screen as HTML inside #root, the very markup the app's first render makes
 * (scripts/render-first-screen.ts renders the app's own components), so the page is readable and the
 * Generate form usable as soon as the HTML and stylesheet have arrived, not after React has loaded.
 *
 * In that markup only the Generate form is live (its values and a submit are carried into the app:
 * src/first-screen/boot.ts, src/first-screen/take-over.ts); every other control is disabled until the app replaces
 * the markup, so nothing typed there can be lost. The boot script is a file of its own in dist/ (the
 * served CSP allows no inline script) and inline in the single-file build (whose CSP lists it by hash).
 */
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { build, type Plugin } from "vite";
import { SHELL_MARKERS } from "../src/first-screen/markers.ts";

/** The boot script's entry file. */
export const BOOT_ENTRY = "src/first-screen/boot.ts";

// From the string, not a URL object: this module also runs in the jsdom test environment, whose URL Node rejects.
const projectRoot = dirname(dirname(fileURLToPath(import.meta.url)));

/** The first screen's markup, from a Node process of its own running the app's components. */
export function renderFirstScreen(): string {
  return execFileSync(process.execPath, ["--import", "tsx", "scripts/render-first-screen.ts"], {
    cwd: projectRoot,
    encoding: "utf8",
    env: { ...process.env, NODE_ENV: "production", TSX_TSCONFIG_PATH: "tsconfig.app.json" },
    maxBuffer: 16 * 1024 * 1024,
  });
}

/**
 * The boot script as shipped: src/first-screen/boot.ts and the few constants it imports, bundled into
 * one classic script (an IIFE: it runs in <head> before <body> is parsed, where a module script would
 * wait for the parser), minified. A build of its own, so nothing of the app's bundle can end up in it.
 */
export async function buildBootScript(): Promise<string> {
  const result = await build({
    configFile: false,
    logLevel: "warn",
    root: projectRoot,
    publicDir: false,
    resolve: { alias: { "@": join(projectRoot, "src") } },
    build: {
      write: false,
      minify: true,
      copyPublicDir: false,
      reportCompressedSize: false,
      lib: { entry: join(projectRoot, BOOT_ENTRY), formats: ["iife"], name: "firstScreenBoot", fileName: () => "boot.js" },
    },
  });
  const outputs = Array.isArray(result) ? result : [result];
  const chunks = outputs.flatMap((output) => ("output" in output ? output.output : [])).filter((item) => item.type === "chunk");
  if (chunks.length !== 1 || !chunks[0]) throw new Error(`The first screen's boot script (${BOOT_ENTRY}) must build into one script; got ${String(chunks.length)}.`);
  return chunks[0].code;
}

const CONTROL_TAG = /<(button|input|select|textarea)\b([^>]*)>/g;

/**
 * Disables every form control outside the Generate form. React's server output escapes `<`, `>` and
 * quotes inside attribute values, so a tag ends at its first `>`. Throws unless there is exactly one
 * form and it holds a submit button (Generate): the shell is only worth shipping if Generate works in it.
 */
export function disableControlsOutsideGenerateForm(markup: string): string {
  const formStart = markup.indexOf("<form");
  const formEnd = markup.indexOf("</form>");
  if (formStart < 0 || formEnd < formStart || markup.indexOf("<form", formStart + 1) >= 0) {
    throw new Error("The first screen must hold exactly one <form> (Generate's); check src/features/generate/generate-panel.tsx.");
  }
  // By its type, not a test hook: the boot script keeps a submit, whatever the markup's test ids.
  if (!/<button\b[^>]*\stype="submit"/.test(markup.slice(formStart, formEnd))) {
    throw new Error("The first screen's form has no submit button; the prerendered page would have no working Generate.");
  }
  return markup.replace(CONTROL_TAG, (tag: string, name: string, attributes: string, offset: number) => {
    if ((offset > formStart && offset < formEnd) || /\sdisabled(?:[\s=>]|$)/.test(attributes)) return tag;
    return `<${name} disabled=""${attributes}>`;
  });
}

/** Puts the markup into index.html's empty #root, marked as prerendered. */
export function insertIntoRoot(html: string, markup: string): string {
  const emptyRoot = '<div id="root"></div>';
  if (html.split(emptyRoot).length !== 2) throw new Error(`index.html must contain ${emptyRoot} exactly once.`);
  return html.replace(emptyRoot, () => `<div id="root" ${SHELL_MARKERS.shell}="">${markup}</div>`);
}

const STYLESHEET_LINK = /[ \t]*<link\b[^>]*\srel="stylesheet"[^>]*>\n?/g;

/**
 * Puts the stylesheet first in <head>, then the boot script, then what was there (the app's module
 * script and its preloads). The stylesheet holds back the first paint, so it is asked for before
 * anything else: placed last, as Vite injects it, its request waited behind the boot script and ten
 * script requests, and a fresh load painted 60–100 ms later on 2 cores (a trace and two alternating
 * 16-run comparisons against the old order, 2026-12-02).
 * The boot script (a classic script) comes next: it runs only once the stylesheet is in (HTML,
 * "script-blocking style sheet") and before <body> is parsed, so the stored theme is set before there
 * is any content to draw.
 */
export function headInLoadOrder(html: string, bootTag: string): string {
  const headEnd = html.indexOf("</head>");
  if (headEnd < 0) throw new Error("index.html has no </head>; the stylesheet and boot script have nowhere to go.");
  const head = html.slice(0, headEnd);
  const stylesheets = head.match(STYLESHEET_LINK) ?? [];
  if (stylesheets.length === 0) throw new Error("index.html has no stylesheet <link> in <head> to put first; the first screen would be drawn unstyled.");
  const headWithout = head.replace(STYLESHEET_LINK, "");
  if (headWithout.split("</title>").length !== 2) throw new Error("index.html must have exactly one <title> in <head>.");
  return headWithout.replace("</title>", () => `</title>\n    ${[...stylesheets.map((tag) => tag.trim()), bootTag].join("\n    ")}`) + html.slice(headEnd);
}

/** Vite plugin: the prerendered first screen and its boot script, in both builds. */
export function prerenderShellPlugin(): Plugin {
  let inline = false;
  let base = "/";
  let bootFileName = "";
  let boot = "";
  return {
    name: "credential-workbench:prerender-shell",
    apply: "build",
    configResolved(config) {
      base = config.base;
      // The single-file build (vite.single.config.ts) inlines everything; its CSP then lists the boot script by hash.
      inline = config.plugins.some((plugin) => plugin.name === "vite:singlefile");
    },
    async buildStart() {
      boot = await buildBootScript();
      if (inline) return;
      bootFileName = `assets/first-screen-boot-${createHash("sha256").update(boot).digest("hex").slice(0, 8)}.js`;
      this.emitFile({ type: "asset", fileName: bootFileName, source: boot });
    },
    transformIndexHtml: {
      order: "post",
      handler(html) {
        const withShell = insertIntoRoot(html, disableControlsOutsideGenerateForm(renderFirstScreen()));
        const bootTag = inline ? `<script>${boot}</script>` : `<script src="${base}${bootFileName}"></script>`;
        return headInLoadOrder(withShell, bootTag);
      },
    },
  };
}
