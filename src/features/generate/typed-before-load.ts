/**
 * The Generate form's values as the user left them in the first screen rendered at build time,
 * before the app's code had loaded (src/shell/take-over.ts): only those that differ from the form's
 * state, as typed, so the app can set them (setGenerateField) before its first render and nothing typed is lost.
 */
import { RSA_KEY_SIZES, type RsaKeySize } from "@/core/keys/rsa-keys";
import type { GenerateForm, GenerateFormField } from "@/core/credential/generate-form";
import { GENERATE_FIELD_TEST_IDS } from "./field-test-ids";

export function generateFieldsTypedBeforeLoad(root: ParentNode, form: GenerateForm): Partial<GenerateForm> {
  const typed: Partial<GenerateForm> = {};
  for (const [field, testId] of Object.entries(GENERATE_FIELD_TEST_IDS) as [GenerateFormField, string][]) {
    const control = root.querySelector(`[data-testid="${testId}"]`);
    if (!(control instanceof HTMLInputElement || control instanceof HTMLSelectElement || control instanceof HTMLTextAreaElement)) continue;
    if (field === "keySize") {
      const size = Number(control.value);
      if (size !== form.keySize && (RSA_KEY_SIZES as readonly number[]).includes(size)) typed.keySize = size as RsaKeySize;
    } else if (control.value !== form[field]) {
      typed[field] = control.value;
    }
  }
  return typed;
}
