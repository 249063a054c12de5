import { useEffect, useState } from "react";
import { externalSignCommands, type ExternalSignCommandId } from "@/core/assertion/external-sign-commands";
import { SHAPE_NAMES } from "@/core/assertion/read-pasted-signature";
import { requestMatchesSettings } from "@/store/external-sign-slice";
// The panel's actions load with it (external-sign-slice.ts imports them on first use).
import "@/store/lazy-external-sign-entry";
import { useWorkbenchStore } from "@/store/workbench-store";
import { CodeBlock } from "@/ui/code-block";
import { CopyButton } from "@/ui/copy-button";
import { Field } from "@/ui/field";
import { useNow } from "@/ui/use-now";
import { ValueRow } from "@/ui/value-row";
import { ErrorMessage } from "@/ui/error-message";

const TOOLS: readonly { id: ExternalSignCommandId; label: string }[] = [
  { id: "az-name", label: "Azure CLI — vault and key name" },
  { id: "az-id", label: "Azure CLI — key identifier" },
  { id: "rest", label: "Key Vault REST API" },
  { id: "openssl", label: "OpenSSL — key file, smart card or HSM" },
];

function timeLeft(seconds: number): string {
  if (seconds <= 0) return "expired";
  const minutes = Math.floor(seconds / 60);
  return minutes > 0 ? `${String(minutes)} min ${String(seconds % 60).padStart(2, "0")} s left` : `${String(seconds)} s left`;
}

/** The assertion panel when the page holds a certificate without its key: sign the digest where the key lives, paste the signature back. */
export function ExternalSign() {
  const externalSign = useWorkbenchStore((state) => state.externalSign);
  const settings = useWorkbenchStore((state) => state.settings);
  const start = useWorkbenchStore((state) => state.startExternalSigning);
  const setSignature = useWorkbenchStore((state) => state.setExternalSignature);
  const [tool, setTool] = useState<ExternalSignCommandId>("az-name");
  const [vaultName, setVaultName] = useState("");
  const [keyName, setKeyName] = useState("");
  const { request, verdict, pasted, error } = externalSign;
  const now = useNow(Boolean(request), 1_000) ?? new Date();

  // The header and claims are fixed at the start; a setting they depend on changing makes a new digest (and a
  // signature for the old one is then named as such).
  const stale = request ? !requestMatchesSettings(request, settings) : false;
  useEffect(() => {
    if (stale) void start();
  }, [stale, start]);

  const secondsLeft = request ? request.payload.exp - Math.floor(now.getTime() / 1000) : 0;
  const command = request ? externalSignCommands(request, { vaultName, keyName }).find((candidate) => candidate.id === tool) : undefined;

  return (
    <section className="flex flex-col gap-3" aria-labelledby="external-sign-title" data-testid="external-sign">
      <h4 id="external-sign-title" className="font-medium">
        Sign elsewhere
      </h4>
      <p className="text-sm text-muted" data-testid="assertion-no-key">
        The certificate on this page has no private key. If the key lives in Azure Key Vault, an HSM or on a smart card, sign there: the page fixes the header and
        claims, you sign their digest where the key is, and paste the signature back. (Or import the key — server.pem, or a PFX holding both — to sign here.)
      </p>
      <div className="flex flex-wrap items-center gap-2">
        <button type="button" className={request ? "btn-secondary" : "btn-primary"} data-testid="external-sign-start" onClick={() => void start()}>
          {request ? "Start again" : "Sign elsewhere"}
        </button>
        {request && (
          <span className={secondsLeft > 0 ? "text-sm text-muted tabular-nums" : "text-sm font-medium text-danger"} data-testid="external-sign-expiry" aria-live="off">
            {secondsLeft > 0 ? `Fixed at the start (jti ${request.payload.jti}): ${timeLeft(secondsLeft)} before it expires.` : "Expired: Entra refuses it now (AADSTS700024). Press Start again and sign the new digest."}
          </span>
        )}
      </div>
      <ErrorMessage message={error} testId="external-sign-error" />
      {request && (
        <>
          <details className="text-sm">
            <summary className="cursor-pointer">Header and claims being signed ({request.header.alg})</summary>
            <CodeBlock label="Header and claims being signed" testId="external-sign-claims">
              {`${JSON.stringify(request.header, null, 2)}\n${JSON.stringify(request.payload, null, 2)}`}
            </CodeBlock>
          </details>
          <dl className="flex flex-col gap-3" data-testid="external-sign-digest">
            <ValueRow
              label="Digest to sign (SHA-256, base64)"
              value={request.digestBase64}
              testId="external-sign-digest-base64"
              copyLabel="digest in base64"
              hint="What az keyvault key sign --digest takes."
              unbroken
            />
            <ValueRow label="The same digest in base64url" value={request.digestBase64Url} testId="external-sign-digest-base64url" copyLabel="digest in base64url" hint="What the Key Vault REST sign operation takes as value." unbroken />
          </dl>
          <div className="grid gap-3 sm:grid-cols-3 [&>*]:min-w-0">
            <Field label="Sign with">
              {(props) => (
                <select {...props} className="input" value={tool} data-testid="external-sign-tool" onChange={(event) => setTool(event.target.value as ExternalSignCommandId)}>
                  {TOOLS.map((choice) => (
                    <option key={choice.id} value={choice.id}>
                      {choice.label}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field label="Key Vault name (optional)">
              {(props) => <input {...props} className="input" value={vaultName} autoComplete="off" spellCheck={false} placeholder="contoso-kv" onChange={(event) => setVaultName(event.target.value)} />}
            </Field>
            <Field label="Key name (optional)">
              {(props) => <input {...props} className="input" value={keyName} autoComplete="off" spellCheck={false} placeholder="app-cert" onChange={(event) => setKeyName(event.target.value)} />}
            </Field>
          </div>
          {command && (
            <div className="flex flex-col gap-2">
              <div className="flex flex-wrap items-center gap-2">
                <h5 className="text-sm font-medium">{command.title}</h5>
                <CopyButton text={command.code} label={command.title} testId="copy-external-sign-command" />
              </div>
              <p className="text-xs text-muted">{command.description}</p>
              <CodeBlock label={command.title} testId="external-sign-command" code>
                {command.code}
              </CodeBlock>
            </div>
          )}
          <Field label="Signature, as the signer printed it" hint="az's JSON, the REST answer, or the signature alone in base64 or base64url. It stays on this page.">
            {(props) => (
              <textarea
                {...props}
                className="input min-h-24 font-mono text-xs"
                value={pasted}
                spellCheck={false}
                autoComplete="off"
                data-testid="external-sign-input"
                onChange={(event) => void setSignature(event.target.value)}
              />
            )}
          </Field>
          <p
            className={verdict ? (verdict.valid ? "text-sm font-medium text-ok" : "text-sm text-danger") : "text-sm text-muted"}
            role="status"
            data-testid="external-sign-verdict"
            data-verdict={verdict ? (verdict.valid ? "valid" : "invalid") : undefined}
            data-reason={verdict && !verdict.valid ? verdict.reason : undefined}
          >
            {verdict
              ? `${verdict.valid ? "Valid. " : "Refused: "}${verdict.message}${verdict.shape ? ` Read as ${SHAPE_NAMES[verdict.shape]}.` : ""}`
              : "Paste the signature: the page checks it against the certificate's public key before anything is sent."}
          </p>
        </>
      )}
    </section>
  );
}
