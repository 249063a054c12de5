import { describeCertificateValidity } from "@/core/certificate/validity";
import { useState, type ReactNode } from "react";
import { selectHasUnsavedKey } from "@/store/credential-slice";
import { useWorkbenchStore } from "@/store/workbench-store";
import { UnsavedKeyQuestion } from "@/ui/unsaved-key-question";
import { OtherFormats, PrimaryDownloads } from "./certificate-files";
import { CertificateSummary } from "./certificate-summary";
import { OtherThumbprints, ThumbprintHeadline } from "./thumbprint-list";
import { UploadHelp } from "./upload-help";

/** `afterUploadHelp`: what the page composes right after the upload help and the portal-thumbprint check (the registered-credentials fold). */
export function CertificatePanel({ afterUploadHelp }: { afterUploadHelp?: ReactNode } = {}) {
  const details = useWorkbenchStore((state) => state.credential?.certificateDetails);
  const origin = useWorkbenchStore((state) => state.credential?.origin);
  const forgetCredential = useWorkbenchStore((state) => state.forgetCredential);
  const unsavedKey = useWorkbenchStore(selectHasUnsavedKey);
  const importMessage = useWorkbenchStore((state) => state.importSummary?.message);
  const generated = useWorkbenchStore((state) => state.generation.completed);
  const [confirmingRemove, setConfirmingRemove] = useState(false);
  return (
    <div id="certificate" className="flex flex-col gap-4">
      {details ? (
        <>
          {/* What step 1 said, repeated where the page has scrolled to: the confirmation stays in view with the thumbprint. */}
          <p className="text-sm text-ok" data-testid="credential-provenance">
            {origin === "imported"
              ? (importMessage ?? "Loaded from your files.")
              : `Done${generated ? ` in ${String(Math.max(1, Math.round(generated.seconds * 1000)))} ms` : ""}: a new key and a self-signed certificate, made on this page.`}
          </p>
          <ThumbprintHeadline thumbprints={details.thumbprints} />
          <PrimaryDownloads />
          <CertificateValidityNote notBefore={details.notBefore} notAfter={details.notAfter} />
          <OtherThumbprints thumbprints={details.thumbprints} />
          <OtherFormats />
          <UploadHelp thumbprints={details.thumbprints} />
          {afterUploadHelp}
          <details className="fold" data-testid="certificate-details">
            <summary>Certificate details: subject, serial, dates, extensions</summary>
            <CertificateSummary details={details} backdated={origin === "generated"} />
          </details>
          <div className="flex flex-wrap items-center gap-3">
            {confirmingRemove && unsavedKey ? (
              <UnsavedKeyQuestion
                testId="confirm-remove"
                discardLabel="Remove it anyway"
                discardTestId="confirm-forget-credential"
                onDiscard={() => {
                  setConfirmingRemove(false);
                  forgetCredential();
                }}
                onKeep={() => setConfirmingRemove(false)}
              >
                This key has not been saved: once removed it is gone for good.
              </UnsavedKeyQuestion>
            ) : (
              <>
                <button type="button" className="btn-secondary" data-testid="forget-credential" onClick={() => (unsavedKey ? setConfirmingRemove(true) : forgetCredential())}>
                  Remove key and certificate from this page
                </button>
                <span className="text-xs text-muted">Save what you need first: the key exists only in this page's memory and in files you saved.</span>
              </>
            )}
          </div>
        </>
      ) : (
        <>
          <p className="text-sm text-muted" data-testid="certificate-empty">
            No certificate yet: generate one in step 1, or bring your own under Use existing.
          </p>
          {afterUploadHelp}
        </>
      )}
    </div>
  );
}

const validityStyle = { valid: "text-ok", "expiring-soon": "text-warn", expired: "text-danger", "not-yet-valid": "text-danger" } as const;

function CertificateValidityNote({ notBefore, notAfter }: { notBefore: string; notAfter: string }) {
  const validity = describeCertificateValidity({ notBefore, notAfter });
  const urgent = validity.status === "expired" || validity.status === "not-yet-valid";
  return (
    <p className={`text-sm font-medium ${validityStyle[validity.status]}`} data-testid="cert-validity" data-status={validity.status} role={urgent ? "alert" : undefined}>
      {validity.message}
    </p>
  );
}
