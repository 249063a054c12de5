import { useEffect } from "react";
import { describeSettingsProblem, firstSettingProblem, SETTING_CONTROLS, validateAppSettings } from "@/core/token-request/app-settings";
import { placeInTimeWindow } from "@/core/jwt/time-window";
import { useShallow } from "zustand/react/shallow";
import { selectAssertionInputs } from "@/store/assertion-slice";
import { selectHasKey } from "@/store/credential-slice";
import { useWorkbenchStore } from "@/store/workbench-store";
import { CodeBlock } from "@/ui/code-block";
import { GoToControl } from "@/ui/go-to-control";
import { CopyButton } from "@/ui/copy-button";
import { JwtDetails } from "@/ui/jwt-details";
import { JwtParts } from "@/ui/jwt-parts";
import { Panel } from "@/ui/panel";
import { useNow } from "@/ui/use-now";
import { ErrorMessage } from "@/ui/error-message";
import { AppSettingsForm } from "./app-settings-form";
import { ExternalSign } from "./external-sign";

export function AssertionPanel() {
  const credential = useWorkbenchStore((state) => state.credential);
  const settings = useWorkbenchStore((state) => state.settings);
  const assertion = useWorkbenchStore((state) => state.assertion);
  const assertionError = useWorkbenchStore((state) => state.assertionError);
  const inspection = useWorkbenchStore((state) => state.assertionInspection);
  const signAssertion = useWorkbenchStore((state) => state.signAssertion);

  const hasKey = useWorkbenchStore(selectHasKey);
  // A client secret or a federated token is sent without any assertion of ours: this panel is no step on that path.
  const certificateMethod = useWorkbenchStore((state) => state.authMethod === "certificate");
  // Re-sign whenever the store says what the assertion is made from has changed.
  const assertionInputs = useWorkbenchStore(useShallow(selectAssertionInputs));
  useEffect(() => {
    void signAssertion();
  }, [assertionInputs, signAssertion]);

  // Times move on: relative times, the time checks and the expiry line follow the clock.
  const ticked = useNow(Boolean(assertion));

  const settingsProblems = validateAppSettings(settings);
  const waitingText = (describeSettingsProblem(settingsProblems, settings) ?? "Fill in the tenant and client ID.") + " The assertion appears here then.";
  const firstProblem = firstSettingProblem(settingsProblems);
  const expired = assertion && ticked ? placeInTimeWindow({ expires: assertion.payload.exp }, ticked).state === "expired" : false;
  return (
    <Panel
      id="assertion"
      title="Client assertion"
      description="The signed JWT MSAL sends instead of a client secret, built from the key and certificate on this page exactly as Entra expects it."
    >
      {!certificateMethod && (
        <p className="text-sm text-muted" data-testid="assertion-not-needed">
          Not needed for the method chosen in the Token request below: a client secret or a federated token is sent as it is, with no assertion. This panel is for a
          certificate credential.
        </p>
      )}
      <AppSettingsForm />
      {!credential && certificateMethod && (
        <p className="text-sm text-muted" data-testid="assertion-no-key">
          Generate or import a key and certificate to sign an assertion.
        </p>
      )}
      {credential && !hasKey && <ExternalSign />}
      {hasKey && !assertion && !assertionError && (
        <div className="flex flex-wrap items-center gap-2">
          <p className="text-sm text-muted" data-testid="assertion-waiting">
            {waitingText}
          </p>
          {firstProblem && <GoToControl testId={SETTING_CONTROLS[firstProblem]} label="Go to the field" buttonTestId="assertion-go-to-setting" />}
        </div>
      )}
      <ErrorMessage message={assertionError} testId="assertion-error" />
      {assertion && (
        <div className="flex flex-col gap-3">
          <div className="flex flex-wrap items-center gap-2">
            <h4 className="font-medium">The assertion</h4>
            <CopyButton text={assertion.jwt} label="client assertion" testId="copy-assertion" />
            {hasKey ? (
              <>
                <button type="button" className="btn-secondary" data-testid="resign-assertion" onClick={() => void signAssertion()}>
                  Re-sign now
                </button>
                <span className="text-xs text-muted">New jti and times; valid {settings.lifetimeSeconds} s from signing.</span>
              </>
            ) : (
              <span className="text-xs text-muted">Signed where the key lives; Start again above for a new one.</span>
            )}
          </div>
          {expired && (
            <p className="text-sm font-medium text-danger" role="alert" data-testid="assertion-expired">
              This assertion has expired: Entra refuses it once its few minutes of clock tolerance are over (AADSTS700024). {hasKey ? "Press Re-sign now for a fresh one before copying it." : "Press Start again above and sign the new digest."}
            </p>
          )}
          {inspection?.ok ? <JwtParts parts={inspection.parts} testId="assertion-jwt" /> : <CodeBlock testId="assertion-jwt">{assertion.jwt}</CodeBlock>}
          {assertion.warnings.map((warning) => (
            <p key={warning} className="text-sm text-warn">
              {warning}
            </p>
          ))}
          {inspection?.ok && <JwtDetails inspection={inspection} testIdPrefix="assertion" now={ticked} />}
        </div>
      )}
    </Panel>
  );
}
