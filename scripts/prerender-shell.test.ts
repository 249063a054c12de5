// @vitest-environment jsdom
import { JSDOM } from "jsdom";
import { beforeAll, describe, expect, it } from "vitest";
import { buildBootScript, disableControlsOutsideGenerateForm, headInLoadOrder, insertIntoRoot, renderFirstScreen } from "./prerender-shell";

const CONTROLS = "button, input, select, textarea";

/** Markup read back by a real HTML parser (jsdom's DOMParser), not by the string code under test. */
function parse(markup: string): Document {
  return new DOMParser().parseFromString(`<!doctype html><body>${markup}</body>`, "text/html");
}

describe("disableControlsOutsideGenerateForm", () => {
  it("disables the controls outside the Generate form and leaves the form's alone", () => {
    const markup =
      '<nav><button type="button">Tab</button></nav>' +
      '<form><input value="a&gt;b"/><select><option>1</option></select><textarea>x</textarea><button type="submit" data-testid="generate">Go</button></form>' +
      '<input data-testid="tenant" value="&quot;quoted&gt;"/><select data-testid="cloud"></select><textarea></textarea><button disabled="">Already</button>';
    const document = parse(disableControlsOutsideGenerateForm(markup));
    const form = document.querySelector("form");
    for (const control of Array.from(document.querySelectorAll<HTMLButtonElement>(CONTROLS))) {
      expect(control.disabled, control.outerHTML).toBe(!form?.contains(control));
    }
    // Attribute values survive untouched.
    expect(document.querySelector<HTMLInputElement>('[data-testid="tenant"]')?.value).toBe('"quoted>');
    expect(document.querySelector<HTMLInputElement>("form input")?.value).toBe("a>b");
  });

  it("refuses markup without exactly one form holding Generate", () => {
    expect(() => disableControlsOutsideGenerateForm("<div><button>x</button></div>")).toThrow(/exactly one <form>/);
    expect(() => disableControlsOutsideGenerateForm("<form></form><form></form>")).toThrow(/exactly one <form>/);
    expect(() => disableControlsOutsideGenerateForm('<form><button type="button">x</button></form>')).toThrow(/no submit button/);
    expect(() => disableControlsOutsideGenerateForm('<form><button type="submit">Generate</button></form>')).not.toThrow();
  });
});

