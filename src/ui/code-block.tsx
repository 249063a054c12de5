import type { ReactNode } from "react";

interface CodeBlockProps {
  children: ReactNode;
  label?: string;
  testId?: string;
}

/** Monospace, wrapping, selectable text for keys, tokens and snippets. */
export function CodeBlock({ children, label, testId }: CodeBlockProps) {
  return (
    <pre
      className="code-block"
      aria-label={label}
      data-testid={testId}
      tabIndex={0}
    >
      {children}
    </pre>
  );
}
