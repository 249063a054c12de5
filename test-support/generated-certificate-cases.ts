// Test fixture: the inputs the generate path's hand-laid-out certificate is checked over: with and without
// SANs, every subject field with non-ASCII and RFC 4514 special characters, 2048 and 3072-bit keys, and
// validities on both sides of 2050, where RFC 5280 §4.1.2.5 switches UTCTime to GeneralizedTime.
import type { SubjectAlternativeNames } from "../src/core/certificate/options";
import type { SubjectFields } from "../src/core/certificate/subject";

export interface GeneratedCertificateCase {
  label: string;
  keyBits: 2048 | 3072;
  subject: SubjectFields;
  subjectAlternativeNames?: SubjectAlternativeNames;
  validityDays: number;
  now: Date;
  /** The ASN.1 types OpenSSL reports for notBefore and notAfter. */
  timeTypes: ["UTCTIME" | "GENERALIZEDTIME", "UTCTIME" | "GENERALIZEDTIME"];
}

export const GENERATED_CERTIFICATE_CASES: GeneratedCertificateCase[] = [
  {
    label: "a Common Name only, no SANs",
    keyBits: 2048,
    subject: { commonName: "daemon-app" },
    validityDays: 365,
    now: new Date("2026-12-02T03:04:05.678Z"),
    timeTypes: ["UTCTIME", "UTCTIME"],
  },
  {
    label: "every subject field, non-ASCII and RFC 4514 specials, DNS and URI SANs",
    keyBits: 2048,
    subject: {
      commonName: 'Zoë\'s app, "β" + 😀 #1',
      organization: "Contoso, Ltd.",
      organizationalUnit: 'R&D "Identity" <core>; x=y',
      locality: "Zürich",
      state: "Ζυρίχη",
      country: "CH",
      email: "ops@contoso.example",
    },
    subjectAlternativeNames: { dnsNames: ["app.contoso.example", "*.contoso.example"], uris: ["urn:contoso:app", "https://contoso.example/app?x=1"] },
    validityDays: 3650,
    now: new Date("2027-02-28T23:59:59.999Z"),
    timeTypes: ["UTCTIME", "UTCTIME"],
  },
  {
    label: "a 3072-bit key with one DNS name",
    keyBits: 3072,
    subject: { commonName: "big-key", organization: "Fabrikam" },
    subjectAlternativeNames: { dnsNames: ["fabrikam.example"] },
    validityDays: 730,
    now: new Date("2026-06-15T12:00:00.000Z"),
    timeTypes: ["UTCTIME", "UTCTIME"],
  },
  {
    label: "a validity crossing 2050: notBefore UTCTime, notAfter GeneralizedTime",
    keyBits: 2048,
    subject: { commonName: "crossing", country: "FI" },
    subjectAlternativeNames: { uris: ["urn:example:crossing"] },
    validityDays: 1,
    now: new Date("2049-12-31T12:00:00.500Z"),
    timeTypes: ["UTCTIME", "GENERALIZEDTIME"],
  },
  {
    label: "notBefore in the last second of 2049, notAfter after 2050",
    keyBits: 2048,
    subject: { commonName: "edge" },
    validityDays: 30,
    now: new Date("2050-01-01T00:04:59.250Z"),
    timeTypes: ["UTCTIME", "GENERALIZEDTIME"],
  },
  {
    label: "both times from 2050: GeneralizedTime",
    keyBits: 2048,
    subject: { commonName: "later" },
    validityDays: 365,
    now: new Date("2051-03-01T08:00:00.000Z"),
    timeTypes: ["GENERALIZEDTIME", "GENERALIZEDTIME"],
  },
];

/** One key per size, made once for a test file. */
export async function makeCaseKeys(generate: (bits: 2048 | 3072) => Promise<CryptoKeyPair>): Promise<Record<2048 | 3072, CryptoKeyPair>> {
  const [k2048, k3072] = await Promise.all([generate(2048), generate(3072)]);
  return { 2048: k2048, 3072: k3072 };
}
