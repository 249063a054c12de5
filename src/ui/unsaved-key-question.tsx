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
  /** Drawn in a frame of its own (where it stands among other content rather than in place of a button row). */
  framed?: boolean;
}

/**
 * Asked in the page before an action replaces or removes a key that exists only in this page's memory: once gone
 * it cannot be downloaded. Wherever it is asked (Generate, Remove, rotating a registered certificate), Keep it
 * comes first, styled as the main choice and focused (the question appeared in answer to this person's click, so
 * Enter keeps the key), and the choice that loses the key is drawn in the page's danger colour.
 */
export function UnsavedKeyQuestion({ testId, children, discardLabel, discardTestId, onDiscard, onKeep, keepTestId, framed = false }: UnsavedKeyQuestionProps) {
  return (
    <div className={framed ? "flex flex-wrap items-center gap-2 rounded border p-3 text-sm" : "flex flex-wrap items-center gap-2 text-sm"} role="alert" data-testid={testId}>
      <span>{children}</span>
      <button type="button" className="btn-primary" autoFocus data-testid={keepTestId} onClick={onKeep}>
        Keep it
      </button>
      <button type="button" className="btn-danger" data-testid={discardTestId} onClick={onDiscard}>
        {discardLabel}
      </button>
    </div>
  );
}
