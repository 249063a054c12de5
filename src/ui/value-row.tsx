import { CopyButton } from "./copy-button";

interface ValueRowProps {
  label: string;
  value: string;
  testId?: string;
  copyTestId?: string;
  hint?: string;
}

/** A named value shown in monospace with a copy button: thumbprints, IDs. */
export function ValueRow({ label, value, testId, copyTestId, hint }: ValueRowProps) {
  return (
    <div className="flex flex-col gap-1">
      <dt className="text-sm font-medium">{label}</dt>
      <dd className="flex flex-col items-stretch gap-2 sm:flex-row sm:items-start">
        <code className="value-mono" data-testid={testId}>
          {value}
        </code>
        <CopyButton text={value} label={label} testId={copyTestId} />
      </dd>
      {hint && <dd className="text-xs text-muted">{hint}</dd>}
    </div>
  );
}
