import { describeCertificateValidity } from "@/core/certificate-validity";
import { useState } from "react";
import { selectHasUnsavedKey } from "@/store/credential-slice";
import { useWorkbenchStore } from "@/store/workbench-store";
import { Panel } from "@/ui/panel";
import { CertificateFiles } from "./certificate-files";
import { CertificateSummary } from "./certificate-summary";
import { ThumbprintList } from "./thumbprint-list";

export function CertificatePanel() {
  const details = useWorkbenchStore((state) => state.credential?.certificateDetails);
  const origin = useWorkbenchStore((state) => state.credential?.origin);
  const forgetCredential = useWorkbenchStore((state) => state.forgetCredential);
  const unsavedKey = useWorkbenchStore(selectHasUnsavedKey);
  const [confirmingRemove, setConfirmingRemove] = useState(false);
  return (
    <Panel
      id="certificate"
      title="2. Certificate, thumbprints and files"
      description="Upload server.crt to your app registration (Certificates & secrets → Certificates → Upload certificate), give MSAL the thumbprint and server.pem."
    >
      {details ? (
        <div className="flex flex-col gap-6">
          <CertificateValidityNote notBefore={details.notBefore} notAfter={details.notAfter} />
          <ThumbprintList thumbprints={details.thumbprints} />
          <CertificateFiles />
          <CertificateSummary details={details} backdated={origin === "generated"} />
          <div className="flex flex-wrap items-center gap-3">
            {confirmingRemove && unsavedKey ? (
              <div className="flex flex-wrap items-center gap-2 text-sm" role="alert" data-testid="confirm-remove">
                <span>This key has not been saved: once removed it is gone for good.</span>
                <button
                  type="button"
                  className="btn-secondary"
                  data-testid="confirm-forget-credential"
                  onClick={() => {
                    setConfirmingRemove(false);
                    forgetCredential();
                  }}
                >
                  Remove it anyway
                </button>
                <button type="button" className="btn-secondary" onClick={() => setConfirmingRemove(false)}>
                  Keep it
                </button>
              </div>
            ) : (
              <>
                <button type="button" className="btn-secondary" data-testid="forget-credential" onClick={() => (unsavedKey ? setConfirmingRemove(true) : forgetCredential())}>
                  Remove key and certificate from this page
                </button>
                <span className="text-xs text-muted">Save what you need first: the key exists only in this page's memory and in files you saved.</span>
              </>
            )}
          </div>
        </div>
      ) : (
        <p className="text-sm text-muted" data-testid="certificate-empty">
          No certificate yet: generate one above, or import your own.
        </p>
      )}
    </Panel>
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
