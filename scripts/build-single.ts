/**
 * Pieces of `npm run build:single` (vite.single.config.ts): once vite-plugin-singlefile has inlined
 * the app's script and stylesheet into the HTML, the meta Content-Security-Policy is rewritten to
 * allow exactly those inline blocks by hash, so the page opened from disk runs under a policy as
 * strict as the served one (no 'unsafe-inline'), and the network is closed (`connect-src 'none'`).
 */
import { createHash } from "node:crypto";
import type { Plugin } from "vite";

/** The one file `npm run build:single` writes, in dist-single/. */
export const SINGLE_FILE_NAME = "credential-workbench.html";

export interface InlineBlocks {
  scripts: string[];
  styles: string[];
}

/** Text of every inline `<script>` (no src) and `<style>` element, exactly as the browser hashes it. */
export function findInlineBlocks(html: string): InlineBlocks {
  const scripts: string[] = [];
  for (const match of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)) {
    const [, attributes = "", text = ""] = match;
    if (!/\ssrc\s*=/i.test(attributes)) scripts.push(text);
  }
  const styles = [...html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style\s*>/gi)].map((match) => match[1] ?? "");
  return { scripts, styles };
}

/** A CSP hash source (CSP3 §8.4 "hash-source"): 'sha256-' + base64 of SHA-256 over the UTF-8 text. */
export function cspHashSource(text: string): string {
  return `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;
}

/**
 * Replaces `script-src` and `style-src` with the hashes of the inline blocks, closes `connect-src`, and allows
 * workers only from blob: URLs (the inlined worker).
 * A page opened from disk has no server behind it, so it has nothing to connect to; the rest
 * of the policy (default-src 'none', base-uri, form-action, …) stays as index.html has it.
 */
export function rewritePolicy(policy: string, blocks: InlineBlocks): string {
  const scriptSources = [...new Set(blocks.scripts.map(cspHashSource))];
  const styleSources = [...new Set(blocks.styles.map(cspHashSource))];
  const replacements = new Map<string, string>([
    ["script-src", scriptSources.length > 0 ? `script-src ${scriptSources.join(" ")}` : "script-src 'none'"],
    ["style-src", styleSources.length > 0 ? `style-src ${styleSources.join(" ")}` : "style-src 'none'"],
    ["connect-src", "connect-src 'none'"],
    // The worker's code is inlined in the page and started from a blob: URL (vite's ?worker&inline).
    ["worker-src", "worker-src blob:"],
  ]);
  const directives = policy
    .split(";")
    .map((directive) => directive.trim())
    .filter((directive) => directive !== "");
  const seen = new Set<string>();
  const rewritten = directives.map((directive) => {
    const name = directive.split(/\s+/)[0]?.toLowerCase() ?? "";
    seen.add(name);
    return replacements.get(name) ?? directive;
  });
  for (const [name, directive] of replacements) if (!seen.has(name)) rewritten.push(directive);
  return rewritten.join("; ");
}

/** Rewrites the page's `<meta http-equiv="Content-Security-Policy">`; throws if there is none (the single file must not go out without one). */
export function applyInlineHashesToCsp(html: string, blocks: InlineBlocks = findInlineBlocks(html)): string {
  let found = false;
  const rewritten = html.replace(/<meta\b[^>]*>/gi, (tag) => {
    if (!/http-equiv\s*=\s*["']?content-security-policy["']?/i.test(tag)) return tag;
    found = true;
    return tag.replace(/(\bcontent\s*=\s*)(?:"([^"]*)"|'([^']*)')/i, (_match, prefix: string, double?: string, single?: string) => {
      const policy = rewritePolicy(double ?? single ?? "", blocks);
      return `${prefix}"${policy.replaceAll('"', "&quot;")}"`;
    });
  });
  if (!found) throw new Error("index.html has no Content-Security-Policy meta tag; the single-file build keeps the page's policy and needs one to rewrite.");
  return rewritten;
}

/**
 * Vite plugin, placed after vite-plugin-singlefile: hashes the inlined blocks into the meta CSP,
 * renames index.html to credential-workbench.html, and fails the build if anything was left
 * outside the HTML (a file that would not be there when the page is opened from disk).
 */
export function singleFileCspPlugin(): Plugin {
  return {
    name: "credential-workbench:single-file-csp",
    apply: "build",
    enforce: "post",
    // Marks the policy as hash-based before vite-plugin-singlefile looks at it (it warns about a policy
    // that would block what it inlines); the real hashes replace the marks once the bundle is final.
    transformIndexHtml: {
      order: "pre",
      handler: (html) => applyInlineHashesToCsp(html, { scripts: ["pending"], styles: ["pending"] }),
    },
    generateBundle: {
      order: "post",
      handler(_options, bundle) {
        const htmlNames = Object.keys(bundle).filter((name) => name.endsWith(".html"));
        const others = Object.keys(bundle).filter((name) => !name.endsWith(".html"));
        if (htmlNames.length !== 1 || htmlNames[0] !== "index.html") this.error(`Expected exactly index.html in the single-file build, found: ${htmlNames.join(", ") || "none"}.`);
        if (others.length > 0) {
          this.error(`The single-file build left ${others.join(", ")} outside the HTML; opened from disk, the page would not find it. Inline it (e.g. a worker with ?worker&inline) or drop it.`);
        }
        const page = bundle["index.html"];
        if (!page || page.type !== "asset") return this.error("index.html is missing from the bundle.");
        const html = typeof page.source === "string" ? page.source : new TextDecoder().decode(page.source);
        const blocks = findInlineBlocks(html);
        if (blocks.scripts.length === 0) this.error("No inline script in the single-file HTML: vite-plugin-singlefile did not inline the app.");
        delete bundle["index.html"];
        this.emitFile({ type: "asset", fileName: SINGLE_FILE_NAME, source: applyInlineHashesToCsp(html) });
      },
    },
  };
}
