import type { CertificateDetails } from "@/core/certificate";

function formatBoth(iso: string): string {
  const date = new Date(iso);
  return `${date.toLocaleString()} (local) · ${date.toISOString().replace("T", " ").replace(/\.\d+Z$/, " UTC")}`;
}

export function CertificateSummary({ details, backdated }: { details: CertificateDetails; backdated: boolean }) {
  const rows: [string, string, string?][] = [
    ["Subject", details.subject, "cert-subject"],
    ["Issuer", details.selfIssued ? `${details.issuer} (self-signed)` : details.issuer],
    ["Serial number", details.serialNumberHex, "cert-serial"],
    ["Valid from", `${formatBoth(details.notBefore)}${backdated ? " — set a few minutes before it was made, so a slow clock still accepts it" : ""}`, "cert-not-before"],
    ["Valid until", formatBoth(details.notAfter), "cert-not-after"],
    ["Public key", details.rsaKeyBits ? `${details.publicKeyAlgorithm} ${String(details.rsaKeyBits)} bits` : details.publicKeyAlgorithm, "cert-key"],
    ["Signature algorithm", details.signatureAlgorithm, "cert-signature-algorithm"],
  ];
  return (
    <div className="mt-3 flex flex-col gap-2">
      <dl className="details-grid">
        {rows.map(([label, value, testId]) => (
          <div key={label} className="contents">
            <dt className="font-medium">{label}</dt>
            <dd className="[overflow-wrap:anywhere]" data-testid={testId}>
              {value}
            </dd>
          </div>
        ))}
        {details.extensions.map((extension) => (
          <div key={extension.name} className="contents">
            <dt className="font-medium">
              {extension.name}
              {extension.critical ? " (critical)" : ""}
            </dt>
            <dd className="[overflow-wrap:anywhere]">{extension.value}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
