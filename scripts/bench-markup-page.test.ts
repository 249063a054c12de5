// @vitest-environment jsdom
import { describe, expect, it } from "vitest";
import { markupOnlyPage } from "./bench-markup-page";

// Shaped like the built index.html (scripts/prerender-shell.ts): a classic boot script, the entry
// module, modulepreloads, a stylesheet, and the prerendered first screen with its enabled Generate.
const BUILT_PAGE = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="UTF-8" />
    <title>Credential Workbench</title>
    <script src="/assets/first-screen-boot-1.js"></script>
    <script type="module" crossorigin src="/assets/index-1.js"></script>
    <link rel="modulepreload" crossorigin href="/assets/jsx-runtime-1.js">
    <link rel="stylesheet" crossorigin href="/assets/index-1.css">
    <link rel="icon" href="data:," />
    <script>if ("</scr" + "ipt>") {}</script>
  </head>
  <body>
    <div id="root" data-prerendered=""><form><input data-testid="subject-commonName" value="cn"/><button type="submit" data-testid="generate">Generate key and certificate</button></form><button disabled="" data-testid="tab-existing">Use existing</button></div>
  </body>
</html>`;

describe("markupOnlyPage", () => {
  // Read back by a real HTML parser (jsdom's DOMParser), not by the string code under test.
  const original = new DOMParser().parseFromString(BUILT_PAGE, "text/html");
  const stripped = new DOMParser().parseFromString(markupOnlyPage(BUILT_PAGE), "text/html");

  it("takes out every script, stylesheet and module preload", () => {
    expect(original.querySelectorAll("script")).toHaveLength(3);
    expect(stripped.querySelectorAll("script")).toHaveLength(0);
    expect(stripped.querySelectorAll('link[rel="stylesheet"], link[rel="modulepreload"]')).toHaveLength(0);
  });

  it("keeps the first screen exactly, with Generate enabled, and the rest of <head>", () => {
    expect(stripped.getElementById("root")?.outerHTML).toBe(original.getElementById("root")?.outerHTML);
    const generate = stripped.querySelector('[data-testid="generate"]');
    expect(generate?.tagName).toBe("BUTTON");
    expect((generate as HTMLButtonElement).disabled).toBe(false);
    expect(stripped.title).toBe("Credential Workbench");
    expect(stripped.querySelector('link[rel="icon"]')).not.toBeNull();
  });
});
