// @vitest-environment jsdom
import { act } from "react";
import { createRoot } from "react-dom/client";
import { afterEach, describe, expect, it, vi } from "vitest";
import { SelectField } from "./select-field";

// React's act() needs this flag outside a test renderer.
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

afterEach(() => {
  document.body.innerHTML = "";
});

function renderKeySize(onChange: (size: 2048 | 4096) => void): HTMLSelectElement {
  const container = document.createElement("div");
  document.body.append(container);
  act(() => {
    createRoot(container).render(
      <SelectField label="Key size" hint="2048 bits is the minimum." value={2048} testId="key-size" onChange={onChange} options={[{ value: 2048, label: "RSA 2048 bits" }, { value: 4096, label: "RSA 4096 bits" }]} />,
    );
  });
  const select = container.querySelector("select");
  if (!select) throw new Error("no <select> rendered");
  return select;
}

describe("SelectField", () => {
  it("is labelled, described by its hint, and carries the test id", () => {
    const select = renderKeySize(() => undefined);
    const label = document.querySelector(`label[for="${select.id}"]`);
    expect(label?.textContent).toBe("Key size");
    expect(document.getElementById(select.getAttribute("aria-describedby") ?? "")?.textContent).toBe("2048 bits is the minimum.");
    expect(select.dataset.testid).toBe("key-size");
    expect(Array.from(select.options, (option) => [option.value, option.text])).toEqual([["2048", "RSA 2048 bits"], ["4096", "RSA 4096 bits"]]);
  });

  it("hands back the option's own value: a number stays a number", () => {
    const onChange = vi.fn();
    const select = renderKeySize(onChange);
    act(() => {
      select.value = "4096";
      select.dispatchEvent(new Event("change", { bubbles: true }));
    });
    expect(onChange).toHaveBeenCalledWith(4096);
  });
});
