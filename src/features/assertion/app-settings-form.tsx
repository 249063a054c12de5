import { ASSERTION_FORMS, type AssertionForm } from "@/core/assertion/assertion-types";
import type { EndpointVersion } from "@/core/token-request/token-endpoint";
import { validateAppSettings } from "@/core/token-request/app-settings";
import { useWorkbenchStore } from "@/store/workbench-store";
import { Field } from "@/ui/field";

const formLabels: Record<AssertionForm, string> = {
  "RS256-x5t": "RS256 + x5t (SHA-1)",
  "PS256-x5t#S256": "PS256 + x5t#S256 (SHA-256)",
};

/** Endpoint version, assertion form, lifetime and x5c: the assertion details (tenant, client ID and cloud are entered in step 3). */
export function AppSettingsForm() {
  const settings = useWorkbenchStore((state) => state.settings);
  const setSetting = useWorkbenchStore((state) => state.setSetting);
  const setEndpointVersion = useWorkbenchStore((state) => state.setEndpointVersion);
  const errors = validateAppSettings(settings);

  return (
    <div className="grid gap-4 sm:grid-cols-2 [&>*]:min-w-0">
      <Field label="Token endpoint version" hint="v2.0 posts to /oauth2/v2.0/token; v1 to /oauth2/token.">
        {(props) => (
          <select {...props} className="input" value={settings.version} data-testid="endpoint-version" onChange={(event) => setEndpointVersion(event.target.value as EndpointVersion)}>
            <option value="v2.0">v2.0 — MSAL</option>
            <option value="v1">v1 — ADAL, older SDKs</option>
          </select>
        )}
      </Field>
      <Field label="Assertion form" hint="Set by the library chosen in step 3. RS256 + x5t: MSAL Python with a thumbprint, MSAL Node's thumbprint. PS256 + x5t#S256: MSAL.NET, MSAL Node's thumbprintSha256. Entra accepts both; they are not interchangeable.">
        {(props) => (
          <select {...props} className="input" value={settings.form} data-testid="assertion-form" onChange={(event) => setSetting("form", event.target.value as AssertionForm)}>
            {ASSERTION_FORMS.map((form) => (
              <option key={form} value={form}>
                {formLabels[form]}
              </option>
            ))}
          </select>
        )}
      </Field>
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
