import { explainTokenError } from "@/core/token-request/aadsts";
import { useWorkbenchStore } from "@/store/workbench-store";
import { CodeBlock } from "@/ui/code-block";
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

function focusControl(testId: string) {
  const element = document.querySelector<HTMLElement>(`[data-testid="${testId}"]`);
  element?.scrollIntoView({ block: "center" });
  element?.focus();
}

export function TokenResponseView({ response }: { response: TokenProxyEnvelope }) {
  const accessToken = useWorkbenchStore((state) => state.accessTokenInspection);
  const now = useNow(Boolean(accessToken?.ok), 15_000);
  const explanation = response.status >= 400 ? explainTokenError(response.body) : undefined;
  const target = explanation?.field ? fieldTargets[explanation.field] : undefined;
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
          <p>Likely fix: {explanation.fix}</p>
          {target && (
            <button type="button" className="btn-secondary self-start" onClick={() => focusControl(target.testId)}>
              Go to {target.label}
            </button>
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
