import { useState } from "react";
import { useShallow } from "zustand/react/shallow";
import { RSA_KEY_SIZES, type RsaKeySize } from "@/core/keys/rsa-keys";
import { validateGenerateForm, type GenerateFormField } from "@/core/credential/generate-form";
import { selectHasUnsavedKey } from "@/store/credential-slice";
import { selectValidityLimitNote } from "@/store/registered-slice";
import { useWorkbenchStore } from "@/store/workbench-store";
import { Field } from "@/ui/field";
import { SelectField, type SelectOption } from "@/ui/select-field";
import { ErrorMessage } from "@/ui/error-message";
import { UnsavedKeyQuestion } from "@/ui/unsaved-key-question";
import { GENERATE_FIELD_TEST_IDS } from "./field-test-ids";
import { GENERATE_BUTTON_LABELS } from "./labels";
import { GenerationProgress } from "./generation-progress";

const KEY_SIZE_OPTIONS: readonly SelectOption<RsaKeySize>[] = RSA_KEY_SIZES.map((size) => ({ value: size, label: `RSA ${String(size)} bits` }));

const commonNameField = { field: "commonName", label: "Common Name (CN)", hint: "Shown as the certificate's name in the Entra portal." } as const;

/** The subject fields most people leave empty: folded under "More certificate fields". */
const moreFields: { field: GenerateFormField; label: string; hint?: string; placeholder?: string }[] = [
  { field: "organization", label: "Organization (O)", placeholder: "optional" },
  { field: "organizationalUnit", label: "Organizational unit (OU)", placeholder: "optional" },
  { field: "locality", label: "Locality (L)", placeholder: "optional" },
  { field: "state", label: "State or province (ST)", placeholder: "optional" },
  { field: "country", label: "Country (C)", placeholder: "optional, e.g. US" },
  { field: "email", label: "E-mail", placeholder: "optional" },
];

