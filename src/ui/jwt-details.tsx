import type { JwtInspectionSuccess } from "@/core/assertion/inspect-jwt";
import { LintChecklist } from "./lint-checklist";

const signatureStyle: Record<JwtInspectionSuccess["signature"]["status"], string> = {
  valid: "text-ok",
  invalid: "text-danger",
  "not-checked": "text-muted",
  unsupported: "text-warn",
};

function FieldTable({ caption, rows }: { caption: string; rows: JwtInspectionSuccess["claims"] }) {
  return (
    <table className="w-full text-left text-sm">
      <caption className="text-left font-medium">{caption}</caption>
      <thead className="sr-only">
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Value</th>
          <th scope="col">Meaning</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.name} className="align-top" data-claim={row.name}>
            <th scope="row" className="pr-3 font-mono font-semibold">
              {row.name}
            </th>
            <td className="pr-3 font-mono break-all">
              {row.value}
              {row.time && (
                <div className="font-sans text-xs text-muted">
                  {row.time.utc} · {row.time.local} · {row.time.relative}
                </div>
              )}
            </td>
            <td className="text-muted">{row.explanation}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** A decoded JWT: header and claims explained, the signature verdict and the lint checklist. */
export function JwtDetails({ inspection, testIdPrefix }: { inspection: JwtInspectionSuccess; testIdPrefix: string }) {
  return (
    <div className="flex flex-col gap-4">
      <p className={`text-sm font-medium ${signatureStyle[inspection.signature.status]}`} data-testid={`${testIdPrefix}-signature`} data-signature-status={inspection.signature.status}>
        Signature: {inspection.signature.message}
      </p>
      <div className="grid gap-4 lg:grid-cols-2">
        <FieldTable caption="Header" rows={inspection.headerFields} />
        <FieldTable caption="Claims" rows={inspection.claims} />
      </div>
      {inspection.lint.length > 0 && (
        <div className="flex flex-col gap-2">
          <h3 className="font-medium">Checks Entra applies</h3>
          <LintChecklist items={inspection.lint} testId={`${testIdPrefix}-lint`} />
        </div>
      )}
    </div>
  );
}
