// @vitest-environment jsdom
import { act } from "react";
import { createRoot } from "react-dom/client";
import { afterEach, describe, expect, it, vi } from "vitest";
import { PanelBoundary } from "./panel-boundary";

// React's act() needs this flag outside a test renderer.
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

function FailingPanel(): never {
  throw new Error("The decoded claims could not be shown");
}

afterEach(() => {
  document.body.innerHTML = "";
  vi.restoreAllMocks();
});

describe("PanelBoundary", () => {
  it("keeps the other panels on screen and says which panel failed and why", () => {
    vi.spyOn(console, "error").mockImplementation(() => undefined);
    const container = document.createElement("div");
    document.body.append(container);
    const root = createRoot(container);
    act(() => {
      root.render(
        <>
          <PanelBoundary name="Certificate">
            <p data-testid="thumbprint-sha1">D11B3EDEB240E4AD3D8F176216AB1356B40E5428</p>
          </PanelBoundary>
          <PanelBoundary name="Inspect">
            <FailingPanel />
          </PanelBoundary>
        </>,
      );
    });
    expect(container.querySelector('[data-testid="thumbprint-sha1"]')?.textContent).toBe("D11B3EDEB240E4AD3D8F176216AB1356B40E5428");
    const failure = container.querySelector('[data-testid="panel-error"]');
    expect(failure?.textContent).toContain("The Inspect panel stopped working");
    expect(failure?.textContent).toContain("The decoded claims could not be shown");
    expect(failure?.getAttribute("role")).toBe("alert");
    act(() => root.unmount());
  });
});
