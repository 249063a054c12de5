import { useEffect, useId, useMemo, useState } from "react";
import { addKeyCurlCommand } from "@/core/registered/addkey-command";
import { addKeyRequestBody } from "@/core/registered/addkey-proof";
import { certificateRotationSteps, type RotationStep } from "@/core/registered/rotation-steps";
import { graphResourceFor } from "@/core/token-request/graph-resources";
import { selectPageAccessToken, selectRegisteredObjectId } from "@/store/registered-slice";
import { useWorkbenchStore } from "@/store/workbench-store";
import { Field } from "@/ui/field";
import { ErrorMessage } from "@/ui/error-message";
import { CodeRow } from "@/ui/code-row";

/** The ordered steps: each a sentence and, where there is one, the command to copy. */
export function StepList({ steps, testId }: { steps: readonly RotationStep[]; testId?: string }) {
  return (
    <ol className="flex list-decimal flex-col gap-2 pl-5 text-sm [overflow-wrap:anywhere]" data-testid={testId}>
      {steps.map((step) => (
        <li key={step.title}>
          <span className="font-medium">{step.title}.</span> {step.detail}
          {step.command && (
            <CodeRow text={step.command} label={step.title} copyLabel={`${step.title}: command`} className="mt-1" />
          )}
        </li>
      ))}
    </ol>
  );
}

/** Graph's self-service roll: the proof signed by the old key and the addKey request (needs no admin). */
function AddKeyRoll({ newCertificateDer, proofJwt, proofError }: { newCertificateDer: Uint8Array; proofJwt?: string; proofError?: string }) {
  const objectIdTyped = useWorkbenchStore((state) => state.registeredObjectId);
  const objectId = useWorkbenchStore(selectRegisteredObjectId);
  const setObjectId = useWorkbenchStore((state) => state.setRegisteredObjectId);
  const signProof = useWorkbenchStore((state) => state.signRotationProof);
  const accessToken = useWorkbenchStore(selectPageAccessToken);
  const cloud = useWorkbenchStore((state) => state.settings.cloud);
  const [revealToken, setRevealToken] = useState(false);
  const revealId = useId();
  // A new object ID needs a new proof (iss is the object ID).
  useEffect(() => {
    void signProof();
  }, [objectId, signProof]);
  const command = useMemo(
    () => (proofJwt ? addKeyCurlCommand({ graphResource: graphResourceFor(cloud) ?? "https://graph.microsoft.com", objectId, body: addKeyRequestBody(newCertificateDer, proofJwt), accessToken, revealToken }) : undefined),
    [proofJwt, cloud, objectId, newCertificateDer, accessToken, revealToken],
  );
  return (
    <div className="flex flex-col gap-3" data-testid="rotation-addkey">
      <h4 className="font-medium">Or let the app roll its own key (Microsoft Graph addKey, no admin needed)</h4>
      <p className="text-sm">
        The page still holds the old certificate&apos;s key, so it can sign the proof of possession Graph asks for. addKey adds the new certificate beside the old one; it
        fails once every registered certificate has expired (then use the az command above). The proof lasts 10 minutes.
      </p>
      <Field label="Application object ID" hint="The app registration's Object ID (not the client ID); filled from a pasted az ad app show.">
        {(props) => (
          <input
            {...props}
            className="input font-mono"
            value={objectIdTyped}
            placeholder={objectId || "00000000-0000-0000-0000-000000000000"}
            data-testid="registered-object-id"
            autoComplete="off"
            spellCheck={false}
            onChange={(event) => setObjectId(event.target.value)}
          />
        )}
      </Field>
      {proofError && (
        <p className="text-sm text-warn" data-testid="rotation-proof-problem">
          {proofError}
        </p>
      )}
      {proofJwt && command && (
        <>
          <div className="flex flex-col gap-1 text-sm">
            <span className="text-muted">Proof of possession (RS256, signed by the old key; aud 00000002-0000-0000-c000-000000000000, iss the object ID)</span>
            <CodeRow text={proofJwt} label="addKey proof of possession" testId="rotation-proof-jwt" />
            <button type="button" className="btn-secondary self-start" data-testid="rotation-proof-refresh" onClick={() => void signProof()}>
              Sign a fresh proof
            </button>
          </div>
          <div className="flex flex-col gap-1 text-sm">
            <span className="text-muted">
              The request{accessToken ? " (with the access token from this page's token request: it must be for Microsoft Graph)" : " (set ACCESS_TOKEN to a Microsoft Graph token the app got, e.g. from the token request below)"}
            </span>
            <CodeRow text={command} label="addKey request" testId="rotation-addkey-command" />
            {accessToken && (
              <div className="flex items-center gap-2">
                <input id={revealId} type="checkbox" checked={revealToken} data-testid="rotation-reveal-token" onChange={(event) => setRevealToken(event.target.checked)} />
                <label htmlFor={revealId}>Reveal the access token in the command</label>
              </div>
            )}
          </div>
        </>
      )}
    </div>
  );
}