export function GeneratePanel() {
  const form = useWorkbenchStore((state) => state.generateForm);
  const { running, error } = useWorkbenchStore(useShallow((state) => ({ running: state.generation.running, error: state.generation.error })));
  const setField = useWorkbenchStore((state) => state.setGenerateField);
  const unsavedKey = useWorkbenchStore(selectHasUnsavedKey);
  const validityLimitNote = useWorkbenchStore(selectValidityLimitNote);
  const [confirmingReplace, setConfirmingReplace] = useState(false);
  const generate = useWorkbenchStore((state) => state.generate);
  const errors = validateGenerateForm(form);
  const invalid = Object.keys(errors).length > 0;
  const moreFieldsInvalid = [...moreFields.map(({ field }) => field), "dnsNames", "uris"].some((field) => field in errors);
  const [moreOpen, setMoreOpen] = useState(false);
  const textInput = ({ field, label, hint, placeholder }: { field: GenerateFormField; label: string; hint?: string; placeholder?: string }) => (
    <Field key={field} label={label} hint={hint} error={errors[field]}>
      {(props) => (
        <input
          {...props}
          className="input"
          type={field === "email" ? "email" : "text"}
          value={String(form[field])}
          placeholder={placeholder}
          name={field}
          data-testid={GENERATE_FIELD_TEST_IDS[field]}
          onChange={(event) => setField(field, event.target.value)}
          autoComplete="off"
          spellCheck={false}
        />
      )}
    </Field>
  );

  return (
    <div id="generate" className="flex flex-col gap-4">
      <p className="text-sm text-muted">
        An RSA key and a self-signed certificate, made in this browser (instead of openssl genrsa, req and x509). The private key never leaves the page except as a file you save.
      </p>
      {/* Each field is named after its GenerateForm key: the first screen reads what was typed before the app loaded by these names (src/first-screen/typed-before-load.ts). */}
      <form
        className="flex flex-col gap-4"
        onSubmit={(event) => {
          event.preventDefault();
          // An unsaved key would be lost for good: ask first, in the page (no modal dialog).
          if (unsavedKey) setConfirmingReplace(true);
          else void generate();
        }}
        noValidate
      >
        <div className="grid gap-4 sm:grid-cols-3 [&>*]:min-w-0">
          {textInput(commonNameField)}
          <Field label="Validity (days)" error={errors.validityDays} hint={`1 to 3650; Microsoft's own example uses 365.${validityLimitNote ? ` ${validityLimitNote}` : ""}`}>
            {(props) => (
              <input
                {...props}
                className="input"
                type="number"
                inputMode="numeric"
                min={1}
                max={3650}
                value={form.validityDays}
                name="validityDays"
                data-testid={GENERATE_FIELD_TEST_IDS.validityDays}
                onChange={(event) => setField("validityDays", event.target.value)}
              />
            )}
          </Field>
          <SelectField
            label="Key size"
            hint="2048 bits is Entra's minimum and the usual choice; 4096 takes a few seconds."
            value={form.keySize}
            options={KEY_SIZE_OPTIONS}
            name="keySize"
            testId={GENERATE_FIELD_TEST_IDS.keySize}
            onChange={(size) => setField("keySize", size)}
          />
        </div>
        <div className="flex flex-wrap items-center gap-3">
          <button type="submit" className="btn-primary" data-testid="generate" disabled={invalid || running} aria-describedby="generate-status">
            {running ? GENERATE_BUTTON_LABELS.running : GENERATE_BUTTON_LABELS.idle}
          </button>
          <GenerationProgress />
        </div>
        {/* Folded, but opened by itself when one of its fields needs fixing. */}
        <details className="fold" open={moreOpen || moreFieldsInvalid} onToggle={(event) => setMoreOpen(event.currentTarget.open)} data-testid="more-certificate-fields">
          <summary>More certificate fields (optional): O, OU, L, ST, C, e-mail, DNS names and URIs</summary>
          <div className="mt-3 grid gap-4 sm:grid-cols-2 [&>*]:min-w-0">
            {moreFields.map(textInput)}
          <Field label="DNS names (optional)" error={errors.dnsNames} hint="Subject alternative names, one per line.">
              {(props) => (
                <textarea {...props} className="input" rows={2} value={form.dnsNames} name="dnsNames" data-testid={GENERATE_FIELD_TEST_IDS.dnsNames} onChange={(event) => setField("dnsNames", event.target.value)} spellCheck={false} />
              )}
            </Field>
            <Field label="URIs (optional)" error={errors.uris} hint="Subject alternative names, one per line.">
              {(props) => (
                <textarea {...props} className="input" rows={2} value={form.uris} name="uris" data-testid={GENERATE_FIELD_TEST_IDS.uris} onChange={(event) => setField("uris", event.target.value)} spellCheck={false} />
              )}
            </Field>
          </div>
        </details>
        {confirmingReplace && unsavedKey && (
          <UnsavedKeyQuestion
            testId="confirm-replace"
            framed
            keepTestId="keep-unsaved-key"
            onKeep={() => setConfirmingReplace(false)}
            discardLabel="Replace the unsaved key"
            discardTestId="confirm-replace-key"
            onDiscard={() => {
              setConfirmingReplace(false);
              void generate();
            }}
          >
            The key on this page has not been saved. Generating replaces it, and it cannot be downloaded afterwards.
          </UnsavedKeyQuestion>
        )}
        {unsavedKey && !running && !confirmingReplace && (
          <p className="text-sm text-warn" data-testid="unsaved-key-warning">
            The key on this page has not been saved yet: generating again replaces it, and so does closing the page. Save server.pem (or a PFX) below first if you uploaded its certificate.
          </p>
        )}
        {invalid && (
          <p className="text-sm text-danger" data-testid="generate-blocked">
            Fix the highlighted field{Object.keys(errors).length > 1 ? "s" : ""} to generate.
          </p>
        )}
        <ErrorMessage message={error} testId="generate-error" />
      </form>
    </div>
  );
}
