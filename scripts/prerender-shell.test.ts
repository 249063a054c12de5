// @vitest-environment jsdom
import { describe, expect, it } from "vitest";
import { assertRunsAlone, bootScriptSource, disableControlsOutsideGenerateForm, headInLoadOrder, insertIntoRoot, renderFirstScreen } from "./prerender-shell";

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
    expect(() => disableControlsOutsideGenerateForm("<form><button>x</button></form>")).toThrow(/data-testid="generate"/);
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
    const head = new DOMParser().parseFromString(headInLoadOrder(emitted, '<script src="/assets/shell-boot-1.js"></script>'), "text/html").head;
    const order = Array.from(head.querySelectorAll("link, script"), (element) => element.getAttribute("href") ?? element.getAttribute("src"));
    expect(order).toEqual(["/assets/index-1.css", "/assets/shell-boot-1.js", "/assets/index-1.js", "/assets/jsx-1.js"]);
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

describe("the boot script as shipped", () => {
  it("is refused at build time if it needs anything from outside its own text", () => {
    expect(() => assertRunsAlone("(__name(function boot(document) {}, 'boot'))(document);")).toThrow(/does not run on its own/);
    expect(() => assertRunsAlone(bootScriptSource())).not.toThrow();
  });


  /** This test's document as the page's: the prerendered root, another form, then the shipped script run on it. */
  function pageWithBoot(theme?: string): Document {
    document.documentElement.removeAttribute("data-theme");
    document.body.innerHTML = '<div id="root" data-prerendered=""><form><button type="submit">Generate key and certificate</button></form></div><form id="other"></form>';
    localStorage.clear();
    if (theme) localStorage.setItem("credential-workbench.theme", theme);
    // The text exactly as shipped, run as a script of its own (no access to this module's scope).
    new Function(bootScriptSource())();
    return document;
  }

  it("applies a stored theme before the app loads, and only a valid one", () => {
    expect(pageWithBoot("dark").documentElement.getAttribute("data-theme")).toBe("dark");
    expect(pageWithBoot("light").documentElement.getAttribute("data-theme")).toBe("light");
    expect(pageWithBoot("<script>").documentElement.hasAttribute("data-theme")).toBe(false);
    expect(pageWithBoot().documentElement.hasAttribute("data-theme")).toBe(false);
  });

  it("keeps a Generate submitted in the prerendered form for the app, and leaves other forms alone", () => {
    const [shellForm, otherForm] = Array.from(pageWithBoot().querySelectorAll("form"));
    const shellSubmit = new Event("submit", { bubbles: true, cancelable: true });
    shellForm?.dispatchEvent(shellSubmit);
    expect(shellSubmit.defaultPrevented).toBe(true);
    expect(shellForm?.hasAttribute("data-submitted-early")).toBe(true);
    expect(shellForm?.querySelector("button")?.textContent).toBe("Generating…");
    expect(shellForm?.querySelector("button")?.getAttribute("aria-disabled")).toBe("true");
    const otherSubmit = new Event("submit", { bubbles: true, cancelable: true });
    otherForm?.dispatchEvent(otherSubmit);
    expect(otherSubmit.defaultPrevented).toBe(false);
  });

  // As src/ui/tabs.tsx renders step 1's tabs, "Create new" selected.
  const STEP_ONE_TABS =
    '<div role="tablist"><button role="tab" id="t-create" aria-selected="true" aria-controls="p-create" tabindex="0" data-testid="tab-create">Create new</button>' +
    '<button role="tab" id="t-existing" aria-selected="false" aria-controls="p-existing" tabindex="-1" data-testid="tab-existing">Use existing</button></div>' +
    '<div role="tabpanel" id="p-create"><form></form></div><div role="tabpanel" id="p-existing" hidden="">Loading the import form…</div>';

  const selection = (page: Document) =>
    Array.from(page.querySelectorAll('[role="tab"]'), (tab) => ({
      tab: tab.getAttribute("data-testid"),
      selected: tab.getAttribute("aria-selected"),
      tabindex: tab.getAttribute("tabindex"),
      panelHidden: page.getElementById(tab.getAttribute("aria-controls") ?? "")?.hidden,
    }));
  const EXISTING_SELECTED = [
    { tab: "tab-create", selected: "false", tabindex: "-1", panelHidden: true },
    { tab: "tab-existing", selected: "true", tabindex: "0", panelHidden: false },
  ];

  it("opens /#import on Use existing, whether the tabs are parsed before or after it runs, as the app does", async () => {
    window.location.hash = "#import";
    try {
      document.body.innerHTML = `<div id="root" data-prerendered="">${STEP_ONE_TABS}</div>`;
      new Function(bootScriptSource())();
      expect(selection(document)).toEqual(EXISTING_SELECTED);

      // As in the page: the script runs in <head>, and the parser inserts the tabs afterwards.
      document.body.innerHTML = "";
      new Function(bootScriptSource())();
      document.body.innerHTML = `<div id="root" data-prerendered="">${STEP_ONE_TABS}</div>`;
      await Promise.resolve();
      expect(selection(document)).toEqual(EXISTING_SELECTED);
    } finally {
      window.location.hash = "";
    }
  });

  it("leaves the tabs alone for any other link", () => {
    window.location.hash = "#token";
    try {
      document.body.innerHTML = `<div id="root" data-prerendered="">${STEP_ONE_TABS}</div>`;
      new Function(bootScriptSource())();
      expect(selection(document).map((tab) => tab.selected)).toEqual(["true", "false"]);
    } finally {
      window.location.hash = "";
    }
  });
});
