import type { CertificateDetails } from "@/core/certificate/describe";
import { utcText } from "@/core/jwt/time-window";

const relativeTime = new Intl.RelativeTimeFormat("en", { numeric: "auto" });

/** "in 365 days", "3 minutes ago": the nearest whole unit. */
function relativeTo(date: Date, now: Date): string {
  const seconds = (date.getTime() - now.getTime()) / 1000;
  const units: [Intl.RelativeTimeFormatUnit, number][] = [["day", 86_400], ["hour", 3_600], ["minute", 60]];
  for (const [unit, size] of units) if (Math.abs(seconds) >= size) return relativeTime.format(Math.round(seconds / size), unit);
  return relativeTime.format(Math.round(seconds), "second");
}

/** In UTC with a relative time; the local time is shown on its own line beneath. */
function formatBoth(iso: string): string {
  const date = new Date(iso);
  return `${utcText(date.getTime() / 1000)} (${relativeTo(date, new Date())})`;
}

export function CertificateSummary({ details, backdated }: { details: CertificateDetails; backdated: boolean }) {
  // Each date's local time is visible text, not a hover title: keyboard and screen-reader users get it too.
  const localTime = (iso: string) => new Date(iso).toLocaleString();
  const rows: { label: string; value: string; testId?: string; local?: string }[] = [
    { label: "Subject", value: details.subject, testId: "cert-subject" },
    { label: "Issuer", value: details.selfIssued ? `${details.issuer} (self-signed)` : details.issuer },
    { label: "Serial number", value: details.serialNumberHex, testId: "cert-serial" },
    {
      label: "Valid from",
      value: `${formatBoth(details.notBefore)}${backdated ? " — set a few minutes before it was made, so a slow clock still accepts it" : ""}`,
      testId: "cert-not-before",
      local: localTime(details.notBefore),
    },
    { label: "Valid until", value: formatBoth(details.notAfter), testId: "cert-not-after", local: localTime(details.notAfter) },
    { label: "Public key", value: details.rsaKeyBits ? `${details.publicKeyAlgorithm} ${String(details.rsaKeyBits)} bits` : details.publicKeyAlgorithm, testId: "cert-key" },
    { label: "Signature algorithm", value: details.signatureAlgorithm, testId: "cert-signature-algorithm" },
  ];
  return (
    <div className="mt-3 flex flex-col gap-2">
      <dl className="details-grid">
        {rows.map(({ label, value, testId, local }) => (
          <div key={label} className="contents">
            <dt className="font-medium">{label}</dt>
            <dd className="[overflow-wrap:anywhere]" data-testid={testId}>
              {value}
            </dd>
            {local !== undefined && (
              <dd className="text-xs text-muted sm:col-start-2" data-testid={testId && `${testId}-local`}>
                Local time: {local}
              </dd>
            )}
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
