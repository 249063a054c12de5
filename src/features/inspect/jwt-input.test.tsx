// @vitest-environment jsdom
import { act } from "react";
import { createRoot, type Root } from "react-dom/client";
import { afterEach, describe, expect, it, vi } from "vitest";
import { MAX_EDITABLE_CHARS } from "@/ui/held-paste-textarea";
import { JwtInput } from "./jwt-input";

// React's act() needs this flag outside a test renderer.
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: Root | undefined;
afterEach(() => {
  act(() => root?.unmount());
  document.body.innerHTML = "";
});

function renderInput(text: string): { textarea: HTMLTextAreaElement; onText: ReturnType<typeof vi.fn> } {
  const container = document.createElement("div");
  document.body.append(container);
  const onText = vi.fn();
  root = createRoot(container);
  act(() => root?.render(<JwtInput text={text} onText={onText} fieldProps={{ id: "jwt" }} />));
  const textarea = container.querySelector("textarea");
  if (!textarea) throw new Error("no text box rendered");
  return { textarea, onText };
}

/** Dispatches a cancelable insertion the way the browser does before it edits the box; true when it was let through. */
function insert(textarea: HTMLTextAreaElement, data: string): boolean {
  return textarea.dispatchEvent(new InputEvent("beforeinput", { inputType: "insertText", data, cancelable: true, bubbles: true }));
}

function paste(textarea: HTMLTextAreaElement, data: string): boolean {
  const event = new Event("paste", { cancelable: true, bubbles: true });
  Object.defineProperty(event, "clipboardData", { value: { getData: (type: string) => (type === "text/plain" ? data : "") } });
  return textarea.dispatchEvent(event);
}

describe("JwtInput", () => {
  it("lets a token of ordinary size into the box as typed or pasted", () => {
    const { textarea, onText } = renderInput("");
    expect(insert(textarea, "eyJhbGciOiJSUzI1NiJ9.e30.AAAA")).toBe(true);
    expect(paste(textarea, "x".repeat(MAX_EDITABLE_CHARS))).toBe(true);
    expect(onText).not.toHaveBeenCalled();
  });

  it("keeps a longer insertion out of the box and hands over the whole text, the selection replaced", () => {
    const { textarea, onText } = renderInput("");
    // The box holds "head|SELECTED|tail"; the insertion replaces the selection.
    textarea.value = "headSELECTEDtail";
    textarea.setSelectionRange(4, 12);
    const long = "y".repeat(MAX_EDITABLE_CHARS);
    expect(insert(textarea, long)).toBe(false);
    expect(onText).toHaveBeenLastCalledWith(`head${long}tail`);
    textarea.setSelectionRange(0, textarea.value.length);
    expect(paste(textarea, `${long}z`)).toBe(false);
    expect(onText).toHaveBeenLastCalledWith(`${long}z`);
  });

  it("shows a held text's start and size, read-only, and a paste replaces all of it", () => {
    const held = "h".repeat(MAX_EDITABLE_CHARS + 1);
    const { textarea, onText } = renderInput(held);
    expect(textarea.readOnly).toBe(true);
    expect(textarea.value).toBe(`${"h".repeat(8192)}…`);
    expect(textarea.dataset.heldLength).toBe(String(held.length));
    const note = document.getElementById(textarea.getAttribute("aria-describedby") ?? "");
    expect(note?.textContent).toContain("32,769 characters pasted: too long to edit here");
    // Even a short paste replaces the whole held text: the box shows only its start, so there is nothing to splice into.
    textarea.setSelectionRange(3, 3);
    expect(paste(textarea, "eyJ.e30.AA")).toBe(false);
    expect(onText).toHaveBeenLastCalledWith("eyJ.e30.AA");
  });

  it("Clear empties a held text", () => {
    const { onText } = renderInput("h".repeat(MAX_EDITABLE_CHARS + 1));
    act(() => document.querySelector<HTMLButtonElement>('[data-testid="inspect-clear"]')?.click());
    expect(onText).toHaveBeenLastCalledWith("");
  });
});
