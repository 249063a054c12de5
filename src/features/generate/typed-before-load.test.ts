// @vitest-environment jsdom
import { describe, expect, it } from "vitest";
import { initialGenerateForm } from "@/store/generate-slice";
import { generateFieldsTypedBeforeLoad } from "./typed-before-load";

// The state a first visit starts from (what the prerendered form shows).
const form = initialGenerateForm;

function shell(html: string): HTMLElement {
  const root = document.createElement("div");
  root.innerHTML = html;
  return root;
}

describe("generateFieldsTypedBeforeLoad", () => {
  it("returns only the fields whose value differs from the form's state, as typed", () => {
    const root = shell(`
      <input data-testid="subject-commonName" value="my-app"/>
      <input data-testid="subject-country" value="de"/>
      <input data-testid="validity-days" type="number" value="365"/>
      <select data-testid="key-size"><option value="2048">2048</option><option value="4096" selected>4096</option></select>
      <textarea data-testid="san-dns">a.example\nb.example</textarea>`);
    expect(generateFieldsTypedBeforeLoad(root, form)).toEqual({ commonName: "my-app", country: "de", keySize: 4096, dnsNames: "a.example\nb.example" });
  });

  it("ignores a key size the page does not offer and fields that are absent", () => {
    const root = shell('<select data-testid="key-size"><option value="1024" selected>1024</option></select>');
    expect(generateFieldsTypedBeforeLoad(root, form)).toEqual({});
  });
});
