import { useDeferredValue, useEffect, useMemo, useState } from "react";
import type { Cloud } from "@/entra/clouds";
import { LIBRARIES, libraryById, type LibraryId } from "@/core/recipes/library-catalogue";
import { recipeInputsFromSettings } from "@/core/recipes/recipe-inputs";
import { validateAppSettings } from "@/core/token-request/app-settings";
import { useWorkbenchStore } from "@/store/workbench-store";
import { Field } from "@/ui/field";
import { SelectField, type SelectOption } from "@/ui/select-field";
import { SnippetView } from "@/ui/snippet-view";

const CLOUD_OPTIONS: readonly SelectOption<Cloud>[] = [
  { value: "public", label: "Public (login.microsoftonline.com)" },
  { value: "usgov", label: "US Government (…microsoftonline.us)" },
  { value: "china", label: "China, 21Vianet (…chinacloudapi.cn)" },
  { value: "custom", label: "Custom authority host…" },
];

/** The key in a file the app reads, or in Azure Key Vault, which signs for the app (the certificate alone is on the page then). */
const LIBRARY_GROUPS: Readonly<Record<"file" | "key-vault", string>> = {
  file: "Key in a file (server.pem, server.pfx)",
  "key-vault": "Key in Azure Key Vault (the vault signs)",
};

const LIBRARY_OPTIONS: readonly SelectOption<LibraryId>[] = LIBRARIES.map((library) => ({ value: library.id, label: library.label, group: LIBRARY_GROUPS[library.keyIn ?? "file"] }));

type SnippetBuilder = typeof import("@/core/recipes/snippet-for-library").snippetForLibrary;

/**
 * The snippet builder, loaded once a credential is on the page: every recipe is needed to build one,
 * and they are kept out of the first screen's JavaScript (the choices above are not).
 */
function useSnippetBuilder(needed: boolean): SnippetBuilder | undefined {
  const [builder, setBuilder] = useState<SnippetBuilder>();
  useEffect(() => {
    if (!needed || builder) return;
    let current = true;
    void import("@/core/recipes/snippet-for-library").then(({ snippetForLibrary }) => {
      if (current) setBuilder(() => snippetForLibrary);
    });
    return () => {
      current = false;
    };
  }, [needed, builder]);
  return builder;
}

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
  const buildSnippet = useSnippetBuilder(Boolean(credential));
  const snippet = useMemo(
    () =>
      credential && buildSnippet ? buildSnippet(library.id, recipeInputsFromSettings(credential, settings)) : undefined,
    [credential, buildSnippet, library.id, settings],
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
        <SelectField label="Cloud" value={settings.cloud} options={CLOUD_OPTIONS} testId="cloud-select" onChange={(cloud) => setSetting("cloud", cloud)} />
      {settings.cloud === "custom" && (
        <Field label="Custom authority host" error={showError("customAuthority", settings.customAuthority)} hint="An https origin, e.g. https://login.example.com:8443 (Azure Stack, a test service).">
          {(props) => (
            <input {...props} className="input" value={settings.customAuthority} data-testid="custom-authority-input" autoComplete="off" spellCheck={false} onChange={(event) => setSetting("customAuthority", event.target.value)} placeholder="https://login.example.com" />
          )}
        </Field>
      )}
      </div>
      <SelectField label="Which library?" hint={library.note} value={library.id} options={LIBRARY_OPTIONS} testId="library-select" onChange={setLibrary} />
      {snippet ? (
        <SnippetView snippet={snippet} heading="h3" />
      ) : (
        <p className="text-sm text-muted" data-testid="code-waiting">
          {credential ? "Writing the code for your library…" : "Create or bring a credential in step 1: the code appears here with its thumbprint and file names."}
        </p>
      )}
    </div>
  );
}
