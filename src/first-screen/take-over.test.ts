// @vitest-environment jsdom
import { afterEach, describe, expect, it } from "vitest";
import { finishTakeOver, readShellActivity } from "./take-over";

const shellMarkup = `
  <form data-testid="form"><input data-testid="cn" value="credential-workbench"/><input type="number" data-testid="days" value="365"/>
  <details data-testid="more"><summary>More</summary></details><details data-testid="closed"><summary>x</summary></details></form>`;

function mountShell(): HTMLElement {
  document.body.innerHTML = `<div id="root" data-prerendered="">${shellMarkup}</div>`;
  const root = document.getElementById("root");
  if (!root) throw new Error("no root");
  return root;
}

afterEach(() => {
  document.body.innerHTML = "";
});

describe("readShellActivity", () => {
  it("is undefined for a root that holds no prerendered screen", () => {
    document.body.innerHTML = '<div id="root"></div>';
    expect(readShellActivity(document.getElementById("root") as HTMLElement)).toBeUndefined();
  });

  it("reads an early submit, the focused field by its place with its selection, and the open folds by theirs", () => {
    const root = mountShell();
    root.querySelector("form")?.setAttribute("data-submitted-early", "");
    (root.querySelector('[data-testid="more"]') as HTMLDetailsElement).open = true;
    const field = root.querySelector<HTMLInputElement>('[data-testid="cn"]');
    field?.focus();
    field?.setSelectionRange(0, 10, "backward");
    expect(readShellActivity(root)).toEqual({
      generateRequested: true,
      focusedPlace: { path: [0, 0], tagName: "INPUT" },
      selection: { start: 0, end: 10, direction: "backward" },
      openedFolds: [{ path: [0, 2], tagName: "DETAILS" }],
    });
  });

  it("reads no selection from a number field, and no focus outside the root", () => {
    const root = mountShell();
    root.querySelector<HTMLInputElement>('[data-testid="days"]')?.focus();
    expect(readShellActivity(root)).toMatchObject({ generateRequested: false, focusedPlace: { path: [0, 1], tagName: "INPUT" }, selection: undefined });
    (document.activeElement as HTMLElement | null)?.blur();
    expect(readShellActivity(root)).toMatchObject({ focusedPlace: undefined, selection: undefined });
  });
});

describe("finishTakeOver", () => {
  it("gives focus back by place (a fold's summary has no name and no id), if the same kind of element is there", () => {
    const root = mountShell();
    const summary = root.querySelector<HTMLElement>('[data-testid="more"] summary');
    summary?.setAttribute("tabindex", "0");
    summary?.focus();
    const activity = readShellActivity(root);
    if (!activity) throw new Error("no activity");
    root.innerHTML = shellMarkup;
    root.querySelector('[data-testid="more"] summary')?.setAttribute("tabindex", "0");
    finishTakeOver(root, activity);
    expect(document.activeElement).toBe(root.querySelector('[data-testid="more"] summary'));
    // Another element in that place (the markup differs): focus is not given to it.
    (document.activeElement as HTMLElement | null)?.blur();
    root.innerHTML = shellMarkup.replace("<summary>More</summary>", '<span tabindex="0">More</span>');
    finishTakeOver(root, activity);
    expect(document.activeElement).toBe(document.body);
  });

  it("unmarks the root and gives focus, selection and open folds back to the app's new elements", () => {
    const root = mountShell();
    // What React's first render leaves: the same markup, new elements.
    root.innerHTML = shellMarkup;
    finishTakeOver(root, { generateRequested: false, focusedPlace: { path: [0, 0], tagName: "INPUT" }, selection: { start: 2, end: 5, direction: "forward" }, openedFolds: [{ path: [0, 2], tagName: "DETAILS" }] });
    expect(root.hasAttribute("data-prerendered")).toBe(false);
    const field = root.querySelector<HTMLInputElement>('[data-testid="cn"]');
    expect(document.activeElement).toBe(field);
    expect([field?.selectionStart, field?.selectionEnd, field?.selectionDirection]).toEqual([2, 5, "forward"]);
    expect((root.querySelector('[data-testid="more"]') as HTMLDetailsElement).open).toBe(true);
    expect((root.querySelector('[data-testid="closed"]') as HTMLDetailsElement).open).toBe(false);
  });
});

describe("a take-over with no test ids in the markup (a build that strips them)", () => {
  it("finds the focused field and the open fold again by place alone", () => {
    const stripped = shellMarkup.replace(/ data-testid="[^"]*"/g, "");
    document.body.innerHTML = `<div id="root" data-prerendered="">${stripped}</div>`;
    const root = document.getElementById("root") as HTMLElement;
    (root.querySelectorAll("details")[0] as HTMLDetailsElement).open = true;
    root.querySelectorAll("input")[1]?.focus();
    const activity = readShellActivity(root);
    if (!activity) throw new Error("no activity");
    root.innerHTML = stripped;
    finishTakeOver(root, activity);
    expect(document.activeElement).toBe(root.querySelectorAll("input")[1]);
    expect(Array.from(root.querySelectorAll("details"), (fold) => fold.open)).toEqual([true, false]);
  });
});
