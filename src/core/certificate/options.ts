// What the Generate form may ask of a certificate, checked as the user types: the validity and the
// subject alternative names (RFC 5280 §4.2.1.6). Kept apart from create.ts and subject-alternative-names.ts
// so the first screen's JavaScript does not load @peculiar/x509 for these checks.

export const MIN_VALIDITY_DAYS = 1;
export const MAX_VALIDITY_DAYS = 3650;
export const DEFAULT_VALIDITY_DAYS = 365;

export interface SubjectAlternativeNames {
  dnsNames?: string[];
  uris?: string[];
}

export function validateValidityDays(days: number): string | undefined {
  if (!Number.isInteger(days) || days < MIN_VALIDITY_DAYS || days > MAX_VALIDITY_DAYS) {
    return `Validity must be a whole number of days from ${String(MIN_VALIDITY_DAYS)} to ${String(MAX_VALIDITY_DAYS)} (Entra's portal accepts up to 10 years); 365 is the usual choice.`;
  }
  return undefined;
}

const dnsNamePattern = /^(\*\.)?([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)(\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/;

/** Returns a message for the first SAN entry that cannot go into a certificate, if any. */
export function validateSubjectAlternativeNames(names: SubjectAlternativeNames): string | undefined {
  for (const dns of names.dnsNames ?? []) {
    if (!dnsNamePattern.test(dns) || dns.length > 253) {
      return `"${dns}" is not a DNS name (letters, digits, hyphens and dots, e.g. app.contoso.com). Fix or remove it.`;
    }
  }
  for (const uri of names.uris ?? []) {
    let parsed: URL | undefined;
    try {
      parsed = new URL(uri);
    } catch {
      parsed = undefined;
    }
    if (!parsed || !/^[a-z][a-z0-9+.-]*:$/.test(parsed.protocol) || /\s/.test(uri)) {
      return `"${uri}" is not an absolute URI (e.g. https://contoso.com/app or urn:example:app). Fix or remove it.`;
    }
  }
  return undefined;
}
