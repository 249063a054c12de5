import { useId, type ReactNode } from "react";

/** What a Field hands its control: the id its label points at, and the ids of its hint and error. */
export interface FieldControlProps {
  id: string;
  "aria-describedby"?: string;
  "aria-invalid"?: boolean;
}

interface FieldProps {
  label: string;
  error?: string;
  hint?: string;
  errorTestId?: string;
  /** Renders the control with the ids it must carry for its label, hint and error. */
  children: (props: FieldControlProps) => ReactNode;
}

/** A labelled control with an optional hint and an error shown next to it. */
export function Field({ label, error, hint, errorTestId, children }: FieldProps) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = `${id}-error`;
  const describedBy = [hintId, error ? errorId : undefined].filter(Boolean).join(" ") || undefined;
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium">
        {label}
      </label>
      {children({ id, "aria-describedby": describedBy, "aria-invalid": error ? true : undefined })}
      {hint && (
        <p id={hintId} className="text-xs text-muted">
          {hint}
        </p>
      )}
      {/* Always present, so screen readers announce a message when it appears (a live region must exist first). */}
      <p id={errorId} className="text-sm text-danger empty:hidden" aria-live="polite" data-testid={errorTestId}>
        {error}
      </p>
    </div>
  );
}
