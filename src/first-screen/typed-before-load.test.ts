// @vitest-environment jsdom
import { beforeAll, describe, expect, it } from "vitest";
import type { GenerateForm } from "@/core/credential/generate-form";
import { initialGenerateForm } from "@/store/generate-slice";
import { disableControlsOutsideGenerateForm, renderFirstScreen } from "../../scripts/prerender-shell";
import { generateFieldsTypedBeforeLoad } from "./typed-before-load";

// The state a first visit starts from (what the prerendered form shows).
const form = initialGenerateForm;

function shell(html: string): HTMLElement {
  const root = document.createElement("div");
  root.innerHTML = html;
  return root;
}

describe("generateFieldsTypedBeforeLoad", () => {
  it("returns only the fields whose value differs from the form's state, as typed, found by their names", () => {
    const root = shell(`<form>
      <input name="commonName" value="my-app"/>
      <input name="country" value="de"/>
      <input name="validityDays" type="number" value="365"/>
      <select name="keySize"><option value="2048">2048</option><option value="4096" selected>4096</option></select>
      <textarea name="dnsNames">a.example\nb.example</textarea></form>`);
    expect(generateFieldsTypedBeforeLoad(root, form)).toEqual({ commonName: "my-app", country: "de", keySize: 4096, dnsNames: "a.example\nb.example" });
  });

  it("ignores a key size the page does not offer, fields that are absent, and controls outside a form", () => {
    expect(generateFieldsTypedBeforeLoad(shell('<form><select name="keySize"><option value="1024" selected>1024</option></select></form>'), form)).toEqual({});
    expect(generateFieldsTypedBeforeLoad(shell('<input name="commonName" value="loose"/>'), form)).toEqual({});
  });
});

describe("the first screen as the build renders it, with every test id stripped", () => {
  let markup = "";
  beforeAll(() => {
    markup = disableControlsOutsideGenerateForm(renderFirstScreen());
  }, 60_000);

  /** The prerendered screen with no data-testid left, as a build that strips test hooks ships it. */
  function strippedScreen(): HTMLElement {
    const root = shell(markup);
    for (const element of Array.from(root.querySelectorAll("[data-testid]"))) element.removeAttribute("data-testid");
    expect(root.querySelector("[data-testid]")).toBeNull();
    return root;
  }

  /** The control a person sees under this label: found through <label for>, as assistive technology does, not by name. */
  function byLabel(root: HTMLElement, label: string): HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement {
    const labelElement = Array.from(root.querySelectorAll("label")).find((element) => element.textContent === label);
    const control = labelElement && Array.from(root.querySelectorAll("[id]")).find((element) => element.id === labelElement.htmlFor);
    if (!(control instanceof HTMLInputElement || control instanceof HTMLSelectElement || control instanceof HTMLTextAreaElement)) throw new Error(`no control labelled ${label}`);
    return control;
  }

  it("carries every Generate field typed before load over, found by its form name", () => {
    const root = strippedScreen();
    const typed: GenerateForm = {
      commonName: "early-bird",
      organization: "Contoso",
      organizationalUnit: "Identity",
      locality: "Redmond",
      state: "WA",
      country: "US",
      email: "ops@contoso.example",
      validityDays: "90",
      keySize: 3072,
      dnsNames: "app.contoso.example",
      uris: "https://app.contoso.example",
    };
    const labels: Record<keyof GenerateForm, string> = {
      commonName: "Common Name (CN)",
      organization: "Organization (O)",
      organizationalUnit: "Organizational unit (OU)",
      locality: "Locality (L)",
      state: "State or province (ST)",
      country: "Country (C)",
      email: "E-mail",
      validityDays: "Validity (days)",
      keySize: "Key size",
      dnsNames: "DNS names (optional)",
      uris: "URIs (optional)",
    };
    for (const [field, label] of Object.entries(labels) as [keyof GenerateForm, string][]) byLabel(root, label).value = String(typed[field]);
    expect(generateFieldsTypedBeforeLoad(root, form)).toEqual(typed);
  });

  it("finds nothing typed in an untouched screen", () => {
    expect(generateFieldsTypedBeforeLoad(strippedScreen(), form)).toEqual({});
  });
});
