/**
 * The subject alternative names a certificate or a CSR may carry (RFC 5280 §4.2.1.6): DNS names and URIs,
 * checked once and turned into the one extension both documents use.
 */
import { SubjectAlternativeNameExtension } from "@peculiar/x509";

export interface SubjectAlternativeNames {
  dnsNames?: string[];
  uris?: string[];
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

/**
 * The subjectAltName extension for these names, DNS names first (dNSName, then uniformResourceIdentifier),
 * or no extension when there are none (RFC 5280 §4.2.1.6: it must not be empty).
 *
 * @example extensions: [...subjectAlternativeNameExtensions({ dnsNames: ["app.contoso.com"] })]
 */
export function subjectAlternativeNameExtensions(names: SubjectAlternativeNames | undefined): SubjectAlternativeNameExtension[] {
  const entries = [
    ...(names?.dnsNames ?? []).map((value) => ({ type: "dns" as const, value })),
    ...(names?.uris ?? []).map((value) => ({ type: "url" as const, value })),
  ];
  return entries.length > 0 ? [new SubjectAlternativeNameExtension(entries)] : [];
}
