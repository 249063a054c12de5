import { useEffect, useId, useMemo, useRef, useState } from "react";
import { judgeCertificate } from "@/core/registered/judge-certificate";
import { judgeFederated, MAX_FEDERATED_CREDENTIALS } from "@/core/registered/judge-federated";
import { judgePolicy } from "@/core/registered/judge-policy";
import { judgeSecret } from "@/core/registered/judge-secret";
import { MAX_REGISTERED_PASTE_LABEL } from "@/core/registered/read-registered";
// The panel's actions load with it (registered-slice.ts imports them on first use): a paste makes no request.
import "@/store/lazy-registered-entry";
import type { RegisteredCertificate, RegisteredFederated, RegisteredSecret } from "@/core/registered/registered-credential";
import type { RegisteredVerdict } from "@/core/registered/registered-verdict";
import { useWorkbenchStore } from "@/store/workbench-store";
import { Field } from "@/ui/field";
import { useNow } from "@/ui/use-now";
import { CodeRow } from "@/ui/code-row";
import { MAX_EDITABLE_REGISTERED_CHARS, RegisteredInput } from "./registered-input";
import { RegisteredRows } from "./registered-rows";
import { RotationView } from "./rotation-view";
import { selectHasUnsavedKey } from "@/store/credential-slice";
import { UnsavedKeyQuestion } from "@/ui/unsaved-key-question";
import { VerdictLine } from "./registered-verdicts";

/** Typing pauses this long before the text is read again; a paste, a drop or a file is read at once. */
const READ_DELAY_MS = 300;

function commandsFor(appId: string): { label: string; command: string }[] {
  const id = appId === "" ? "<appId>" : appId;
  return [
    { label: "Certificates and secrets, with the object ID", command: `az ad app show --id ${id} --query "{id:id, appId:appId, keyCredentials:keyCredentials, passwordCredentials:passwordCredentials}"` },
    { label: "Federated credentials", command: `az ad app federated-credential list --id ${id}` },
    { label: "The tenant's default credential policy", command: 'az rest --url "https://graph.microsoft.com/v1.0/policies/defaultAppManagementPolicy"' },
  ];
}

