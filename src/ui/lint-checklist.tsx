import type { LintResult } from "@/core/assertion/assertion-lint";

type LintItem = LintResult;

const statusMark: Record<LintItem["status"], { symbol: string; word: string; className: string }> = {
  pass: { symbol: "✓", word: "Pass", className: "text-ok" },
  warn: { symbol: "!", word: "Warning", className: "text-warn" },
  fail: { symbol: "✗", word: "Fail", className: "text-danger" },
};

const STATUS_ORDER: Record<LintItem["status"], number> = { fail: 0, warn: 1, pass: 2 };

/** Failing checks first, then warnings, then passes; the rules' own order within each (a stable sort). */
export function failingFirst<Item extends Pick<LintItem, "status">>(items: readonly Item[]): Item[] {
  return [...items].sort((a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status]);
}

/** The summary's colour: green only when every check passed; amber with a warning; red with a failure. */
export function summaryStatus(items: readonly Pick<LintItem, "status">[]): LintItem["status"] {
  return items.some((item) => item.status === "fail") ? "fail" : items.some((item) => item.status === "warn") ? "warn" : "pass";
}

/** "15 of 15 checks pass", with failures and warnings counted: the checklist's folded form. */
export function lintSummary(items: readonly Pick<LintItem, "status">[]): string {
  const count = (status: LintItem["status"]) => items.filter((item) => item.status === status).length;
  const [passed, failed, warned] = [count("pass"), count("fail"), count("warn")];
  return [
    `${String(passed)} of ${String(items.length)} checks pass`,
    ...(failed > 0 ? [`${String(failed)} ${failed === 1 ? "fails" : "fail"}`] : []),
    ...(warned > 0 ? [`${String(warned)} ${warned === 1 ? "warning" : "warnings"}`] : []),
  ].join(" · ");
}

/**
 * The assertion checks as a list: the rule (title), what was found (detail), and what to change (fix).
 * Folded to its count while nothing fails; open as soon as something does.
 */
export function LintChecklist({ items, testId }: { items: LintItem[]; testId?: string }) {
  if (items.length === 0) return null;
  const failing = items.some((item) => item.status === "fail");
  const summary = statusMark[summaryStatus(items)];
  return (
    // The key re-creates the element when the verdict flips, so a new failure opens it even after the user closed it.
    <details key={failing ? "failing" : "passing"} open={failing} className="fold" data-testid={testId ? `${testId}-toggle` : undefined}>
      <summary className={summary.className} data-testid={testId ? `${testId}-summary` : undefined} data-summary-status={summaryStatus(items)}>
        {lintSummary(items)}
      </summary>
    <ul className="mt-2 flex flex-col gap-2" data-testid={testId} aria-label="Checks Entra applies">
      {failingFirst(items).map((item) => {
        const mark = statusMark[item.status];
        return (
          <li key={item.id} className="flex gap-2 text-sm" data-lint-id={item.id} data-lint-status={item.status}>
            <span className={`font-bold ${mark.className}`} aria-hidden="true">
              {mark.symbol}
            </span>
            <div className="min-w-0 wrap-break-word">
              <div>
                <span className="sr-only">{mark.word}: </span>
                <span className="font-medium" data-lint-title="">
                  {item.title}
                </span>
              </div>
              <div data-lint-detail="">{item.detail}</div>
              {item.fix && <div className="text-muted">Fix: {item.fix}</div>}
            </div>
          </li>
        );
      })}
    </ul>
    </details>
  );
}
