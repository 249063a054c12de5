import { CodeBlock } from "./code-block";
import { CopyButton } from "./copy-button";

interface CodeRowProps {
  /** The command, token or request to show and copy. */
  text: string;
  /** What it is, for the block's and the Copy button's accessible names. */
  label: string;
  /** The Copy button's name when it should differ from the block's: "Copy <copyLabel>". */
  copyLabel?: string;
  testId?: string;
  copyTestId?: string;
  className?: string;
}

/**
 * A command or token beside its Copy button, laid out like the thumbprint's row (value-row): the text takes the
 * width, so every Copy button lines up at the right; on a phone the button goes below.
 */
export function CodeRow({ text, label, copyLabel, testId, copyTestId, className }: CodeRowProps) {
  return (
    <div className={className ? `value-row ${className}` : "value-row"}>
      <div className="min-w-0 flex-1">
        <CodeBlock label={label} testId={testId}>
          {text}
        </CodeBlock>
      </div>
      <CopyButton text={text} label={copyLabel ?? label} testId={copyTestId} />
    </div>
  );
}