export function RegisteredPanel() {
  const read = useWorkbenchStore((state) => state.registeredRead);
  const reading = useWorkbenchStore((state) => state.registeredReading);
  const error = useWorkbenchStore((state) => state.registeredError);
  const readRegistered = useWorkbenchStore((state) => state.readRegistered);
  const clientId = useWorkbenchStore((state) => state.settings.clientId.trim());
  const pageThumbprint = useWorkbenchStore((state) => state.credential?.certificateDetails.thumbprints.sha1Hex);
  const pageNotBefore = useWorkbenchStore((state) => state.credential?.certificateDetails.notBefore);
  const pageNotAfter = useWorkbenchStore((state) => state.credential?.certificateDetails.notAfter);
  const clientSecret = useWorkbenchStore((state) => state.clientSecret);
  const federatedInspection = useWorkbenchStore((state) => state.federatedInspection);
  const unsavedKey = useWorkbenchStore(selectHasUnsavedKey);
  const rotateCertificate = useWorkbenchStore((state) => state.rotateCertificate);
  const rotating = useWorkbenchStore((state) => state.registeredRotation?.status === "making" || state.generation.running);
  const [confirmingRotate, setConfirmingRotate] = useState<RegisteredCertificate | undefined>(undefined);
  const [text, setText] = useState("");
  const [mountedAt] = useState(() => new Date());
  const now = useNow(true, 60_000) ?? mountedAt;
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const fileInputId = useId();
  useEffect(() => () => clearTimeout(timer.current), []);

  const onText = (next: string, at: "now" | "soon" = "soon") => {
    setText(next);
    clearTimeout(timer.current);
    if (at === "now" || next.length > MAX_EDITABLE_REGISTERED_CHARS) void readRegistered(next);
    else timer.current = setTimeout(() => void readRegistered(next), READ_DELAY_MS);
  };

  const certificates = useMemo(() => (read?.rows ?? []).filter((row): row is RegisteredCertificate => row.kind === "certificate"), [read]);
  const secrets = useMemo(() => (read?.rows ?? []).filter((row): row is RegisteredSecret => row.kind === "secret"), [read]);
  const federated = useMemo(() => (read?.rows ?? []).filter((row): row is RegisteredFederated => row.kind === "federated"), [read]);
  const federatedCount = federated.length;
  const holdsKeys = read !== undefined && (certificates.length > 0 || read.application !== undefined);
  const holdsSecrets = read !== undefined && (secrets.length > 0 || read.application !== undefined);

  const certificateVerdict = useMemo(() => (holdsKeys && pageThumbprint ? judgeCertificate(pageThumbprint, certificates, now) : undefined), [holdsKeys, pageThumbprint, certificates, now]);
  const secretVerdict = useMemo(() => (holdsSecrets && clientSecret.trim() !== "" ? judgeSecret(clientSecret, secrets, now) : undefined), [holdsSecrets, clientSecret, secrets, now]);
  const tokenClaims = federatedInspection?.ok ? federatedInspection.payload : undefined;
  const federatedVerdict = useMemo(() => (federated.length > 0 && tokenClaims ? judgeFederated(tokenClaims, federated) : undefined), [federated, tokenClaims]);
  const policyVerdict = useMemo(
    () => (read && read.policies.length > 0 && pageNotBefore && pageNotAfter ? judgePolicy(read.policies, { notBefore: pageNotBefore, notAfter: pageNotAfter }) : undefined),
    [read, pageNotBefore, pageNotAfter],
  );

  const matched = useMemo(() => {
    const keys = new Set<string>();
    const add = (kind: string, verdict?: RegisteredVerdict) => verdict?.matchedKeyIds.forEach((keyId) => keys.add(`${kind}:${keyId}`));
    add("certificate", certificateVerdict);
    add("secret", secretVerdict);
    add("federated", federatedVerdict);
    return keys;
  }, [certificateVerdict, secretVerdict, federatedVerdict]);

  return (
    <div className="flex flex-col gap-4" data-testid="registered-panel">
      <p className="text-sm">
        See which of your app&apos;s credentials this page&apos;s certificate, secret or token will meet, and what expires. Copy what Entra holds with one of these commands (or the
        app&apos;s Manifest in the admin center) and paste the JSON below. It is read here, in the page: nothing pasted is stored or sent.
      </p>
      <ul className="flex flex-col gap-2 text-sm">
        {commandsFor(clientId).map(({ label, command }) => (
          <li key={label} className="flex flex-col gap-1">
            <span className="text-muted">{label}</span>
            <CodeRow text={command} label={label} />
          </li>
        ))}
      </ul>
      <Field label="What Entra has registered (JSON)" hint={`Several outputs may be pasted one after another. Up to ${MAX_REGISTERED_PASTE_LABEL}.`}>
        {(props) => <RegisteredInput text={text} onText={(next) => onText(next)} fieldProps={props} />}
      </Field>
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <label htmlFor={fileInputId} className="text-muted">
          Or open a saved .json file:
        </label>
        <input
          id={fileInputId}
          type="file"
          accept=".json,application/json,text/plain"
          className="text-sm"
          data-testid="registered-file"
          onChange={(event) => {
            const file = event.currentTarget.files?.[0];
            if (file) void file.text().then((fileText) => onText(fileText, "now"));
          }}
        />
        {/* In the file's row, its width kept whether it shows or not: nothing beside or below moves when "Reading…" comes and goes, and no blank line stands under the row. */}
        <span className="min-w-24 text-muted" role="status" aria-live="polite" data-testid="registered-reading">
          {reading ? "Reading…" : ""}
        </span>
      </div>
      {error && (
        <p className="text-sm font-medium text-danger" role="alert" data-testid="registered-error" data-code={error.code}>
          {error.message}
        </p>
      )}
      {read && (
        <div className="flex flex-col gap-3" data-testid="registered-result">
          <p className="text-sm" data-testid="registered-summary">
            Read {read.documents === 1 ? "one document" : `${String(read.documents)} documents`}: {String(certificates.length)} certificate{certificates.length === 1 ? "" : "s"},{" "}
            {String(secrets.length)} secret{secrets.length === 1 ? "" : "s"}, {String(federatedCount)} federated credential{federatedCount === 1 ? "" : "s"}
            {read.policies.length > 0 ? `, ${String(read.policies.length)} polic${read.policies.length === 1 ? "y" : "ies"}` : ""}
            {read.application?.appId ? ` (app ${read.application.appId})` : ""}.
          </p>
          {read.notes.map((note) => (
            <p key={note} className="text-sm text-muted">
              {note}
            </p>
          ))}
          <div className="flex flex-col gap-2" aria-label="Verdicts">
            {certificateVerdict && (
              <VerdictLine kind="certificate" verdict={certificateVerdict.verdict}>
                {certificateVerdict.message}
              </VerdictLine>
            )}
            {secretVerdict && (
              <VerdictLine kind="secret" verdict={secretVerdict.verdict}>
                {secretVerdict.message}
              </VerdictLine>
            )}
            {federatedVerdict && (
              <VerdictLine kind="federated" verdict={federatedVerdict.verdict}>
                {federatedVerdict.message}
              </VerdictLine>
            )}
            {federated.length > 0 && !tokenClaims && (
              <p className="text-sm text-muted" data-testid="registered-federated-hint">
                Paste the workload&apos;s token under Check and troubleshoot → Token request (Federated token) to see which of these it meets.
              </p>
            )}
            {federated.length > MAX_FEDERATED_CREDENTIALS && (
              <p className="text-sm font-medium text-warn" data-testid="registered-federated-limit">
                {federated.length} federated credentials: Entra allows at most {MAX_FEDERATED_CREDENTIALS} per app, so these cannot all be on one app (two apps&apos; lists pasted
                together?), and adding more fails.
              </p>
            )}
            {policyVerdict && (
              <VerdictLine kind="policy" verdict={policyVerdict.verdict}>
                {policyVerdict.message}
              </VerdictLine>
            )}
          </div>
          {confirmingRotate && unsavedKey && (
            <UnsavedKeyQuestion
              testId="confirm-rotate"
              framed
              discardLabel="Replace the unsaved key"
              discardTestId="confirm-rotate-replace"
              onDiscard={() => {
                setConfirmingRotate(undefined);
                void rotateCertificate(confirmingRotate.keyId);
              }}
              onKeep={() => setConfirmingRotate(undefined)}
            >
              The key on this page has not been saved. Making the successor replaces it on the page (the page keeps it only to sign addKey&apos;s proof), and it cannot be downloaded afterwards.
            </UnsavedKeyQuestion>
          )}
          <RotationView />
          <RegisteredRows
            rows={read.rows}
            now={now}
            matched={matched}
            appId={read.application?.appId ?? clientId}
            rotateDisabled={rotating}
            onRotate={(row) => {
              // An unsaved key would be lost for good: ask first, in the page, as Generate does.
              if (unsavedKey) setConfirmingRotate(row);
              else void rotateCertificate(row.keyId);
            }}
          />
        </div>
      )}
    </div>
  );
}
