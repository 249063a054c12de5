import { useWorkbenchStore } from "@/store/workbench-store";
import { Field } from "@/ui/field";
import { JwtDetails } from "@/ui/jwt-details";
import { JwtParts } from "@/ui/jwt-parts";
import { Panel } from "@/ui/panel";

export function InspectPanel() {
  const inspectText = useWorkbenchStore((state) => state.inspectText);
  const inspection = useWorkbenchStore((state) => state.inspection);
  const setInspectText = useWorkbenchStore((state) => state.setInspectText);
  const hasCertificate = useWorkbenchStore((state) => Boolean(state.credential));

  return (
    <Panel
      id="inspect"
      title="Inspect a JWT"
      description={`Paste any JWT — a client assertion from MSAL's logs, or the access token that came back — to decode, verify and check it.${hasCertificate ? " Signatures are verified with the certificate on this page." : ""} Nothing you paste leaves the page.`}
    >
      <Field label="JWT to inspect" errorTestId="inspect-problem" error={inspection && !inspection.ok ? inspection.problem : undefined}>
        {(props) => (
          <textarea
            {...props}
            className="input font-mono"
            rows={4}
            value={inspectText}
            data-testid="jwt-inspect-input"
            spellCheck={false}
            autoComplete="off"
            placeholder="eyJhbGciOi…"
            onChange={(event) => void setInspectText(event.target.value)}
          />
        )}
      </Field>
      {inspection?.ok && (
        <div className="flex flex-col gap-3" data-testid="inspect-result">
          <p className="text-sm text-muted" data-testid="inspect-kind">
            {inspection.kind === "client-assertion" ? "This is a client assertion." : inspection.kind === "access-token" ? "This is an access token." : "This is a JWT."}
          </p>
          <JwtParts parts={inspection.parts} />
          <JwtDetails inspection={inspection} testIdPrefix="inspect" />
        </div>
      )}
    </Panel>
  );
}
