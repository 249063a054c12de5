import type { ReactNode } from "react";

interface PanelProps {
  id: string;
  title: string;
  description?: ReactNode;
  children: ReactNode;
}

/** A titled part of a journey section (h3 under the section's h2); the heading names the region for screen readers. */
export function Panel({ id, title, description, children }: PanelProps) {
  const headingId = `${id}-heading`;
  return (
    <section id={id} aria-labelledby={headingId} className="panel">
      <h3 id={headingId} className="text-lg font-semibold">
        {title}
      </h3>
      {description && <div className="text-sm text-muted">{description}</div>}
      {children}
    </section>
  );
}
