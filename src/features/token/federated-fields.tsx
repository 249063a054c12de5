import { useState } from "react";
import { checkFederatedToken } from "@/core/federated/check-federated-token";
import { isFlexibleCredential } from "@/core/federated/federated-credential";
import { flexibleCredentialCommand, flexibleCredentialJson, objectIdCommand } from "@/core/federated/flexible-credential";
import { describeEdgeWhitespace } from "@/core/federated/quote-value";
import { federatedCredentialCommand, federatedCredentialJson, gitHubActionsWorkflow, kubernetesManifest } from "@/core/federated/registration-files";
import { useWorkbenchStore } from "@/store/workbench-store";
import { CodeBlock } from "@/ui/code-block";
import { CopyButton } from "@/ui/copy-button";
import { Field } from "@/ui/field";
import { HeldPasteTextarea } from "@/ui/held-paste-textarea";
import { JwtDetails } from "@/ui/jwt-details";
import { useNow } from "@/ui/use-now";
import { FederatedSubjectBuilder, initialSubjectBuilder, type SubjectBuilderState } from "./federated-subject-builder";

/** A block of text with its copy button. */
function CopyableBlock({ title, text, testId }: { title: string; text: string; testId: string }) {
  return (
    <div className="flex flex-col gap-2">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h4 className="font-medium">{title}</h4>
        <CopyButton text={text} label={title} />
      </div>
      <CodeBlock label={title} testId={testId}>
        {text}
      </CodeBlock>
    </div>
  );
}

interface PastedFieldProps {
  label: string;
  hint?: string;
  error?: string;
  errorTestId?: string;
  text: string;
  onText: (text: string) => void;
  /** The hooks are this with -input, -held and -clear. */
  testIdPrefix: string;
  noun: string;
  whereChecked: string;
  placeholder: string;
}

/** A labelled box for a pasted token or JWKS: a very long one is held out of the box and checked whole (held-paste-textarea.tsx). */
function PastedField({ label, hint, error, errorTestId, text, onText, testIdPrefix, noun, whereChecked, placeholder }: PastedFieldProps) {
  return (
    <Field label={label} hint={hint} error={error} errorTestId={errorTestId}>
      {(props) => (
        <HeldPasteTextarea
          text={text}
          onText={onText}
          fieldProps={props}
          testIds={{ input: `${testIdPrefix}-input`, held: `${testIdPrefix}-held`, clear: `${testIdPrefix}-clear` }}
          noun={noun}
          whereChecked={whereChecked}
          placeholder={placeholder}
          rows={3}
        />
      )}
    </Field>
  );
}

/**
 * The federated (workload identity) token: paste it, see it decoded, fill in the federated
 * credential as registered on the app, and get Entra's verdict before sending. The token stays in
 * memory only.
 */
