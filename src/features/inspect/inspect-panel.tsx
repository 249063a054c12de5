import { convertToBase64Url } from "@/core/jwt/jwt-base64url";
import { useWorkbenchStore } from "@/store/workbench-store";
import { Field } from "@/ui/field";
import { JwtDetails, JwtFieldTable } from "@/ui/jwt-details";
import { JwtParts } from "@/ui/jwt-parts";
import { Panel } from "@/ui/panel";
import { PanelBoundary } from "@/ui/panel-boundary";
import { useNow } from "@/ui/use-now";
import { JwtInput } from "./jwt-input";


const KIND_TEXT = {
  "client-assertion": "This is a client assertion: a JWT your app signs with its certificate's key to prove who it is.",
  "access-token": "This is an access token: Entra issued and signed it for an API.",
  other: "This is a JWT.",
} as const;

export function InspectPanel() {
  const inspectText = useWorkbenchStore((state) => state.inspectText);
  const inspection = useWorkbenchStore((state) => state.inspection);
  const setInspectText = useWorkbenchStore((state) => state.setInspectText);
  const resetInspection = useWorkbenchStore((state) => state.resetInspection);
  const hasCertificate = useWorkbenchStore((state) => Boolean(state.credential));
  const now = useNow(Boolean(inspection?.ok), 15_000);
  const failure = inspection && !inspection.ok ? inspection : undefined;

  return (
    <Panel
      id="inspect"
      title="Inspect a JWT"
      description={`Paste any JWT — a client assertion from MSAL's logs, or the access token that came back — to decode, verify and check it.${hasCertificate ? " Signatures are verified with the certificate on this page." : ""} Nothing you paste leaves the page.`}
    >
      <Field label="JWT to inspect" errorTestId="inspect-problem" error={failure?.problem}>
        {(props) => <JwtInput text={inspectText} onText={(text) => void setInspectText(text)} fieldProps={props} />}
      </Field>
      {failure?.standardBase64 && (
        <div className="flex flex-wrap items-center gap-2 text-sm">
          <button type="button" className="btn-secondary" data-testid="inspect-convert-base64url" onClick={() => void setInspectText(convertToBase64Url(inspectText))}>
            Convert to base64url
          </button>
          <span className="text-muted">Rewrites + as -, / as _ and drops = padding; the decoded bytes stay the same.</span>
        </div>
      )}
      {/* The decoded view fails alone: the pasted text stays editable, and "Try again" forgets the view that failed. */}
      <PanelBoundary name="Inspect result" onReset={resetInspection}>
        {failure?.encrypted && (
          <div className="flex min-w-0 flex-col gap-2" data-testid="inspect-jwe">
            <p className="text-sm text-muted">
              The protected header below is readable; the payload (the claims) is encrypted with enc, and only the recipient's key can decrypt it (kid, if present, names
              that key). This page does not hold it, so there are no claims or signature to show.
            </p>
            <JwtFieldTable caption="Protected header (JWE)" rows={failure.encrypted.headerFields} testId="inspect-jwe-header" />
          </div>
        )}
        {inspection?.ok && (
          <div className="flex min-w-0 flex-col gap-3" data-testid="inspect-result">
            <p className="text-sm text-muted" data-testid="inspect-kind" data-kind={inspection.kind}>
              {KIND_TEXT[inspection.kind]}
            </p>
            {/* The pasted box already shows the token: its coloured parts are folded, not a second full copy. */}
            <details className="fold" data-testid="inspect-parts-toggle">
              <summary>The token by part: header · payload · signature</summary>
              <JwtParts parts={inspection.parts} testId="inspect-parts" />
            </details>
            <JwtDetails inspection={inspection} testIdPrefix="inspect" now={now} />
          </div>
        )}
      </PanelBoundary>
    </Panel>
  );
}
