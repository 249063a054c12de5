import { useEffect, useState } from "react";
import type { GenerationStage } from "@/core/credential/generate-credential";
import { useWorkbenchStore } from "@/store/workbench-store";

const stageText: Record<GenerationStage, string> = {
  key: "Generating the RSA key",
  certificate: "Signing the certificate",
  csr: "Signing the certificate request",
  thumbprints: "Computing thumbprints",
};

/** "16 ms" with a key made in advance, "2.4 s" without: "0.0 s" would read as nothing happened. */
function formatDuration(seconds: number): string {
  return seconds < 1 ? `${String(Math.max(1, Math.round(seconds * 1000)))} ms` : `${seconds.toFixed(1)} s`;
}

const stageOrder: GenerationStage[] = ["key", "certificate", "csr", "thumbprints"];

/** Shows which step is running and for how long; the page stays usable meanwhile. */
export function GenerationProgress() {
  const generation = useWorkbenchStore((state) => state.generation);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!generation.running) return;
    const timer = window.setInterval(() => setNow(Date.now()), 200);
    return () => window.clearInterval(timer);
  }, [generation.running]);

  if (!generation.running || !generation.stage) {
    return (
      <span id="generate-status" role="status" data-testid="generate-status" className="text-sm">
        {generation.completed && (
          <>
            <span className="text-ok">
              Done in {formatDuration(generation.completed.seconds)}: thumbprint {generation.completed.thumbprint.slice(0, 8)}…
            </span>{" "}
            <a href="#certificate" className="underline" data-testid="go-to-certificate">
              See the certificate and save the files
            </a>
          </>
        )}
      </span>
    );
  }
  const step = stageOrder.indexOf(generation.stage) + 1;
  const elapsed = Math.max(0, (now - (generation.startedAt ?? now)) / 1000);
  return (
    <span id="generate-status" role="status" data-testid="generate-status" className="flex items-center gap-2 text-sm">
      <progress max={stageOrder.length} value={step - 1} aria-label="Generation progress" />
      <span>
        Step {step} of {stageOrder.length}: {stageText[generation.stage]}
        {generation.stage === "key" && generation.keySize ? ` (${String(generation.keySize)} bits)` : ""}… {elapsed.toFixed(1)} s
      </span>
    </span>
  );
}
