import type { CertificateThumbprints } from "@/core/thumbprints";
import { ValueRow } from "@/ui/value-row";

export function ThumbprintList({ thumbprints }: { thumbprints: CertificateThumbprints }) {
  return (
    <dl className="grid gap-3">
      <ValueRow
        label="Thumbprint (SHA-1)"
        value={thumbprints.sha1Hex}
        testId="thumbprint-sha1"
        copyTestId="copy-thumbprint-sha1"
        hint="What the Azure portal shows, and what MSAL Python's and MSAL Node's thumbprint setting takes."
      />
      <ValueRow label="x5t (base64url of SHA-1)" value={thumbprints.x5t} testId="thumbprint-x5t" copyTestId="copy-thumbprint-x5t" hint="The header of an RS256 client assertion." />
      <ValueRow label="Thumbprint (SHA-256)" value={thumbprints.sha256Hex} testId="thumbprint-sha256" copyTestId="copy-thumbprint-sha256" hint="MSAL Node's thumbprintSha256 setting." />
      <ValueRow label="x5t#S256 (base64url of SHA-256)" value={thumbprints.x5tS256} testId="thumbprint-x5t-s256" copyTestId="copy-thumbprint-x5t-s256" hint="The header of a PS256 client assertion." />
    </dl>
  );
}
