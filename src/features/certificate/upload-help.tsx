import { useState } from "react";
import { comparePortalThumbprint } from "@/core/certificate/portal-thumbprint";
import type { CertificateThumbprints } from "@/core/certificate/thumbprints";
import { useWorkbenchStore } from "@/store/workbench-store";
import { Field } from "@/ui/field";
import { CodeRow } from "@/ui/code-row";

/**
 * App registrations in the Microsoft Entra admin center. Microsoft's documentation gives the way there
 * ("Browse to Identity > Applications > App registrations", learn.microsoft.com/entra/identity-platform/quickstart-register-app)
 * but no documented link straight to one app's Certificates & secrets page, so the page links to the list.
 */
const ENTRA_APP_REGISTRATIONS_URL = "https://entra.microsoft.com/#view/Microsoft_AAD_RegisteredApps/ApplicationsListBlade";

function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

const verdictStyle = { match: "text-ok", sha256: "text-warn", mismatch: "text-danger", malformed: "text-danger" } as const;

/** How to upload server.crt (portal or az), and a check that the portal holds this certificate. */
export function UploadHelp({ thumbprints }: { thumbprints: CertificateThumbprints }) {
  const clientId = useWorkbenchStore((state) => state.settings.clientId.trim());
  const cloud = useWorkbenchStore((state) => state.settings.cloud);
  const [pasted, setPasted] = useState("");
  const verdict = comparePortalThumbprint(pasted, thumbprints);
  const azCommand = `az ad app credential reset --id ${clientId === "" ? "<application (client) id>" : shellQuote(clientId)} --cert "@server.crt" --append`;
  return (
    <div className="flex flex-col gap-3" data-testid="upload-help">
      <h3 className="font-medium">Upload server.crt</h3>
      <ol className="list-decimal pl-5 text-sm">
        <li>
          {cloud === "public" ? (
            <a href={ENTRA_APP_REGISTRATIONS_URL} className="underline" target="_blank" rel="noreferrer noopener" data-testid="portal-link">
              Open App registrations in the Microsoft Entra admin center
            </a>
          ) : (
            "Open App registrations in your cloud's Entra admin center"
          )}
          , choose your app{clientId ? ` (client ID ${clientId})` : ""}, then Certificates &amp; secrets → Certificates → Upload certificate → server.crt.
        </li>
        <li>
          Or with the Azure CLI (--append keeps the app&apos;s other credentials):
          <CodeRow text={azCommand} label="Azure CLI upload command" testId="upload-az-command" copyTestId="copy-upload-az-command" className="mt-1" />
        </li>
      </ol>
      <Field label="Paste the thumbprint the portal shows" hint="After uploading, copy the Thumbprint column of the new certificate: this says whether it is the certificate on this page.">
        {(props) => (
          <input
            {...props}
            className="input font-mono"
            value={pasted}
            data-testid="portal-thumbprint-input"
            autoComplete="off"
            spellCheck={false}
            placeholder="e.g. 3F2504E04F8911D39A0C0305E82C3301A1B2C3D4"
            onChange={(event) => setPasted(event.target.value)}
          />
        )}
      </Field>
      <p
        className={`text-sm font-medium ${verdict.status === "empty" ? "text-muted" : verdictStyle[verdict.status]}`}
        role="status"
        data-testid="portal-thumbprint-verdict"
        data-status={verdict.status}
      >
        {verdict.status === "empty" ? "Nothing pasted yet." : verdict.message}
      </p>
    </div>
  );
}
