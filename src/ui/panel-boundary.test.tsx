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

  it("'Try again' calls onReset first, so the panel renders again instead of failing the same way at once", () => {
    vi.spyOn(console, "error").mockImplementation(() => undefined);
    const container = document.createElement("div");
    document.body.append(container);
    const root = createRoot(container);
    // Stands for the store's decoded token: the panel fails while it is there.
    const shown = { failing: true };
    function ResultView() {
      if (shown.failing) throw new Error("Objects are not valid as a React child");
      return <p data-testid="inspect-result">empty</p>;
    }
    const reset = vi.fn(() => {
      shown.failing = false;
    });
    act(() => {
      root.render(
        <PanelBoundary name="Inspect result" onReset={reset}>
          <ResultView />
        </PanelBoundary>,
      );
    });
    expect(container.querySelector('[data-testid="panel-error"]')).not.toBeNull();
    act(() => container.querySelector("button")?.click());
    expect(reset).toHaveBeenCalledTimes(1);
    expect(container.querySelector('[data-testid="panel-error"]')).toBeNull();
    expect(container.querySelector('[data-testid="inspect-result"]')?.textContent).toBe("empty");
    act(() => root.unmount());
  });
});
