// @vitest-environment jsdom
import { act } from "react";
import { createRoot, type Root } from "react-dom/client";
import { afterEach, describe, expect, it, vi } from "vitest";
import { MAX_EDITABLE_REGISTERED_CHARS, RegisteredInput } from "./registered-input";

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
  act(() => root?.render(<RegisteredInput text={text} onText={onText} fieldProps={{ id: "registered" }} />));
  const textarea = container.querySelector("textarea");
  if (!textarea) throw new Error("no text box rendered");
  return { textarea, onText };
}

function paste(textarea: HTMLTextAreaElement, data: string): boolean {
  const event = new Event("paste", { cancelable: true, bubbles: true });
  Object.defineProperty(event, "clipboardData", { value: { getData: (type: string) => (type === "text/plain" ? data : "") } });
  return textarea.dispatchEvent(event);
}

describe("RegisteredInput", () => {
  it("takes a paste up to its own limit (64 KB: a few apps' credential lists) into the box, and holds a longer one out", () => {
    const { textarea, onText } = renderInput("");
    // Over the token box's 32 KB but within this box's limit: an ordinary paste.
    expect(paste(textarea, "[".repeat(40 * 1024))).toBe(true);
    expect(onText).not.toHaveBeenCalled();
    const long = "[".repeat(MAX_EDITABLE_REGISTERED_CHARS + 1);
    expect(paste(textarea, long)).toBe(false);
    expect(onText).toHaveBeenLastCalledWith(long);
  });

  it("shows the first 2,000 characters of a held text, read-only, with its size and the hooks registered-input-held and registered-clear", () => {
    const held = `[${" ".repeat(MAX_EDITABLE_REGISTERED_CHARS)}]`;
    const { textarea, onText } = renderInput(held);
    expect(textarea.readOnly).toBe(true);
    expect(textarea.value).toBe(`${held.slice(0, 2000)}…`);
    expect(textarea.dataset.testid).toBe("registered-input");
    expect(textarea.dataset.heldLength).toBe(String(held.length));
    expect(document.querySelector('[data-testid="registered-input-held"]')?.textContent).toContain("65,538 characters pasted");
    act(() => document.querySelector<HTMLButtonElement>('[data-testid="registered-clear"]')?.click());
    expect(onText).toHaveBeenLastCalledWith("");
  });

  it("reads a dropped file's text instead of letting the browser open it", async () => {
    const { textarea, onText } = renderInput("");
    // jsdom's File has no text(): the dropped file is a stand-in with the one method the box calls.
    const file = { name: "credentials.json", text: () => Promise.resolve('[{"keyId":"a"}]') };
    const drop = new Event("drop", { cancelable: true, bubbles: true });
    Object.defineProperty(drop, "dataTransfer", { value: { files: [file], getData: () => "" } });
    expect(textarea.dispatchEvent(drop)).toBe(false);
    await vi.waitFor(() => expect(onText).toHaveBeenLastCalledWith('[{"keyId":"a"}]'));
  });
});