describe("insertIntoRoot", () => {
  it("fills the empty #root once and marks it", () => {
    const html = insertIntoRoot('<body><div id="root"></div></body>', "<p>$& $1</p>");
    const root = parse(html).getElementById("root");
    expect(root?.hasAttribute("data-prerendered")).toBe(true);
    expect(root?.innerHTML).toBe("<p>$&amp; $1</p>");
    expect(() => insertIntoRoot("<body></body>", "<p></p>")).toThrow(/#root|id="root"/);
  });
});

describe("headInLoadOrder", () => {
  // As Vite emits it: the entry module and its preloads, then the stylesheet last in <head>.
  const emitted = [
    "<!doctype html><html><head><meta charset=\"UTF-8\" /><title>Workbench</title>",
    '    <script type="module" crossorigin src="/assets/index-1.js"></script>',
    '    <link rel="modulepreload" crossorigin href="/assets/jsx-1.js">',
    '    <link rel="stylesheet" crossorigin href="/assets/index-1.css">',
    '  </head><body><link rel="stylesheet" href="/not-in-head.css"><div id="root"></div></body></html>',
  ].join("\n");

  it("asks for the stylesheet first, then runs the boot script, then loads the app", () => {
    const head = new DOMParser().parseFromString(headInLoadOrder(emitted, '<script src="/assets/first-screen-boot-1.js"></script>'), "text/html").head;
    const order = Array.from(head.querySelectorAll("link, script"), (element) => element.getAttribute("href") ?? element.getAttribute("src"));
    expect(order).toEqual(["/assets/index-1.css", "/assets/first-screen-boot-1.js", "/assets/index-1.js", "/assets/jsx-1.js"]);
    expect(head.querySelector("title")?.textContent).toBe("Workbench");
  });

  it("keeps every stylesheet in its order, whatever the attributes' order, and an inline boot script's text as is", () => {
    const page = '<html><head><title>x</title><link href="/a.css" rel="stylesheet"><link data-rel="stylesheet" href="/not-a-stylesheet"><link rel="stylesheet" href="/b.css"></head><body></body></html>';
    const head = new DOMParser().parseFromString(headInLoadOrder(page, '<script>document.title = "$& $1";</script>'), "text/html").head;
    expect(Array.from(head.children, (element) => element.getAttribute("href") ?? element.textContent)).toEqual(["x", "/a.css", "/b.css", 'document.title = "$& $1";', "/not-a-stylesheet"]);
  });

  it("leaves <body> alone and refuses a page it cannot place the tags in", () => {
    const body = new DOMParser().parseFromString(headInLoadOrder(emitted, "<script></script>"), "text/html").body;
    expect(body.querySelector('link[rel="stylesheet"]')?.getAttribute("href")).toBe("/not-in-head.css");
    expect(() => headInLoadOrder("<html><head><title>x</title></head><body></body></html>", "<script></script>")).toThrow(/no stylesheet/);
    expect(() => headInLoadOrder('<html><link rel="stylesheet" href="/a.css"><title>x</title><body>', "<script></script>")).toThrow(/no <\/head>/);
    // A <title> in the body (an SVG's, say) is not the page's: only <head> is looked at.
    const svgTitle = '<html><head><title>x</title><link rel="stylesheet" href="/a.css"></head><body><svg><title>icon</title></svg></body></html>';
    expect(new DOMParser().parseFromString(headInLoadOrder(svgTitle, "<script></script>"), "text/html").querySelector("svg title")?.textContent).toBe("icon");
    expect(() => headInLoadOrder('<html><head><link rel="stylesheet" href="/a.css"></head><body></body></html>', "<script></script>")).toThrow(/exactly one <title>/);
  });
});

describe("renderFirstScreen (the app's own components, rendered in Node)", () => {
  it("is the journey's first screen with a working Generate form and every other control disabled", () => {
    const document = parse(disableControlsOutsideGenerateForm(renderFirstScreen()));
    expect(document.querySelector("h1")?.textContent).toBe("Credential Workbench");
    for (const id of ["step-create", "step-save", "step-code", "troubleshoot"]) expect(document.querySelector(`[data-testid="${id}"]`), id).not.toBeNull();
    const generate = document.querySelector<HTMLButtonElement>('[data-testid="generate"]');
    expect(generate?.disabled).toBe(false);
    expect(generate?.type).toBe("submit");
    expect(document.querySelector<HTMLInputElement>('[data-testid="subject-commonName"]')?.disabled).toBe(false);
    expect(document.querySelector<HTMLSelectElement>('[data-testid="key-size"]')?.value).toBe("2048");
    for (const id of ["tenant-input", "client-id-input", "theme-select", "tab-existing"]) {
      expect(document.querySelector<HTMLInputElement>(`[data-testid="${id}"]`)?.disabled, id).toBe(true);
    }
    // No optional panel in the first render (they render after it, as in the page).
    expect(document.querySelector('[data-testid="send-token-request"], [data-testid="auth-method"]')).toBeNull();
  }, 30_000);
});

describe("the boot script as shipped (built from src/first-screen/boot.ts, run by a real HTML parser)", () => {
  let boot = "";
  beforeAll(async () => {
    boot = await buildBootScript();
  }, 60_000);

  // As src/ui/tabs.tsx renders step 1's tabs (element ids from React's useId), "Create new" selected.
  const STEP_ONE_TABS =
    '<div role="tablist"><button role="tab" id="_R_1_-tab-create" aria-selected="true" aria-controls="_R_1_-panel-create" tabindex="0" data-testid="tab-create">Create new</button>' +
    '<button role="tab" id="_R_1_-tab-existing" aria-selected="false" aria-controls="_R_1_-panel-existing" tabindex="-1" data-testid="tab-existing">Use existing</button></div>' +
    '<div role="tabpanel" id="_R_1_-panel-create"><form></form></div><div role="tabpanel" id="_R_1_-panel-existing" hidden="">Loading the import form…</div>';

  /**
   * A page shaped like the built index.html: the script inline in <head>, so it runs before the parser
   * has reached <body>, then the prerendered root and another form. Each page is a window of its own.
   */
  function pageWithBoot(options: { body?: string; theme?: string; hash?: string } = {}): Document {
    const body = options.body ?? '<div id="root" data-prerendered=""><form><button type="submit">Generate key and certificate</button></form></div><form id="other"></form>';
    const { window } = new JSDOM(`<!doctype html><html><head><title>x</title><script>${boot}</script></head><body>${body}</body></html>`, {
      url: `https://workbench.example/${options.hash ?? ""}`,
      runScripts: "dangerously",
      beforeParse(page) {
        if (options.theme) page.localStorage.setItem("credential-workbench.theme", options.theme);
      },
    });
    return window.document;
  }

  it("is one classic script that needs nothing from outside its text", () => {
    expect(boot).not.toMatch(/^\s*(import|export)\b|\bimport\(/m);
    const document = pageWithBoot();
    expect(document.querySelector("form")).not.toBeNull();
  });

  it("applies a stored theme before the app loads, and only a valid one", () => {
    expect(pageWithBoot({ theme: "dark" }).documentElement.getAttribute("data-theme")).toBe("dark");
    expect(pageWithBoot({ theme: "light" }).documentElement.getAttribute("data-theme")).toBe("light");
    expect(pageWithBoot({ theme: "<script>" }).documentElement.hasAttribute("data-theme")).toBe(false);
    expect(pageWithBoot().documentElement.hasAttribute("data-theme")).toBe(false);
  });

  it("keeps a Generate submitted in the prerendered form for the app, and leaves other forms alone", () => {
    const page = pageWithBoot();
    const [shellForm, otherForm] = Array.from(page.querySelectorAll("form"));
    const view = page.defaultView;
    if (!view) throw new Error("no window");
    const shellSubmit = new view.Event("submit", { bubbles: true, cancelable: true });
    shellForm?.dispatchEvent(shellSubmit);
    expect(shellSubmit.defaultPrevented).toBe(true);
    expect(shellForm?.hasAttribute("data-submitted-early")).toBe(true);
    expect(shellForm?.querySelector("button")?.textContent).toBe("Generating…");
    expect(shellForm?.querySelector("button")?.getAttribute("aria-disabled")).toBe("true");
    const otherSubmit = new view.Event("submit", { bubbles: true, cancelable: true });
    otherForm?.dispatchEvent(otherSubmit);
    expect(otherSubmit.defaultPrevented).toBe(false);
  });

  const selection = (page: Document) =>
    Array.from(page.querySelectorAll('[role="tab"]'), (tab) => ({
      tab: tab.textContent,
      selected: tab.getAttribute("aria-selected"),
      tabindex: tab.getAttribute("tabindex"),
      panelHidden: page.getElementById(tab.getAttribute("aria-controls") ?? "")?.hasAttribute("hidden"),
    }));
  const EXISTING_SELECTED = [
    { tab: "Create new", selected: "false", tabindex: "-1", panelHidden: true },
    { tab: "Use existing", selected: "true", tabindex: "0", panelHidden: false },
  ];

  it("opens /#import on Use existing once the parser has inserted the tabs after it, as the app does, with or without test ids", async () => {
    const page = pageWithBoot({ hash: "#import", body: `<div id="root" data-prerendered="">${STEP_ONE_TABS}</div>` });
    const stripped = pageWithBoot({ hash: "#import", body: `<div id="root" data-prerendered="">${STEP_ONE_TABS.replace(/ data-testid="[^"]*"/g, "")}</div>` });
    // The script ran before the tabs were parsed: its watcher sees them inserted (a microtask later).
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(selection(page)).toEqual(EXISTING_SELECTED);
    expect(selection(stripped)).toEqual(EXISTING_SELECTED);
  });

  it("leaves the tabs alone for any other link", () => {
    const page = pageWithBoot({ hash: "#token", body: `<div id="root" data-prerendered="">${STEP_ONE_TABS}</div>` });
    expect(selection(page).map((tab) => tab.selected)).toEqual(["true", "false"]);
  });
});
