// @vitest-environment jsdom
import { act } from "react";
import { afterEach, describe, expect, it } from "vitest";
import { insertText, pasteText, renderPasteBox, unmountAll } from "../../../test-support/render-in-page";
import { MAX_EDITABLE_CHARS } from "@/ui/held-paste-textarea";
import { JwtInput } from "./jwt-input";

afterEach(unmountAll);

describe("JwtInput", () => {
  it("lets a token of ordinary size into the box as typed or pasted", () => {
    const { textarea, onText } = renderPasteBox(JwtInput, "");
    expect(insertText(textarea, "eyJhbGciOiJSUzI1NiJ9.e30.AAAA")).toBe(true);
    expect(pasteText(textarea, "x".repeat(MAX_EDITABLE_CHARS))).toBe(true);
    expect(onText).not.toHaveBeenCalled();
  });

  it("keeps a longer insertion out of the box and hands over the whole text, the selection replaced", () => {
    const { textarea, onText } = renderPasteBox(JwtInput, "");
    // The box holds "head|SELECTED|tail"; the insertion replaces the selection.
    textarea.value = "headSELECTEDtail";
    textarea.setSelectionRange(4, 12);
    const long = "y".repeat(MAX_EDITABLE_CHARS);
    expect(insertText(textarea, long)).toBe(false);
    expect(onText).toHaveBeenLastCalledWith(`head${long}tail`);
    textarea.setSelectionRange(0, textarea.value.length);
    expect(pasteText(textarea, `${long}z`)).toBe(false);
    expect(onText).toHaveBeenLastCalledWith(`${long}z`);
  });

  it("shows a held text's start and size, read-only, and a paste replaces all of it", () => {
    const held = "h".repeat(MAX_EDITABLE_CHARS + 1);
    const { textarea, onText } = renderPasteBox(JwtInput, held);
    expect(textarea.readOnly).toBe(true);
    expect(textarea.value).toBe(`${"h".repeat(8192)}…`);
    expect(textarea.dataset.heldLength).toBe(String(held.length));
    const note = document.getElementById(textarea.getAttribute("aria-describedby") ?? "");
    expect(note?.textContent).toContain("32,769 characters pasted: too long to edit here");
    // Even a short paste replaces the whole held text: the box shows only its start, so there is nothing to splice into.
    textarea.setSelectionRange(3, 3);
    expect(pasteText(textarea, "eyJ.e30.AA")).toBe(false);
    expect(onText).toHaveBeenLastCalledWith("eyJ.e30.AA");
  });

  it("Clear empties a held text", () => {
    const { onText } = renderPasteBox(JwtInput, "h".repeat(MAX_EDITABLE_CHARS + 1));
    act(() => document.querySelector<HTMLButtonElement>('[data-testid="inspect-clear"]')?.click());
    expect(onText).toHaveBeenLastCalledWith("");
  });
});
