import { useEffect, useState } from "react";
import { buildClientCredentialsForm } from "@/core/token-request/client-credentials-form";
import { curlCommandFor } from "@/core/token-request/curl-command";
import { scopeCloudMismatch } from "@/core/token-request/graph-resources";
import type { ScopeFix } from "@/core/token-request/default-scope";
import { checkTargetField } from "@/core/token-request/target-field";
import { tokenEndpointFromSettings } from "@/core/token-request/app-settings";
import { tokenRequestBlockers } from "@/core/token-request/request-blockers";
import { AUTH_METHOD_CHOICES, credentialBlocker, formForChosenCredential } from "@/store/client-auth-slice";
import { selectHasKey } from "@/store/credential-slice";
import { selectSignedElsewhere } from "@/store/external-sign-slice";
import { selectCanSendTokenRequest } from "@/store/token-slice";
import { useWorkbenchStore } from "@/store/workbench-store";
import { CodeBlock } from "@/ui/code-block";
import { CopyButton } from "@/ui/copy-button";
import { GoToControl } from "@/ui/go-to-control";
import { Field } from "@/ui/field";
import { SelectField } from "@/ui/select-field";
import { Panel } from "@/ui/panel";
import { ErrorMessage } from "@/ui/error-message";
import { ClientSecretFields } from "./client-secret-fields";
import { FederatedFields } from "./federated-fields";
import { TokenResponseView } from "./token-response-view";

/** A warning under the scope field with the one-click change that resolves it. */
function ScopeAdvice({ message, fix, testId, onFix }: { message?: string; fix?: ScopeFix; testId: string; onFix: (value: string) => void }) {
  if (!message && !fix) return null;
  return (
    <div className="flex flex-wrap items-center gap-3" data-testid={testId}>
      {message && <p className="text-sm text-warn">{message}</p>}
      {fix && (
        <button type="button" className="btn-secondary" data-testid={`${testId}-fix`} onClick={() => onFix(fix.value)}>
          {fix.label}
        </button>
      )}
    </div>
  );
}

