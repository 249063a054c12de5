import { useState } from "react";
import { describeRegisteredStatus, type RegisteredStatusKind } from "@/core/registered/registered-status";
import type { RegisteredRow } from "@/core/registered/registered-credential";
import { secretRotationSteps } from "@/core/registered/rotation-steps";
import { StepList } from "./rotation-view";

/** Rows drawn at a time: thousands of rows in one render would hold the page; more on request. */
const FIRST_ROWS = 100;

const statusStyle: Record<RegisteredStatusKind, string> = { expired: "text-danger", "expiring-soon": "text-warn", "not-yet-valid": "text-danger", valid: "text-ok", undated: "text-muted" };
const kindLabel = { certificate: "Certificate", secret: "Client secret", federated: "Federated credential" } as const;

const day = (iso?: string) => (iso === undefined ? "?" : iso.slice(0, 10));

function CertificateFacts({ row }: { row: Extract<RegisteredRow, { kind: "certificate" }> }) {
  const identifier = row.customKeyIdentifier;
  return (
    <>
      <div className="flex flex-wrap gap-x-2">
        <span className="text-muted">Thumbprint (SHA-1):</span>
        <span className="value-mono break-all" data-testid="registered-thumbprint">
          {row.thumbprint ?? "not in the paste"}
        </span>
        {row.thumbprintFrom === "key" && <span className="text-muted">(computed from the certificate in key)</span>}
      </div>
      {identifier?.form === "custom" && (
        <p className="text-muted">
          customKeyIdentifier is a custom identifier{identifier.text !== undefined ? <> (“{identifier.text}”)</> : null}, not a thumbprint.
          {row.thumbprint === undefined ? " Paste az ad app show --id <appId> (it includes the certificate) to compare this one." : ""}
        </p>
      )}
      {row.identifierMismatch && <p className="text-warn">{row.identifierMismatch}</p>}
    </>
  );
}

function FederatedFacts({ row }: { row: Extract<RegisteredRow, { kind: "federated" }> }) {
  return (
    <dl className="grid grid-cols-[auto_1fr] gap-x-2">
      <dt className="text-muted">Issuer</dt>
      <dd className="value-mono break-all">{row.issuer}</dd>
      {row.claimsMatchingExpression ? (
        <>
          <dt className="text-muted">Expression</dt>
          <dd className="value-mono break-all">{row.claimsMatchingExpression.value}</dd>
        </>
      ) : (
        <>
          <dt className="text-muted">Subject</dt>
          <dd className="value-mono break-all">{row.subject ?? "none"}</dd>
        </>
      )}
      <dt className="text-muted">Audiences</dt>
      <dd className="value-mono break-all">{row.audiences.join(", ") || "none"}</dd>
    </dl>
  );
}

interface RegisteredRowsProps {
  rows: readonly RegisteredRow[];
  now: Date;
  matched: ReadonlySet<string>;
  /** The Rotate button of a certificate row, from the panel (it asks first when the page's key is unsaved). */
  onRotate?: (row: Extract<RegisteredRow, { kind: "certificate" }>) => void;
  rotateDisabled?: boolean;
  /** For the secret's replacement commands. */
  appId: string;
}

/** The replacement's end date: as long from today as the old secret lasted (a year when that is unknown). */
function nextEndDate(row: Extract<RegisteredRow, { kind: "secret" }>, now: Date): string {
  const lasted = row.startDateTime && row.endDateTime ? Date.parse(row.endDateTime) - Date.parse(row.startDateTime) : Number.NaN;
  const length = Number.isFinite(lasted) && lasted > 0 ? lasted : 365 * 86_400_000;
  return new Date(now.getTime() + length).toISOString().slice(0, 10);
}

export function RegisteredRows({ rows, now, matched, onRotate, rotateDisabled, appId }: RegisteredRowsProps) {
  const [limit, setLimit] = useState(FIRST_ROWS);
  const shown = rows.slice(0, limit);
  return (
    <>
      <ul className="flex flex-col gap-2" aria-label="Registered credentials">
        {shown.map((row, index) => {
          const status = row.kind === "federated" ? undefined : describeRegisteredStatus(row, now);
          const isMatch = matched.has(`${row.kind}:${row.keyId}`);
          return (
            <li
              // keyIds can repeat when a paste leaves them out; the position keeps keys unique.
              key={`${row.kind}:${row.keyId}:${String(index)}`}
              className={`rounded border p-3 text-sm [overflow-wrap:anywhere] ${isMatch ? "border-[var(--cw-ok)]" : ""}`}
              data-testid="registered-row"
              data-kind={row.kind}
              data-key-id={row.keyId}
              data-match={isMatch ? "true" : "false"}
            >
              <div className="flex flex-wrap items-baseline justify-between gap-2">
                <span className="font-medium break-all">
                  {kindLabel[row.kind]}: {row.displayName?.trim() ? row.displayName : "(no name)"}
                  {isMatch && <span className="ml-2 text-ok">← the page&apos;s</span>}
                </span>
                {status && (
                  <span className={`font-medium ${statusStyle[status.status]}`} data-testid="registered-status" data-status={status.status}>
                    {status.text}
                  </span>
                )}
              </div>
              <div className="mt-1 flex flex-col gap-1">
                <div className="text-muted break-all">
                  {row.kind === "federated" ? "ID" : "keyId"} <span className="value-mono">{row.keyId || "not given"}</span>
                  {row.kind !== "federated" && (
                    <>
                      {" "}
                      · valid {day(row.startDateTime)} to {day(row.endDateTime)}
                    </>
                  )}
                  {row.kind === "secret" && row.hint !== undefined && (
                    <>
                      {" "}
                      · starts with <span className="value-mono">{row.hint}</span>
                    </>
                  )}
                </div>
                {row.kind === "certificate" && <CertificateFacts row={row} />}
                {row.kind === "federated" && <FederatedFacts row={row} />}
                {row.kind === "federated" && row.description && <p className="text-muted break-all">{row.description}</p>}
                {row.kind === "secret" && (
                  <details className="fold" data-testid="secret-rotation">
                    <summary>How to replace this secret without an outage</summary>
                    <StepList steps={secretRotationSteps({ appId, oldKeyId: row.keyId, displayName: row.displayName, endDate: nextEndDate(row, now) })} />
                  </details>
                )}
                {row.kind === "certificate" && onRotate && (
                  <div>
                    <button type="button" className="btn-secondary" data-testid="rotate-certificate" disabled={rotateDisabled} onClick={() => onRotate(row)}>
                      Make its successor (rotate)
                    </button>
                  </div>
                )}
              </div>
            </li>
          );
        })}
      </ul>
      {rows.length > shown.length && (
        <button type="button" className="btn-secondary self-start" data-testid="registered-show-more" onClick={() => setLimit((current) => current + FIRST_ROWS)}>
          Show {String(Math.min(FIRST_ROWS, rows.length - shown.length))} more ({(rows.length - shown.length).toLocaleString("en-US")} not shown)
        </button>
      )}
    </>
  );
}
