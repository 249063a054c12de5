import type { ReactNode, Ref } from "react";

interface StepSectionProps {
  id: string;
  /** The step's number in the journey; none for the optional section. */
  number?: number;
  title: string;
  description?: ReactNode;
  headingRef?: Ref<HTMLHeadingElement>;
  children: ReactNode;
}

/** One numbered step of the journey: a landmark named by its heading, which can take focus when the page moves the user there. */
export function StepSection({ id, number, title, description, headingRef, children }: StepSectionProps) {
  const headingId = `${id}-heading`;
  return (
    <section id={id} aria-labelledby={headingId} className="step" data-testid={id}>
      <h2 id={headingId} ref={headingRef} tabIndex={-1} className="step-heading">
        {number !== undefined && (
          <span className="step-number" aria-hidden="true">
            {number}
          </span>
        )}
        <span>
          {number !== undefined && <span className="sr-only">Step {number}: </span>}
          {title}
        </span>
      </h2>
      {description && <div className="text-sm text-muted">{description}</div>}
      {children}
    </section>
  );
}
