import { useId, useMemo, useState } from "react";
import type { JwtField, JwtInspectionSuccess } from "@/core/jwt/jwt-inspection";
import { MAX_SHOWN_VALUE_CHARS } from "@/core/jwt/jwt-decode";
import { MAX_DESCRIBED_ROWS } from "@/core/jwt/jwt-fields";
import { retimeInspection } from "@/core/jwt/jwt-time";
import { usableNowVerdict, type UsableNowTone } from "@/core/jwt/usable-now-verdict";
import { splitSources } from "@/core/text/split-sources";
import { LintChecklist } from "./lint-checklist";

const signatureStyle: Record<JwtInspectionSuccess["signature"]["status"], string> = {
  valid: "text-ok",
  invalid: "text-danger",
  "not-checked": "text-muted",
  unsupported: "text-warn",
};

/** Green only when the times are current and the signature verified (usable-now-verdict.ts). */
const usableNowStyle: Record<UsableNowTone, string> = {
  good: "border-current text-ok",
  unchecked: "border-current text-warn",
  elsewhere: "border-[var(--cw-border)]",
  bad: "border-current text-danger font-semibold",
  early: "border-current text-warn font-semibold",
};

/**
 * Values that are one long unbroken run (base64, URLs, thumbprints) may break anywhere; everything else
 * (dates, words, short values such as RS256) wraps only between words, so it is never split mid-word.
 */
function valueWrap(value: string): string {
  return value.length > 16 && !/\s/.test(value) ? "wrap-anywhere" : "wrap-break-word";
}

interface FieldTableProps {
  caption: string;
  rows: readonly (JwtField & { time?: JwtInspectionSuccess["claims"][number]["time"] })[];
  testId?: string;
  /** Also show each row's RFC sections and the local time (plain words and UTC come first). */
  showSources?: boolean;
  /** How many rows the token has when `rows` holds only the first of them (core describes at most MAX_DESCRIBED_ROWS). */
  total?: number;
}

/**
 * Name | value with its meaning underneath: two columns, so it reads at 390 px as well as on a wide screen.
 * Each table sizes its own rows (a grid item aligned to start, never stretched to its neighbour's height).
 */
export function JwtFieldTable({ caption, rows, testId, total: given, showSources = false }: FieldTableProps) {
  const shown = rows.length > MAX_DESCRIBED_ROWS ? rows.slice(0, MAX_DESCRIBED_ROWS) : rows;
  const total = Math.max(given ?? 0, rows.length);
  const hidden = total - shown.length;
  return (
    <table className="w-full min-w-0 border-collapse text-left text-sm" data-testid={testId}>
      <caption className="pb-1 text-left font-medium">{caption}</caption>
      <thead className="sr-only">
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Value and meaning</th>
        </tr>
      </thead>
      <tbody>
        {shown.map((row) => {
          const explanation = splitSources(row.explanation);
          return (
          <tr key={row.name} className="border-t border-[var(--cw-border)] align-top" data-claim={row.name}>
            <th scope="row" className="py-1.5 pr-3 font-mono font-semibold whitespace-nowrap">
              {row.name}
            </th>
            <td className="py-1.5">
              <div className="min-w-[14ch]">
                <div className={`font-mono ${valueWrap(row.value)}`} data-field-value="">
                  {row.value}
                </div>
                {row.length !== undefined && (
                  <div className="text-xs font-medium text-warn" data-field-size="">
                    {row.length.toLocaleString("en-US")} characters: only the first {Math.min(row.value.length - 1, MAX_SHOWN_VALUE_CHARS).toLocaleString("en-US")} are shown.
                  </div>
                )}
                {row.time && (
                  <div className="text-xs text-muted" data-time="">
                    <span className="font-medium whitespace-nowrap">{row.time.relative}</span> · <span className="whitespace-nowrap">{row.time.utc}</span>
                    {showSources && (
                      <>
                        {" "}
                        · <span className="whitespace-nowrap">{row.time.local}</span>
                      </>
                    )}
                  </div>
                )}
                <div className="text-xs text-muted wrap-break-word">
                  {explanation.plain}
                  {showSources && explanation.sources.length > 0 && <span data-field-sources=""> ({explanation.sources.join("; ")})</span>}
                </div>
              </div>
            </td>
          </tr>
          );
        })}
        {hidden > 0 && (
          <tr className="border-t border-[var(--cw-border)]" data-rows-hidden={hidden}>
            <td colSpan={2} className="py-1.5 text-sm text-warn">
              {hidden.toLocaleString("en-US")} more not shown: this token has {total.toLocaleString("en-US")}, and the page lists the first {MAX_DESCRIBED_ROWS}.
            </td>
          </tr>
        )}
      </tbody>
    </table>
  );
}

interface JwtDetailsProps {
  inspection: JwtInspectionSuccess;
  testIdPrefix: string;
  /**
   * Optional: the current time. When given, relative times ("expires in 9 min"), the expiry line and the
   * time checks are recomputed for it (cheaply, without verifying the signature again), so a parent that
   * re-renders on a timer keeps them true.
   */
  now?: Date;
}

/** A decoded JWT: the signature verdict, whether it is expired, header and claims explained, and the lint checklist. */
export function JwtDetails({ inspection: given, testIdPrefix, now }: JwtDetailsProps) {
  // A `now` older than the inspection itself (a timer that has not ticked since the token changed) is ignored.
  const inspection = useMemo(() => (now && now.getTime() > given.now.getTime() ? retimeInspection(given, now) : given), [given, now]);
  const { expiry } = inspection;
  // Valid times do not make a token valid: the line is green only when the signature verified too.
  const usableNow = expiry ? usableNowVerdict(expiry, inspection.signature, inspection.kind) : undefined;
  // Plain words and UTC times first; the RFC sections and local times when asked for.
  const [showSources, setShowSources] = useState(false);
  const sourcesToggleId = useId();
  return (
    <div className="flex min-w-0 flex-col gap-4">
      <p
        className={`text-sm font-medium wrap-break-word ${signatureStyle[inspection.signature.status]}`}
        data-testid={`${testIdPrefix}-signature`}
        data-signature-status={inspection.signature.status}
      >
        {inspection.signature.message}
      </p>
      {expiry && usableNow && (
        <p
          className={`rounded border-l-4 px-3 py-2 text-sm wrap-break-word ${usableNowStyle[usableNow.tone]}`}
          data-testid={`${testIdPrefix}-expiry`}
          data-expired={String(expiry.state === "expired")}
          data-expiry-state={expiry.state}
          data-verdict-tone={usableNow.tone}
        >
          {usableNow.message}
        </p>
      )}
      <label className="flex items-center gap-2 text-sm" htmlFor={sourcesToggleId}>
        <input id={sourcesToggleId} type="checkbox" checked={showSources} data-testid={`${testIdPrefix}-show-sources`} onChange={(event) => setShowSources(event.target.checked)} />
        Show the RFC sections and local times
      </label>
      {/* One above the other: side by side, a short header left an empty block beside a long list of claims. */}
      <div className="flex min-w-0 flex-col gap-4">
        <JwtFieldTable caption="Header" rows={inspection.headerFields} total={inspection.headerFieldCount} testId={`${testIdPrefix}-header-table`} showSources={showSources} />
        <JwtFieldTable caption="Claims" rows={inspection.claims} total={inspection.claimCount} testId={`${testIdPrefix}-claims-table`} showSources={showSources} />
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
