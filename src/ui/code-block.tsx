import type { ReactNode } from "react";

interface CodeBlockProps {
  children: ReactNode;
  label?: string;
  testId?: string;
  /**
   * Source code: lines never wrap (a wrapped Python line looks like wrong indentation); the block
   * scrolls sideways instead. Tokens and keys (the default) wrap anywhere.
   */
  code?: boolean;
}

/** Monospace, selectable text for keys, tokens and snippets. */
export function CodeBlock({ children, label, testId, code }: CodeBlockProps) {
  return (
    <pre className={code ? "code-block code-source" : "code-block"} aria-label={label} data-testid={testId} tabIndex={0}>
      {children}
    </pre>
  );
}
