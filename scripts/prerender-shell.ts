/**
 * The page's first screen, rendered at build time, so Generate is usable soon after navigation. index.html
 * ships the journey's first screen as HTML inside #root, the very markup the app's first render makes
 * (scripts/render-first-screen.ts renders the app's own components), so the page is readable and the
 * Generate form usable as soon as the HTML and stylesheet have arrived, not after React has loaded.
 *
 * In that markup only the Generate form is live (its values and a submit are carried into the app:
 * src/shell/boot.ts, src/shell/take-over.ts); every other control is disabled until the app replaces
 * the markup, so nothing typed there can be lost. The boot script is a file of its own in dist/ (the
 * served CSP allows no inline script) and inline in the single-file build (whose CSP lists it by hash).
 */
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import type { Plugin } from "vite";
import { GENERATE_BUTTON_LABELS } from "../src/features/generate/labels.ts";
import { bootPrerenderedShell } from "../src/shell/boot.ts";
import { SHELL_MARKERS } from "../src/shell/markers.ts";
import { IMPORT_DEEP_LINK } from "../src/shell/deep-links.ts";
import { tabTestId } from "../src/ui/tab-test-id.ts";
import { THEME_STORAGE_KEY } from "../src/ui/theme-storage.ts";

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

/** The boot script as shipped: the function's own source, called with the names it needs. */
export function bootScriptSource(): string {
  const source = `(${String(bootPrerenderedShell)})(document, ${JSON.stringify(THEME_STORAGE_KEY)}, ${JSON.stringify(SHELL_MARKERS)}, ${JSON.stringify(GENERATE_BUTTON_LABELS.running)}, ${JSON.stringify({ hash: IMPORT_DEEP_LINK.hash, tabTestId: tabTestId(IMPORT_DEEP_LINK.tab) })});\n`;
  assertRunsAlone(source);
  return source;
}

/**
 * Runs the text once against a stand-in document: were the bundler that loads this file to wrap the
 * function with a helper from outside it (a name-keeping `__name`, say), the build stops here rather
 * than ship a boot script that throws in the page.
 */
export function assertRunsAlone(source: string): void {
  const standIn = { defaultView: undefined, documentElement: { setAttribute: () => undefined }, addEventListener: () => undefined };
  try {
    // The boot script's own text, made at build time from our source: not input from anywhere else.
    new Function("document", source)(standIn);
  } catch (error) {
    throw new Error(`The first screen's boot script (src/shell/boot.ts) does not run on its own as shipped: ${String(error)}`);
  }
}

const CONTROL_TAG = /<(button|input|select|textarea)\b([^>]*)>/g;

/**
 * Disables every form control outside the Generate form. React's server output escapes `<`, `>` and
 * quotes inside attribute values, so a tag ends at its first `>`. Throws unless there is exactly one
 * form and it holds the Generate button: the shell is only worth shipping if Generate works in it.
 */
export function disableControlsOutsideGenerateForm(markup: string): string {
  const formStart = markup.indexOf("<form");
  const formEnd = markup.indexOf("</form>");
  if (formStart < 0 || formEnd < formStart || markup.indexOf("<form", formStart + 1) >= 0) {
    throw new Error("The first screen must hold exactly one <form> (Generate's); check src/features/generate/generate-panel.tsx.");
  }
  if (!markup.slice(formStart, formEnd).includes('data-testid="generate"')) {
    throw new Error('The first screen\'s form has no data-testid="generate" button; the prerendered page would have no working Generate.');
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
  const boot = bootScriptSource();
  return {
    name: "credential-workbench:prerender-shell",
    apply: "build",
    configResolved(config) {
      base = config.base;
      // The single-file build (vite.single.config.ts) inlines everything; its CSP then lists the boot script by hash.
      inline = config.plugins.some((plugin) => plugin.name === "vite:singlefile");
    },
    buildStart() {
      if (inline) return;
      bootFileName = `assets/shell-boot-${createHash("sha256").update(boot).digest("hex").slice(0, 8)}.js`;
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