export function TokenPanel() {
  const settings = useWorkbenchStore((state) => state.settings);
  const setSetting = useWorkbenchStore((state) => state.setSetting);
  const proxy = useWorkbenchStore((state) => state.proxy);
  const checkProxy = useWorkbenchStore((state) => state.checkProxy);
  const tokenRequest = useWorkbenchStore((state) => state.tokenRequest);
  const sendTokenRequest = useWorkbenchStore((state) => state.sendTokenRequest);
  const assertionJwt = useWorkbenchStore((state) => state.assertion?.jwt);
  const hasKey = useWorkbenchStore(selectHasKey);
  // Without the key, a signature made where the key lives and verified on the page (Sign elsewhere) is what is sent.
  const signedElsewhere = useWorkbenchStore(selectSignedElsewhere);
  const canSend = useWorkbenchStore(selectCanSendTokenRequest);
  const [revealAssertion, setRevealAssertion] = useState(false);
  const [revealSecret, setRevealSecret] = useState(false);
  const authMethod = useWorkbenchStore((state) => state.authMethod);
  const setAuthMethod = useWorkbenchStore((state) => state.setAuthMethod);
  const clientSecret = useWorkbenchStore((state) => state.clientSecret);
  const federatedToken = useWorkbenchStore((state) => state.federatedToken);
  // Computed here, not in a selector: a selector must not build a new object on every call.
  const chosenForm = formForChosenCredential({ authMethod, clientSecret, federatedToken, settings });
  const credentialProblem = credentialBlocker({ authMethod, clientSecret, federatedToken });
  const usesCertificate = authMethod === "certificate";

  useEffect(() => {
    void checkProxy();
  }, [checkProxy]);

  const { scope, clientId, version, cloud } = settings;
  const tokenEndpoint = tokenEndpointFromSettings(settings);
  const target = checkTargetField(scope, version, settings.cloud);
  const cloudMismatch = scopeCloudMismatch({ cloud, scope, version });
  const blockers = tokenRequestBlockers(settings, proxy);
  const shownForm = usesCertificate ? (assertionJwt ? buildClientCredentialsForm({ clientId, scope, clientAssertion: assertionJwt, version }) : undefined) : credentialProblem ? undefined : chosenForm;
  const curl = tokenEndpoint && shownForm ? curlCommandFor({ tokenEndpoint, form: shownForm, revealAssertion, revealSecret }) : undefined;
  // Copy always copies a command that works: the assertion or federated token included, even while the
  // screen hides it. A client secret only while it is shown: it does not expire in minutes.
  const curlToCopy = tokenEndpoint && shownForm ? curlCommandFor({ tokenEndpoint, form: shownForm, revealAssertion: true, revealSecret: true }) : undefined;
  const applyScope = (value: string) => setSetting("scope", value);

  return (
    <Panel
      id="token"
      title="Token request"
      description="Sends the client-credentials request — with a freshly signed assertion, a client secret or a federated token — through this workbench's own local proxy: Entra's token endpoint does not accept calls from a browser page."
    >
      <SelectField label="Authenticate with" hint="Tenant, client ID, cloud and scope are shared by all three." value={authMethod} options={AUTH_METHOD_CHOICES} testId="auth-method" onChange={setAuthMethod} />
      {authMethod === "secret" && <ClientSecretFields revealed={revealSecret} onRevealedChange={setRevealSecret} tokenEndpoint={tokenEndpoint} />}
      {authMethod === "federated" && <FederatedFields />}
      <Field label={target.label} error={target.error} hint={target.hint} errorTestId="scope-error">
        {(props) => (
          <input {...props} className="input" value={scope} data-testid="scope-input" spellCheck={false} autoComplete="off" onChange={(event) => setSetting("scope", event.target.value)} />
        )}
      </Field>
      <ScopeAdvice message={target.notice} fix={target.fix} testId="scope-format-advice" onFix={applyScope} />
      <ScopeAdvice message={cloudMismatch?.message} fix={cloudMismatch?.fix} testId="scope-cloud-advice" onFix={applyScope} />
      {blockers.authority && (
        <div className="flex flex-col gap-2 text-sm text-danger" role="alert" data-testid="authority-not-allowed">
          <p>{blockers.authority}</p>
          {blockers.authorityRestartCommand && (
            <div className="flex items-start gap-2">
              <code className="value-mono">{blockers.authorityRestartCommand}</code>
              <CopyButton text={blockers.authorityRestartCommand} label="restart command" />
            </div>
          )}
        </div>
      )}
      <div className="flex flex-wrap items-center gap-3">
        <button type="button" className="btn-primary" data-testid="send-token-request" disabled={!canSend} onClick={() => void sendTokenRequest()}>
          {tokenRequest.running ? "Sending…" : "Send token request"}
        </button>
        <span className="text-sm text-muted" data-testid="proxy-status" role="status">
          {proxy.status === "checking" && "Looking for the proxy…"}
          {proxy.status === "available" &&
            (blockers.settings ?? (tokenEndpoint ? `Via the local proxy to ${new URL(tokenEndpoint).host}${blockers.authority ? " is not allowed (see above)" : ""}` : "Fill in tenant and client ID in step 3 (Use it in code)."))}
          {proxy.status === "unavailable" && proxy.reason}
        </span>
        {proxy.status === "available" && blockers.settingsControl && <GoToControl testId={blockers.settingsControl} label="Go to the field" buttonTestId="token-go-to-setting" />}
      </div>
      {usesCertificate && !hasKey && !signedElsewhere && (
        <p className="text-sm text-muted" data-testid="certificate-not-ready">
          Generate or import a key first — or, with only the certificate here, sign the digest where the key lives and paste the signature in the Client assertion panel.
        </p>
      )}
      {!usesCertificate && credentialProblem && (
        <p className="text-sm text-muted" data-testid="credential-missing">
          {credentialProblem}
        </p>
      )}
      <ErrorMessage message={tokenRequest.error} testId="token-error" />
      {tokenRequest.response && <TokenResponseView response={tokenRequest.response} />}
      {curl && (
        <div className="flex flex-col gap-2">
          <div className="flex flex-wrap items-center gap-3">
            <h4 className="font-medium">The same request with curl</h4>
            {authMethod !== "secret" && (
              <label className="flex items-center gap-2 text-sm">
                <input type="checkbox" checked={revealAssertion} data-testid="reveal-assertion" onChange={(event) => setRevealAssertion(event.target.checked)} />
                {usesCertificate ? "Reveal the assertion (it is a credential until it expires)" : "Reveal the federated token (it is a credential until it expires)"}
              </label>
            )}
            {authMethod === "secret" && <span className="text-sm text-muted">The command shows the secret only while it is shown (Show, above).</span>}
            <CopyButton text={curlToCopy ?? curl} label={authMethod === "secret" ? "curl command, secret included" : usesCertificate ? "curl command, assertion included" : "curl command, federated token included"} testId="copy-curl" />
            {/* One rule for every credential, stated where it applies: what is copied is the request that works. */}
            <span className="text-xs text-muted" data-testid="copy-curl-rule">
              Copy includes the {authMethod === "secret" ? "secret" : usesCertificate ? "assertion" : "federated token"} even while it is hidden here.
            </span>
          </div>
          <CodeBlock label="curl command" testId="curl-command" code>
            {curl}
          </CodeBlock>
        </div>
      )}
    </Panel>
  );
}
