import { explainTokenError } from "@/core/token-request/aadsts";
import { readThumbprintUsedByClient } from "@/core/token-request/thumbprint-used-by-client";
import { selectFlaggedSecret } from "@/store/select-flagged-secret";
import { useWorkbenchStore } from "@/store/workbench-store";
import { CodeBlock } from "@/ui/code-block";
import { focusControlByTestId } from "@/ui/go-to-control";
import { JwtDetails } from "@/ui/jwt-details";
import { useNow } from "@/ui/use-now";
import type { TokenProxyEnvelope } from "@/entra/api-wire";

/** Where on the page each kind of fix is made: the control to focus. */
const fieldTargets: Record<string, { testId: string; label: string }> = {
  "assertion-form": { testId: "assertion-form", label: "Assertion form" },
  "client-id": { testId: "client-id-input", label: "Application (client) ID" },
  tenant: { testId: "tenant-input", label: "Directory (tenant) ID" },
  cloud: { testId: "cloud-select", label: "Cloud" },
  scope: { testId: "scope-input", label: "Scope (Resource for v1)" },
  certificate: { testId: "generate", label: "Generate (a new key and certificate)" },
  "client-secret": { testId: "client-secret-input", label: "Client secret" },
  federated: { testId: "fic-subject-input", label: "Federated credential" },
};

/**
 * For a certificate problem, the checks come before a new key: whether the portal holds this certificate,
 * and what the app registration holds (when that part of the page is there), then Generate.
 */
const certificateChecks: { testId: string; label: string }[] = [
  { testId: "portal-thumbprint-input", label: "Check the thumbprint the portal shows" },
  { testId: "registered-input", label: "Check what the app registration holds" },
];

/** Whether the page has that control now (the registered-credentials check is an optional part). */
function isOnPage(testId: string): boolean {
  return document.querySelector(`[data-testid="${testId}"]`) !== null;
}

export function TokenResponseView({ response }: { response: TokenProxyEnvelope }) {
  const accessToken = useWorkbenchStore((state) => state.accessTokenInspection);
  const now = useNow(Boolean(accessToken?.ok), 15_000);
  const explanation = response.status >= 400 ? explainTokenError(response.body) : undefined;
  const target = explanation?.field ? fieldTargets[explanation.field] : undefined;
  const pageThumbprints = useWorkbenchStore((state) => state.credential?.certificateDetails.thumbprints);
  const thumbprintUsed = explanation ? readThumbprintUsedByClient(response.body, pageThumbprints) : undefined;
  // A 7000215 for a value the page had already flagged: say that the flag was the reason.
  const flaggedSecret = useWorkbenchStore(selectFlaggedSecret);
  const checks = explanation?.field === "certificate" ? certificateChecks.filter((check) => isOnPage(check.testId)) : [];
  return (
    <div className="flex flex-col gap-3">
      <p className={`text-sm font-medium ${response.status < 400 ? "text-ok" : "text-danger"}`} data-testid="token-status">
        HTTP {response.status} in {Math.round(response.durationMs)} ms {response.status < 400 ? "— a token was issued." : "— Entra refused the request."}
      </p>
      {explanation && (
        <div className="flex flex-col gap-1 rounded border p-3 text-sm" data-testid="token-explanation" role="alert">
          <p className="font-semibold">
            AADSTS{explanation.code}: {explanation.meaning}
          </p>
          {thumbprintUsed && (
            <div className="flex flex-col gap-1" data-testid="token-thumbprint-used" data-certificate={thumbprintUsed.isPageCertificate === undefined ? "unknown" : thumbprintUsed.isPageCertificate ? "this-page" : "another"}>
              <p>
                Entra looked for {thumbprintUsed.digest} thumbprint <code className="break-all font-mono">{thumbprintUsed.hex}</code>
                {pageThumbprints && (
                  <>
                    ; this page&apos;s certificate is <code className="break-all font-mono">{thumbprintUsed.digest === "SHA-1" ? pageThumbprints.sha1Hex : pageThumbprints.sha256Hex}</code>
                  </>
                )}
                .
              </p>
              <p className="font-medium">{thumbprintUsed.meaning}</p>
            </div>
          )}
          {flaggedSecret && (
            <p className="font-medium" data-testid="token-secret-flagged">
              The page flagged this value before it was sent: {flaggedSecret}
            </p>
          )}
          <p>Likely fix: {explanation.fix}</p>
          {(checks.length > 0 || target) && (
            <div className="flex flex-wrap gap-2">
              {checks.map((check) => (
                <button key={check.testId} type="button" className="btn-secondary" onClick={() => focusControlByTestId(check.testId)}>
                  {check.label}
                </button>
              ))}
              {target && (
                <button type="button" className="btn-secondary" onClick={() => focusControlByTestId(target.testId)}>
                  Go to {target.label}
                </button>
              )}
            </div>
          )}
        </div>
      )}
      <CodeBlock label="Token endpoint response body" testId="token-response">
        {JSON.stringify(response.body, null, 2)}
      </CodeBlock>
      {accessToken?.ok && (
        <div className="flex flex-col gap-2" data-testid="access-token-details">
          <h3 className="font-medium">The access token, decoded</h3>
          <JwtDetails inspection={accessToken} testIdPrefix="access-token" now={now} />
        </div>
      )}
    </div>
  );
}
