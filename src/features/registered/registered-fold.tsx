import { lazy, Suspense, useState } from "react";

// The reader and its panel load when the fold is first opened: nothing of them is in the first screen's JavaScript.
const RegisteredPanel = lazy(() => import("./registered-panel").then((module) => ({ default: module.RegisteredPanel })));

/**
 * Step 2's "check what your app registration has": folded until used. The element with id
 * "registered" is always rendered inside the fold, so a link to #registered opens it (ui/reveal.ts).
 */
export function RegisteredFold() {
  const [open, setOpen] = useState(false);
  // Once opened it stays rendered when folded again: what was pasted is kept.
  const [loaded, setLoaded] = useState(false);
  return (
    <details
      className="fold"
      data-testid="registered-fold"
      open={open}
      onToggle={(event) => {
        setOpen(event.currentTarget.open);
        if (event.currentTarget.open) setLoaded(true);
      }}
    >
      <summary>Check what your app registration has: paste its credentials (az, Graph or the manifest)</summary>
      <div id="registered" className="mt-3">
        {loaded && (
          <Suspense
            fallback={
              <p className="min-h-32 text-sm text-muted" role="status">
                Loading the reader…
              </p>
            }
          >
            <RegisteredPanel />
          </Suspense>
        )}
      </div>
    </details>
  );
}
