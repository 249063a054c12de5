import { CopyButton } from "./copy-button";

interface ValueRowProps {
  label: string;
  value: string;
  testId?: string;
  copyTestId?: string;
  /** What the copy button copies, for its accessible name; defaults to the label. */
  copyLabel?: string;
  hint?: string;
  /** Keep the value on one line (a thumbprint must not break mid-string); it scrolls sideways if the screen is narrower. */
  unbroken?: boolean;
}

/** A named value shown in monospace with a copy button of the same height beside it: thumbprints, IDs. */
export function ValueRow({ label, value, testId, copyTestId, copyLabel, hint, unbroken }: ValueRowProps) {
  return (
    <div className="flex flex-col gap-1">
      <dt className="text-sm font-medium">{label}</dt>
      <dd className="value-row">
        <code className={unbroken ? "value-mono value-unbroken" : "value-mono"} data-testid={testId}>
          {value}
        </code>
        <CopyButton text={value} label={copyLabel ?? label} testId={copyTestId} />
      </dd>
      {hint && <dd className="text-xs text-muted">{hint}</dd>}
    </div>
  );
}
