/**
 * The subject alternative names a certificate or a CSR may carry (RFC 5280 §4.2.1.6): DNS names and URIs,
 * checked once and turned into the one extension both documents use.
 */
import { SubjectAlternativeNameExtension } from "@peculiar/x509";

import type { SubjectAlternativeNames } from "./options";

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
