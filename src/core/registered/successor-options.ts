/**
 * What a registered certificate's successor is made with: the same subject and key size (read from the
 * certificate in `key` when the paste has it, else the Generate form's) and the same validity length
 * (the certificate's, else the registered start and end dates, else the form's). A rotation changes the
 * key and nothing the app or its operators rely on.
 */
import { parseCertificateDer } from "../certificate/parse";
import { describeSubjectPublicKeyInfo } from "../certificate/describe";
import { MAX_VALIDITY_DAYS, MIN_VALIDITY_DAYS } from "../certificate/options";
import type { SubjectFields } from "../certificate/subject";
import { RSA_KEY_SIZES, type RsaKeySize } from "../keys/rsa-keys";
import { toBytes } from "../encoding";
import type { RegisteredCertificate } from "./registered-credential";

export interface SuccessorOptions {
  /** Only the fields to set: undefined means "keep the form's". */
  subject?: SubjectFields;
  keySize?: RsaKeySize;
  validityDays?: number;
  /** Where each came from, for the page to say. */
  from: { subject: "key" | "form"; keySize: "key" | "form"; validityDays: "key" | "dates" | "form" };
  /** Something the successor cannot copy (a 1024-bit key, a lifetime over 10 years), in words. */
  notes: string[];
}

const DAY_MS = 86_400_000;
// X.520 attribute types (RFC 4519; emailAddress from PKCS #9) by the short names @peculiar/x509 uses.
const FIELDS: [keyof SubjectFields, string][] = [
  ["commonName", "CN"],
  ["organization", "O"],
  ["organizationalUnit", "OU"],
  ["locality", "L"],
  ["state", "ST"],
  ["country", "C"],
  ["email", "E"],
];

function clampDays(days: number, notes: string[]): number {
  if (days > MAX_VALIDITY_DAYS) {
    notes.push(`The old certificate lasted ${String(days)} days; the successor is made for ${String(MAX_VALIDITY_DAYS)}, the longest the page makes.`);
    return MAX_VALIDITY_DAYS;
  }
  return Math.max(MIN_VALIDITY_DAYS, days);
}

export function describeSuccessor(row: RegisteredCertificate): SuccessorOptions {
  const notes: string[] = [];
  const options: SuccessorOptions = { from: { subject: "form", keySize: "form", validityDays: "form" }, notes };
  if (row.certificateDer) {
    const certificate = parseCertificateDer(row.certificateDer);
    const subject: SubjectFields = { commonName: "" };
    for (const [field, name] of FIELDS) {
      const value = certificate.subjectName.getField(name)[0];
      if (value !== undefined) subject[field] = value;
    }
    options.subject = subject;
    options.from.subject = "key";
    const bits = describeSubjectPublicKeyInfo(toBytes(certificate.publicKey.rawData)).rsaKeyBits;
    const size = RSA_KEY_SIZES.find((candidate) => candidate === bits);
    if (size !== undefined) {
      options.keySize = size;
      options.from.keySize = "key";
    } else {
      notes.push(`The old certificate's key is ${bits === undefined ? "not RSA" : `${String(bits)}-bit RSA`}, which Entra does not take for new certificates: the successor uses the form's key size.`);
    }
    options.validityDays = clampDays(Math.round((certificate.notAfter.getTime() - certificate.notBefore.getTime()) / DAY_MS), notes);
    options.from.validityDays = "key";
    return options;
  }
  if (row.startDateTime !== undefined && row.endDateTime !== undefined) {
    options.validityDays = clampDays(Math.round((Date.parse(row.endDateTime) - Date.parse(row.startDateTime)) / DAY_MS), notes);
    options.from.validityDays = "dates";
  }
  return options;
}
