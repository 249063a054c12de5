import type { CertificateThumbprints } from "@/core/certificate/thumbprints";
import { ValueRow } from "@/ui/value-row";

/** The SHA-1 thumbprint as the headline: the value the portal shows and MSAL Python's thumbprint setting takes. */
export function ThumbprintHeadline({ thumbprints }: { thumbprints: CertificateThumbprints }) {
  return (
    <dl className="thumbprint-headline">
      <ValueRow
        label="Thumbprint (SHA-1) — the portal shows this"
        value={thumbprints.sha1Hex}
        testId="thumbprint-sha1"
        copyTestId="copy-thumbprint-sha1"
        copyLabel="SHA-1 thumbprint"
        hint="What the Entra admin center lists under Certificates & secrets, and what MSAL Python's thumbprint setting takes."
        unbroken
      />
    </dl>
  );
}

/** x5t, SHA-256 and x5t#S256: folded, for the libraries and headers that use them. */
export function OtherThumbprints({ thumbprints }: { thumbprints: CertificateThumbprints }) {
  return (
    <details className="fold" data-testid="other-thumbprints">
      <summary>Other thumbprint forms: x5t, SHA-256, x5t#S256</summary>
      <dl className="mt-3 grid gap-3">
        <ValueRow label="x5t (base64url of SHA-1)" value={thumbprints.x5t} testId="thumbprint-x5t" copyTestId="copy-thumbprint-x5t" hint="The header of an RS256 client assertion." />
        <ValueRow label="Thumbprint (SHA-256)" value={thumbprints.sha256Hex} testId="thumbprint-sha256" copyTestId="copy-thumbprint-sha256" hint="MSAL Node's thumbprintSha256 setting." />
        <ValueRow label="x5t#S256 (base64url of SHA-256)" value={thumbprints.x5tS256} testId="thumbprint-x5t-s256" copyTestId="copy-thumbprint-x5t-s256" hint="The header of a PS256 client assertion." />
      </dl>
    </details>
  );
}
