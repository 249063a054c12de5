import { useEffect, useState } from "react";
import { validateAppSettings } from "@/store/assertion-slice";
import { useWorkbenchStore } from "@/store/workbench-store";
import { CodeBlock } from "@/ui/code-block";
import { CopyButton } from "@/ui/copy-button";
import { JwtDetails } from "@/ui/jwt-details";
import { JwtParts } from "@/ui/jwt-parts";
import { Panel } from "@/ui/panel";
import { AppSettingsForm } from "./app-settings-form";

export function AssertionPanel() {
  const credential = useWorkbenchStore((state) => state.credential);
  const settings = useWorkbenchStore((state) => state.settings);
  const assertion = useWorkbenchStore((state) => state.assertion);
  const assertionError = useWorkbenchStore((state) => state.assertionError);
  const inspection = useWorkbenchStore((state) => state.assertionInspection);
  const signAssertion = useWorkbenchStore((state) => state.signAssertion);
  const inspectAssertion = useWorkbenchStore((state) => state.inspectAssertion);
  const [now, setNow] = useState(() => Date.now());

  // Re-sign whenever the key or any setting the assertion depends on changes.
  useEffect(() => {
    void signAssertion();
  }, [credential, settings.tenant, settings.clientId, settings.cloud, settings.customAuthority, settings.version, settings.form, settings.lifetimeSeconds, settings.includeX5c, signAssertion]);

  // Times move on: re-check the shown assertion (expiry, "valid now") every few seconds.
  const jwt = assertion?.jwt;
  useEffect(() => {
    if (!jwt) return;
    const timer = window.setInterval(() => {
      setNow(Date.now());
      void inspectAssertion(jwt);
    }, 5000);
    return () => window.clearInterval(timer);
  }, [jwt, inspectAssertion]);

  const hasKey = Boolean(credential?.privateKey ?? credential?.privateKeyPkcs8Der);
  const settingErrors = validateAppSettings(settings);
  const fieldNames: Record<string, string> = { tenant: "Directory (tenant) ID", clientId: "Application (client) ID", customAuthority: "custom authority host", lifetimeSeconds: "lifetime" };
  const firstProblem = (Object.keys(settingErrors) as (keyof typeof settingErrors)[]).find((field) => field === "lifetimeSeconds" || String(settings[field]).trim() !== "");
  const waitingText = firstProblem
    ? `Fix the ${fieldNames[firstProblem] ?? firstProblem} above to see the assertion.`
    : "Fill in the tenant and client ID to see the assertion.";
  const expired = assertion ? assertion.payload.exp * 1000 <= now : false;
  return (
    <Panel
      id="assertion"
      title="3. Client assertion"
      description="The signed JWT MSAL sends instead of a client secret, built from the key and certificate on this page exactly as Entra expects it."
    >
      <AppSettingsForm />
      {!hasKey && <p className="text-sm text-muted">Generate or import a key and certificate to sign an assertion.</p>}
      {hasKey && !assertion && !assertionError && (
        <p className="text-sm text-muted" data-testid="assertion-waiting">
          {waitingText}
        </p>
      )}
      {assertionError && (
        <p className="text-sm text-danger" role="alert" data-testid="assertion-error">
          {assertionError}
        </p>
      )}
      {assertion && (
        <div className="flex flex-col gap-3">
          <div className="flex flex-wrap items-center gap-2">
            <h3 className="font-medium">The assertion</h3>
            <CopyButton text={assertion.jwt} label="client assertion" testId="copy-assertion" />
            <button type="button" className="btn-secondary" data-testid="resign-assertion" onClick={() => void signAssertion()}>
              Re-sign now
            </button>
            <span className="text-xs text-muted">New jti and times; valid {settings.lifetimeSeconds} s from signing.</span>
          </div>
          {expired && (
            <p className="text-sm font-medium text-danger" role="alert" data-testid="assertion-expired">
              This assertion has expired: Entra refuses it once its few minutes of clock tolerance are over (AADSTS700024). Press Re-sign now for a fresh one before copying it.
            </p>
          )}
          {inspection?.ok ? <JwtParts parts={inspection.parts} testId="assertion-jwt" /> : <CodeBlock testId="assertion-jwt">{assertion.jwt}</CodeBlock>}
          {assertion.warnings.map((warning) => (
            <p key={warning} className="text-sm text-warn">
              {warning}
            </p>
          ))}
          {inspection?.ok && <JwtDetails inspection={inspection} testIdPrefix="assertion" />}
        </div>
      )}
    </Panel>
  );
}