export function FederatedFields() {
  const token = useWorkbenchStore((state) => state.federatedToken);
  const inspection = useWorkbenchStore((state) => state.federatedInspection);
  const credential = useWorkbenchStore((state) => state.federatedCredential);
  const jwks = useWorkbenchStore((state) => state.federatedJwks);
  const signature = useWorkbenchStore((state) => state.federatedSignature);
  const settings = useWorkbenchStore((state) => state.settings);
  const setToken = useWorkbenchStore((state) => state.setFederatedToken);
  const setField = useWorkbenchStore((state) => state.setFederatedCredentialField);
  const setJwks = useWorkbenchStore((state) => state.setFederatedJwks);
  const setMatchBy = useWorkbenchStore((state) => state.setFederatedMatchBy);
  const [builder, setBuilder] = useState<SubjectBuilderState>(initialSubjectBuilder);
  const ticking = useNow(Boolean(inspection?.ok), 15_000);
  const now = ticking ?? (inspection?.ok ? inspection.now : new Date());
  const verdict = inspection?.ok ? checkFederatedToken(inspection.payload, credential, now) : undefined;
  const signatureFails = signature && (signature.status === "invalid" || signature.status === "unknown-kid");
  // The token's own iss and sub, offered as a starting point for the credential (only string values).
  const tokenClaim = (name: "iss" | "sub"): string | undefined => {
    const value = inspection?.ok ? inspection.payload[name] : undefined;
    return typeof value === "string" && value !== "" ? value : undefined;
  };
  const tokenIss = tokenClaim("iss");
  const tokenSub = tokenClaim("sub");
  const flexible = isFlexibleCredential(credential);
  // Green only for a full match; neutral while the credential's fields are still empty; red for a mismatch.
  const verdictStyle = !verdict || verdict.state === "incomplete" ? "text-muted" : verdict.matches && !signatureFails ? "text-ok" : "text-danger";
  const registered = credential.issuer.trim() !== "" && (flexible ? (credential.expression ?? "").trim() !== "" : credential.subject.trim() !== "");
  // Entra keeps white space at the ends of a registered value and compares it: say so where it is typed.
  const edgeSpace = (value: string, field: string) => {
    const found = describeEdgeWhitespace(value);
    return found ? `The ${field} ${found}: Entra keeps it, so only a token whose value has it too will match. Remove it unless the token's has it.` : undefined;
  };

  return (
    <div className="flex flex-col gap-4">
      <PastedField
        label="External token (the workload's OIDC token)"
        hint="A GitHub Actions OIDC token, a Kubernetes service-account token, any JWT. Kept in this tab's memory only and sent only when you press Send."
        error={inspection && !inspection.ok ? inspection.problem : undefined}
        errorTestId="federated-token-problem"
        text={token}
        onText={(text) => void setToken(text)}
        testIdPrefix="federated-token"
        noun="token"
        whereChecked="is decoded and checked below"
        placeholder="eyJhbGciOi…"
      />
      {inspection?.ok && (
        <details data-testid="federated-token-details">
          <summary className="cursor-pointer font-medium">The token, decoded: iss, sub, aud and times explained</summary>
          <div className="mt-3">
            <JwtDetails inspection={inspection} testIdPrefix="federated-token" now={ticking} />
          </div>
        </details>
      )}
      <fieldset className="flex flex-col gap-3 rounded border p-3">
        <legend className="px-1 font-medium">The federated credential, as registered on the app</legend>
        {(tokenIss !== undefined || (tokenSub !== undefined && !flexible)) && (
          <div className="flex flex-col gap-2 text-sm" data-testid="fic-use-token-claims">
            <p className="text-muted">Not sure what is registered? Start from the pasted token&apos;s own values, then compare them with the credential on the app.</p>
            <div className="flex flex-wrap gap-2">
              {tokenIss !== undefined && (
                <button type="button" className="btn-secondary" data-testid="fic-use-token-iss" disabled={credential.issuer === tokenIss} onClick={() => setField("issuer", tokenIss)}>
                  Use the token&apos;s iss as the issuer
                </button>
              )}
              {tokenSub !== undefined && !flexible && (
                <button type="button" className="btn-secondary" data-testid="fic-use-token-sub" disabled={credential.subject === tokenSub} onClick={() => setField("subject", tokenSub)}>
                  Use the token&apos;s sub as the subject
                </button>
              )}
            </div>
          </div>
        )}
        <Field label="Issuer" hint="Must equal the token's iss exactly, e.g. https://token.actions.githubusercontent.com or the cluster's OIDC issuer URL." error={edgeSpace(credential.issuer, "issuer")} errorTestId="fic-issuer-problem">
          {(props) => <input {...props} className="input" value={credential.issuer} data-testid="fic-issuer-input" spellCheck={false} autoComplete="off" onChange={(event) => setField("issuer", event.target.value)} />}
        </Field>
        <Field label="Matched by" hint="A flexible credential (preview) matches by an expression instead of one subject: GitHub, GitLab and Terraform Cloud tokens only.">
          {(props) => (
            <select {...props} className="input" value={flexible ? "expression" : "subject"} data-testid="fic-match-by" onChange={(event) => setMatchBy(event.target.value === "expression" ? "expression" : "subject")}>
              <option value="subject">Subject (exact)</option>
              <option value="expression">Expression (flexible credential)</option>
            </select>
          )}
        </Field>
        {flexible ? (
          <Field label="Claims matching expression" hint="claims['sub'] matches 'repo:contoso/app:ref:refs/heads/*' and claims['repository_id'] eq '123': * any run of characters, ? one character; eq exact; clauses joined by and.">
            {(props) => <textarea {...props} className="input font-mono" rows={2} value={credential.expression ?? ""} data-testid="fic-expression-input" spellCheck={false} autoComplete="off" onChange={(event) => setField("expression", event.target.value)} />}
          </Field>
        ) : (
          <Field label="Subject" hint="Must equal the token's sub exactly, including capitals." error={edgeSpace(credential.subject, "subject")} errorTestId="fic-subject-problem">
            {(props) => <input {...props} className="input" value={credential.subject} data-testid="fic-subject-input" spellCheck={false} autoComplete="off" onChange={(event) => setField("subject", event.target.value)} />}
          </Field>
        )}
        <Field label="Audience" hint="api://AzureADTokenExchange unless your issuer can only use another value." error={edgeSpace(credential.audience, "audience")} errorTestId="fic-audience-problem">
          {(props) => <input {...props} className="input" value={credential.audience} data-testid="fic-audience-input" spellCheck={false} autoComplete="off" onChange={(event) => setField("audience", event.target.value)} />}
        </Field>
        <details data-testid="fic-subject-builder">
          <summary className="cursor-pointer text-sm font-medium">Build the subject (or one flexible credential) for GitHub Actions, GitLab, Terraform Cloud or Kubernetes</summary>
          <div className="mt-3">
            <FederatedSubjectBuilder
              state={builder}
              tokenSub={tokenSub}
              onChange={setBuilder}
              onUse={(built) => {
                if (built.expression !== undefined) {
                  setField("expression", built.expression);
                  setMatchBy("expression");
                  // Entra evaluates an expression only for its own few issuers: the builder's is the one to register.
                  if (built.issuer) setField("issuer", built.issuer);
                  return;
                }
                if (built.subject !== undefined) setField("subject", built.subject);
                setMatchBy("subject");
                if (built.issuer && credential.issuer.trim() === "") setField("issuer", built.issuer);
              }}
            />
          </div>
        </details>
      </fieldset>
      <div className="flex flex-col gap-2 rounded border p-3 wrap-break-word" data-testid="fic-verdict" role="status" aria-live="polite">
        <p className={`text-sm font-medium ${verdictStyle}`} data-testid="fic-verdict-summary" data-verdict-state={verdict?.state}>
          {!token.trim()
            ? "Paste the external token to check it against the federated credential."
            : !verdict
              ? "The token cannot be read, so it cannot be checked (see above)."
              : verdict.matches && signatureFails
                ? `Issuer, subject, audience and time match, but the signature does not: ${signature.message}`
                : verdict.summary}
        </p>
        {verdict && (
          <ul className="flex flex-col gap-1 text-sm">
            {verdict.checks.map((check) => (
              <li key={check.rule} className={check.ok ? "text-ok" : check.pending ? "text-muted" : "text-danger"} data-rule={check.rule} data-pending={check.pending ? "true" : undefined}>
                <span aria-hidden="true">{check.ok ? "✓" : check.pending ? "–" : "✗"}</span> <span className="sr-only">{check.ok ? "Pass: " : check.pending ? "Not checked yet: " : "Fail: "}</span>
                {check.message}
                {!check.ok && check.aadsts ? ` (AADSTS${String(check.aadsts)})` : ""}
              </li>
            ))}
            {signature && (
              <li className={signature.status === "valid" ? "text-ok" : signature.status === "not-checked" ? "text-muted" : "text-danger"} data-rule="signature" data-signature-status={signature.status}>
                {signature.status === "valid" ? "✓" : signature.status === "not-checked" ? "–" : "✗"} {signature.message}
              </li>
            )}
          </ul>
        )}
      </div>
      <details data-testid="fic-jwks">
        <summary className="cursor-pointer font-medium">Check the signature with the issuer's keys (JWKS)</summary>
        <div className="mt-3">
          <PastedField
            label="The issuer's JWKS (paste the document its jwks_uri returns; the page fetches nothing)"
            text={jwks}
            onText={(text) => void setJwks(text)}
            testIdPrefix="fic-jwks"
            noun="JWKS"
            whereChecked="checks the signature above"
            placeholder='{"keys": [...]}'
          />
        </div>
      </details>
      <details data-testid="fic-registration">
        <summary className="cursor-pointer font-medium">What to register, and the workload side</summary>
        {registered ? (
          <div className="mt-3 flex flex-col gap-4">
            {flexible ? (
              <>
                <CopyableBlock title="credential.json" text={flexibleCredentialJson({ issuer: credential.issuer, audience: credential.audience, expression: credential.expression ?? "" })} testId="fic-credential-json" />
                <p className="text-sm">
                  A flexible credential is registered through Microsoft Graph&apos;s beta API: <code>az ad app federated-credential</code> cannot create one. The URI names the app by its object ID, not its client ID; find it with <code className="break-all">{objectIdCommand(settings.clientId)}</code>.
                </p>
                <CopyableBlock title="Register it on the app" text={flexibleCredentialCommand()} testId="fic-az-command" />
              </>
            ) : (
              <>
                <CopyableBlock title="credential.json" text={federatedCredentialJson(credential)} testId="fic-credential-json" />
                <CopyableBlock title="Register it on the app" text={federatedCredentialCommand(settings.clientId)} testId="fic-az-command" />
              </>
            )}
            {builder.kind === "github" && (
              <CopyableBlock title="GitHub Actions workflow" text={gitHubActionsWorkflow({ parts: builder.github, clientId: settings.clientId, tenant: settings.tenant })} testId="fic-github-workflow" />
            )}
            {builder.kind === "kubernetes" && (
              <CopyableBlock title="Kubernetes service account and pod" text={kubernetesManifest({ parts: builder.kubernetes, clientId: settings.clientId, tenant: settings.tenant })} testId="fic-k8s-manifest" />
            )}
          </div>
        ) : (
          <p className="mt-3 text-sm text-muted">Fill in the issuer and the subject (or expression) above (the subject builder helps) to get credential.json and the workload's configuration.</p>
        )}
      </details>
    </div>
  );
}