/** The rotation: old and new thumbprints side by side, the ordered steps, and Graph's self-service roll when possible. */
export function RotationView() {
  const rotation = useWorkbenchStore((state) => state.registeredRotation);
  const appId = useWorkbenchStore((state) => state.registeredRead?.application?.appId ?? state.settings.clientId.trim());
  const steps = useMemo(
    () => (rotation ? certificateRotationSteps({ appId, oldKeyId: rotation.oldKeyId, newThumbprint: rotation.newThumbprint, newNotAfter: rotation.newNotAfter }) : []),
    [rotation, appId],
  );
  if (!rotation) return null;
  return (
    <section className="flex flex-col gap-3 rounded border p-3" aria-labelledby="rotation-heading" data-testid="rotation" data-status={rotation.status}>
      <h4 id="rotation-heading" className="font-semibold">
        Rotate {rotation.oldDisplayName?.trim() ? `“${rotation.oldDisplayName}”` : "the certificate"} without an outage
      </h4>
      <dl className="grid gap-2 text-sm sm:grid-cols-2">
        <div>
          <dt className="text-muted">Old (registered) thumbprint</dt>
          <dd className="value-mono break-all" data-testid="rotation-old-thumbprint">
            {rotation.oldThumbprint ?? "not in the paste"}
          </dd>
        </div>
        <div>
          <dt className="text-muted">New thumbprint (on this page now)</dt>
          <dd className="value-mono break-all" data-testid="rotation-new-thumbprint">
            {rotation.newThumbprint ?? (rotation.status === "making" ? "making it…" : "not made")}
          </dd>
        </div>
      </dl>
      <p className="text-sm text-muted">
        The successor has its {rotation.copied}. Save server.crt and server.pem from step 2{rotation.holdsOldKey ? "; keep the old server.pem until step 4" : ""}.
      </p>
      {rotation.notes.map((note) => (
        <p key={note} className="text-sm text-warn">
          {note}
        </p>
      ))}
      <ErrorMessage message={rotation.error} testId="rotation-error" />
      {rotation.status === "ready" && <StepList steps={steps} testId="rotation-steps" />}
      {rotation.status === "ready" && rotation.newCertificateDer && rotation.holdsOldKey && (
        <AddKeyRoll newCertificateDer={rotation.newCertificateDer} proofJwt={rotation.proofJwt} proofError={rotation.proofError} />
      )}
      {rotation.status === "ready" && !rotation.holdsOldKey && (
        <p className="text-sm text-muted" data-testid="rotation-no-old-key">
          Graph&apos;s self-service roll (addKey) needs a proof signed by the old certificate&apos;s key, which this page did not hold: import the old key first to get it, or use the
          steps above.
        </p>
      )}
    </section>
  );
}
