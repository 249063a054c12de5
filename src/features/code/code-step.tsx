import { useDeferredValue, useMemo } from "react";
import type { Cloud } from "@/core/token-request/token-endpoint";
import { LIBRARIES, libraryById, snippetForLibrary, type LibraryId } from "@/core/recipes/library-catalogue";
import { recipeInputsFor } from "@/core/recipes/recipe-inputs";
import { tokenEndpointFromSettings, validateAppSettings } from "@/core/token-request/app-settings";
import { useWorkbenchStore } from "@/store/workbench-store";
import { CodeBlock } from "@/ui/code-block";
import { CopyButton } from "@/ui/copy-button";
import { Field } from "@/ui/field";

const cloudLabels: Record<Cloud, string> = {
  public: "Public (login.microsoftonline.com)",
  usgov: "US Government (…microsoftonline.us)",
  china: "China, 21Vianet (…chinacloudapi.cn)",
  custom: "Custom authority host…",
};

/** Step 3: the app registration's tenant and client ID (entered once, used by every later part), the library, and its snippet. */
export function CodeStep() {
  const settings = useWorkbenchStore((state) => state.settings);
  const setSetting = useWorkbenchStore((state) => state.setSetting);
  const setLibrary = useWorkbenchStore((state) => state.setLibrary);
  // A new credential reaches the snippet in a render of its own, after the thumbprint is painted, so the thumbprint is on screen sooner.
  const credential = useDeferredValue(useWorkbenchStore((state) => state.credential));
  const errors = validateAppSettings(settings);
  // An empty field is not an error yet: the snippet shows a placeholder until it is filled in.
  const showError = (field: keyof typeof errors, value: string) => (value.trim() === "" ? undefined : errors[field]);
  const library = libraryById(settings.library);
  const snippet = useMemo(
    () =>
      credential
        ? snippetForLibrary(library.id, recipeInputsFor({ details: credential.certificateDetails, der: credential.certificateDer }, settings, tokenEndpointFromSettings(settings)))
        : undefined,
    [credential, library.id, settings],
  );

  return (
    <div className="flex flex-col gap-4" id="app-settings">
      <div className="grid gap-4 sm:grid-cols-2 [&>*]:min-w-0">
        <Field label="Directory (tenant) ID" error={showError("tenant", settings.tenant)} hint="A GUID or a verified domain, e.g. contoso.onmicrosoft.com.">
        {(props) => (
          <input {...props} className="input" value={settings.tenant} data-testid="tenant-input" autoComplete="off" spellCheck={false} onChange={(event) => setSetting("tenant", event.target.value)} placeholder="00000000-0000-0000-0000-000000000000" />
        )}
        </Field>
        <Field label="Application (client) ID" error={showError("clientId", settings.clientId)} hint="From the app registration's Overview page.">
        {(props) => (
          <input {...props} className="input" value={settings.clientId} data-testid="client-id-input" autoComplete="off" spellCheck={false} onChange={(event) => setSetting("clientId", event.target.value)} placeholder="00000000-0000-0000-0000-000000000000" />
        )}
        </Field>
        <Field label="Cloud">
        {(props) => (
          <select {...props} className="input" value={settings.cloud} data-testid="cloud-select" onChange={(event) => setSetting("cloud", event.target.value as Cloud)}>
            {(Object.keys(cloudLabels) as Cloud[]).map((cloud) => (
              <option key={cloud} value={cloud}>
                {cloudLabels[cloud]}
              </option>
            ))}
          </select>
        )}
        </Field>
      {settings.cloud === "custom" && (
        <Field label="Custom authority host" error={showError("customAuthority", settings.customAuthority)} hint="An https origin, e.g. https://login.example.com:8443 (Azure Stack, a test service).">
          {(props) => (
            <input {...props} className="input" value={settings.customAuthority} data-testid="custom-authority-input" autoComplete="off" spellCheck={false} onChange={(event) => setSetting("customAuthority", event.target.value)} placeholder="https://login.example.com" />
          )}
        </Field>
      )}
      </div>
        <Field label="Which library?" hint={library.note}>
        {(props) => (
          <select {...props} className="input" value={library.id} data-testid="library-select" onChange={(event) => setLibrary(event.target.value as LibraryId)}>
            {LIBRARIES.map((choice) => (
              <option key={choice.id} value={choice.id}>
                {choice.label}
              </option>
            ))}
          </select>
        )}
        </Field>
      {snippet ? (
        <div className="flex flex-col gap-2">
          <div className="flex flex-wrap items-center gap-2">
            <h3 className="font-medium">{snippet.title}</h3>
            <CopyButton text={snippet.code} label={snippet.title} testId={`copy-recipe-${snippet.id}`} />
          </div>
          <p className="text-xs text-muted">{snippet.description}</p>
          <CodeBlock label={snippet.title} testId={`recipe-${snippet.id}`} code>
            {snippet.code}
          </CodeBlock>
        </div>
      ) : (
        <p className="text-sm text-muted" data-testid="code-waiting">
          Create or bring a credential in step 1: the code appears here with its thumbprint and file names.
        </p>
      )}
    </div>
  );
}
