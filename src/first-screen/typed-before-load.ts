/**
 * The Generate form's values as the user left them in the first screen, before the app's code had
 * loaded: only those that differ from the form's state, as typed, so the app can set them
 * (setGenerateField) before its first render and nothing typed is lost.
 *
 * Each control is found by its form name, the GenerateForm key it edits (the Generate panel names
 * them so), not by a test hook: a build without test ids carries them over the same.
 */
import { RSA_KEY_SIZES, type RsaKeySize } from "@/core/keys/rsa-keys";
import type { GenerateForm, GenerateFormField } from "@/core/credential/generate-form";

type FormControl = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

/** The control named `field` inside the first screen's form, if there is one. */
function namedControl(root: ParentNode, field: GenerateFormField): FormControl | undefined {
  for (const form of Array.from(root.querySelectorAll("form"))) {
    const control = form.elements.namedItem(field);
    if (control instanceof HTMLInputElement || control instanceof HTMLSelectElement || control instanceof HTMLTextAreaElement) return control;
  }
  return undefined;
}

export function generateFieldsTypedBeforeLoad(root: ParentNode, form: GenerateForm): Partial<GenerateForm> {
  const typed: Partial<GenerateForm> = {};
  for (const field of Object.keys(form) as GenerateFormField[]) {
    const control = namedControl(root, field);
    if (!control) continue;
    if (field === "keySize") {
      const size = Number(control.value);
      if (size !== form.keySize && (RSA_KEY_SIZES as readonly number[]).includes(size)) typed.keySize = size as RsaKeySize;
    } else if (control.value !== form[field]) {
      typed[field] = control.value;
    }
  }
  return typed;
}
