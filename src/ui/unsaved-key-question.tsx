import type { ReactNode } from "react";

interface UnsavedKeyQuestionProps {
  testId: string;
  /** What is lost if the user goes on. */
  children: ReactNode;
  /** The choice that loses the key: "Remove it anyway", "Replace the unsaved key". */
  discardLabel: string;
  discardTestId: string;
  onDiscard: () => void;
  onKeep: () => void;
  keepTestId?: string;
  /**
   * Keep it comes first, styled as the main choice and focused (the question appeared in answer to this person's
   * click), and the discard is drawn in the page's danger colour; otherwise both are plain, discard first.
   */
  keepIsDefault?: boolean;
  /** Drawn in a frame of its own (where it stands among other content rather than in place of a button row). */
  framed?: boolean;
}

/** Asked in the page before an action replaces or removes a key that exists only in this page's memory: once gone it cannot be downloaded. */
export function UnsavedKeyQuestion({ testId, children, discardLabel, discardTestId, onDiscard, onKeep, keepTestId, keepIsDefault = false, framed = false }: UnsavedKeyQuestionProps) {
  const keep = (
    <button type="button" className={keepIsDefault ? "btn-primary" : "btn-secondary"} autoFocus={keepIsDefault} data-testid={keepTestId} onClick={onKeep}>
      Keep it
    </button>
  );
  return (
    <div className={framed ? "flex flex-wrap items-center gap-2 rounded border p-3 text-sm" : "flex flex-wrap items-center gap-2 text-sm"} role="alert" data-testid={testId}>
      <span>{children}</span>
      {keepIsDefault && keep}
      <button type="button" className={keepIsDefault ? "btn-danger" : "btn-secondary"} data-testid={discardTestId} onClick={onDiscard}>
        {discardLabel}
      </button>
      {!keepIsDefault && keep}
    </div>
  );
}
