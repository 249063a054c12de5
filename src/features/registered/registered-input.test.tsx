// @vitest-environment jsdom
import { act } from "react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { pasteText, renderPasteBox, unmountAll } from "../../../test-support/render-in-page";
import { MAX_EDITABLE_REGISTERED_CHARS, RegisteredInput } from "./registered-input";

afterEach(unmountAll);

describe("RegisteredInput", () => {
  it("takes a paste up to its own limit (64 KB: a few apps' credential lists) into the box, and holds a longer one out", () => {
    const { textarea, onText } = renderPasteBox(RegisteredInput, "");
    // Over the token box's 32 KB but within this box's limit: an ordinary paste.
    expect(pasteText(textarea, "[".repeat(40 * 1024))).toBe(true);
    expect(onText).not.toHaveBeenCalled();
    const long = "[".repeat(MAX_EDITABLE_REGISTERED_CHARS + 1);
    expect(pasteText(textarea, long)).toBe(false);
    expect(onText).toHaveBeenLastCalledWith(long);
  });

  it("shows the first 2,000 characters of a held text, read-only, with its size and the hooks registered-input-held and registered-clear", () => {
    const held = `[${" ".repeat(MAX_EDITABLE_REGISTERED_CHARS)}]`;
    const { textarea, onText } = renderPasteBox(RegisteredInput, held);
    expect(textarea.readOnly).toBe(true);
    expect(textarea.value).toBe(`${held.slice(0, 2000)}…`);
    expect(textarea.dataset.testid).toBe("registered-input");
    expect(textarea.dataset.heldLength).toBe(String(held.length));
    expect(document.querySelector('[data-testid="registered-input-held"]')?.textContent).toContain("65,538 characters pasted");
    act(() => document.querySelector<HTMLButtonElement>('[data-testid="registered-clear"]')?.click());
    expect(onText).toHaveBeenLastCalledWith("");
  });

  it("reads a dropped file's text instead of letting the browser open it", async () => {
    const { textarea, onText } = renderPasteBox(RegisteredInput, "");
    // jsdom's File has no text(): the dropped file is a stand-in with the one method the box calls.
    const file = { name: "credentials.json", text: () => Promise.resolve('[{"keyId":"a"}]') };
    const drop = new Event("drop", { cancelable: true, bubbles: true });
    Object.defineProperty(drop, "dataTransfer", { value: { files: [file], getData: () => "" } });
    expect(textarea.dispatchEvent(drop)).toBe(false);
    await vi.waitFor(() => expect(onText).toHaveBeenLastCalledWith('[{"keyId":"a"}]'));
  });
});
