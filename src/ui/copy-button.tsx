import { useState } from "react";

interface CopyButtonProps {
  text: string;
  /** What is copied, for the accessible name: "Copy SHA-1 thumbprint". */
  label: string;
  testId?: string;
}

/** Copies text to the clipboard and says so; falls back to a message when the clipboard is refused. */
export function CopyButton({ text, label, testId }: CopyButtonProps) {
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setState("copied");
    } catch {
      setState("failed");
    }
    window.setTimeout(() => setState("idle"), 2000);
  };
  return (
    <button
      type="button"
      className="btn-secondary min-w-[7.5rem] shrink-0"
      aria-label={`Copy ${label}`}
      data-testid={testId}
      onClick={() => void copy()}
    >
      <span aria-live="polite">{state === "copied" ? "Copied" : state === "failed" ? "Select and copy" : "Copy"}</span>
    </button>
  );
}
