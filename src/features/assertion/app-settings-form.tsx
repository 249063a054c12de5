import { ASSERTION_FORMS, type AssertionForm } from "@/core/assertion/assertion-types";
import type { EndpointVersion } from "@/entra/clouds";
import { validateAppSettings } from "@/core/token-request/app-settings";
import { useWorkbenchStore } from "@/store/workbench-store";
import { Field } from "@/ui/field";
import { SelectField, type SelectOption } from "@/ui/select-field";

const VERSION_OPTIONS: readonly SelectOption<EndpointVersion>[] = [
  { value: "v2.0", label: "v2.0 — MSAL" },
  { value: "v1", label: "v1 — ADAL, older SDKs" },
];

const FORM_LABELS: Record<AssertionForm, string> = {
  "RS256-x5t": "RS256 + x5t (SHA-1)",
  "PS256-x5t#S256": "PS256 + x5t#S256 (SHA-256)",
};
const FORM_OPTIONS: readonly SelectOption<AssertionForm>[] = ASSERTION_FORMS.map((form) => ({ value: form, label: FORM_LABELS[form] }));

/** Endpoint version, assertion form, lifetime and x5c: the assertion details (tenant, client ID and cloud are entered in step 3). */
export function AppSettingsForm() {
  const settings = useWorkbenchStore((state) => state.settings);
  const setSetting = useWorkbenchStore((state) => state.setSetting);
  const setEndpointVersion = useWorkbenchStore((state) => state.setEndpointVersion);
  const errors = validateAppSettings(settings);

  return (
    <div className="grid gap-4 sm:grid-cols-2 [&>*]:min-w-0">
      <SelectField label="Token endpoint version" hint="v2.0 posts to /oauth2/v2.0/token; v1 to /oauth2/token." value={settings.version} options={VERSION_OPTIONS} testId="endpoint-version" onChange={setEndpointVersion} />
      <SelectField
        label="Assertion form"
        hint="Set by the library chosen in step 3. RS256 + x5t: MSAL Python with a thumbprint, MSAL Node's thumbprint. PS256 + x5t#S256: MSAL.NET, MSAL Node's thumbprintSha256. Entra accepts both; they are not interchangeable."
        value={settings.form}
        options={FORM_OPTIONS}
        testId="assertion-form"
        onChange={(form) => setSetting("form", form)}
      />
      <Field label="Lifetime (seconds)" error={errors.lifetimeSeconds} hint="MSAL uses 600; Entra advises at most 10 minutes.">
        {(props) => (
          <input {...props} className="input" type="number" min={1} max={3600} value={settings.lifetimeSeconds} data-testid="lifetime-input" onChange={(event) => setSetting("lifetimeSeconds", event.target.value)} />
        )}
      </Field>
      <div className="flex items-center gap-2 self-end pb-2">
        <input id="include-x5c" type="checkbox" checked={settings.includeX5c} data-testid="x5c-toggle" onChange={(event) => setSetting("includeX5c", event.target.checked)} />
        <label htmlFor="include-x5c" className="text-sm">
          Include the certificate (x5c) — for subject name + issuer registration
        </label>
      </div>
    </div>
  );
}
