/**
 * Rendering a component into jsdom's page for a unit test (files marked `// @vitest-environment jsdom`), and the
 * cancelable events a browser sends before it edits a text box (https://w3c.github.io/input-events/).
 */
import { act, createElement, type ComponentType, type ReactNode } from "react";
import { createRoot, type Root } from "react-dom/client";
import { vi, type Mock } from "vitest";
import type { PastedTextProps } from "../src/ui/held-paste-textarea";

// React's act() needs this flag outside a test renderer.
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const mounted: Root[] = [];

/** Renders `element` into a fresh container in the page; `unmountAll` (in afterEach) takes it out again. */
export function renderInPage(element: ReactNode): HTMLElement {
  const container = document.createElement("div");
  document.body.append(container);
  const root = createRoot(container);
  mounted.push(root);
  act(() => root.render(element));
  return container;
}

export function unmountAll(): void {
  act(() => {
    for (const root of mounted.splice(0)) root.unmount();
  });
  document.body.innerHTML = "";
}

/** Renders a paste box (a component over HeldPasteTextarea) holding `text`: its text box, and a spy on what it hands on. */
export function renderPasteBox(Box: ComponentType<PastedTextProps>, text: string): { textarea: HTMLTextAreaElement; onText: Mock<(text: string) => void> } {
  const onText = vi.fn<(text: string) => void>();
  const textarea = renderInPage(createElement(Box, { text, onText, fieldProps: { id: "paste-box" } })).querySelector("textarea");
  if (!textarea) throw new Error("no text box rendered");
  return { textarea, onText };
}

/** Dispatches a cancelable insertion the way the browser does before it edits the box; true when it was let through. */
export function insertText(target: HTMLElement, data: string): boolean {
  return target.dispatchEvent(new InputEvent("beforeinput", { inputType: "insertText", data, cancelable: true, bubbles: true }));
}

/** Dispatches a cancelable paste of plain text; true when it was let through. */
export function pasteText(target: HTMLElement, data: string): boolean {
  const event = new Event("paste", { cancelable: true, bubbles: true });
  Object.defineProperty(event, "clipboardData", { value: { getData: (type: string) => (type === "text/plain" ? data : "") } });
  return target.dispatchEvent(event);
}
