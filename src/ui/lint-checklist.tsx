import type { LintResult } from "@/core/assertion/assertion-lint";

type LintItem = LintResult;

const statusMark: Record<LintItem["status"], { symbol: string; word: string; className: string }> = {
  pass: { symbol: "✓", word: "Pass", className: "text-ok" },
  warn: { symbol: "!", word: "Warning", className: "text-warn" },
  fail: { symbol: "✗", word: "Fail", className: "text-danger" },
};

/** The assertion checks as a list: the rule (title), what was found (detail), and what to change (fix). */
export function LintChecklist({ items, testId }: { items: LintItem[]; testId?: string }) {
  if (items.length === 0) return null;
  return (
    <ul className="flex flex-col gap-2" data-testid={testId} aria-label="Checks Entra applies">
      {items.map((item) => {
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
  );
}
