/**
 * Whether the text in a certificate's issuer and subject names is what its string type says. OpenSSL converts
 * every name to UTF-8 when it reads a certificate (x509_name_canon, ASN1_STRING_to_UTF8) and refuses one whose
 * UTF8String is not UTF-8 (RFC 3629), whose BMPString is not whole UCS-2 characters or whose UniversalString is
 * not whole UCS-4 ones; the ASN.1 reader the page uses replaces such bytes instead, so a damaged name would read
 * as another name. Only reads the DER (X.690 §8.1).
 */
import { readDerHeader } from "../formats/der-header";

const UTF8_STRING = 0x0c;
const BMP_STRING = 0x1e;
const UNIVERSAL_STRING = 0x1c;
const SEQUENCE = 0x30;

interface Element {
  tag: number;
  contents: Uint8Array;
}

/** The elements inside `bytes`, in order; undefined when their lengths do not add up. */
function children(bytes: Uint8Array): Element[] | undefined {
  const elements: Element[] = [];
  let offset = 0;
  while (offset < bytes.length) {
    const header = readDerHeader(bytes.subarray(offset));
    if (header?.contentLength === undefined) return undefined;
    const end = offset + header.headerLength + header.contentLength;
    if (end > bytes.length) return undefined;
    elements.push({ tag: header.tag, contents: bytes.subarray(offset + header.headerLength, end) });
    offset = end;
  }
  return elements;
}

const strictUtf8 = new TextDecoder("utf-8", { fatal: true });

function stringIsWellFormed({ tag, contents }: Element): boolean {
  if (tag === UTF8_STRING) {
    try {
      strictUtf8.decode(contents);
      return true;
    } catch {
      return false;
    }
  }
  if (tag === BMP_STRING) return contents.length % 2 === 0;
  if (tag === UNIVERSAL_STRING) return contents.length % 4 === 0;
  return true;
}

/** Every string in a Name (RFC 5280 §4.1.2.4: SEQUENCE OF SET OF SEQUENCE { type, value }) is well formed. */
function nameIsWellFormed(name: Element): boolean {
  for (const set of children(name.contents) ?? []) {
    for (const attribute of children(set.contents) ?? []) {
      const [, value] = children(attribute.contents) ?? [];
      if (value && !stringIsWellFormed(value)) return false;
    }
  }
  return true;
}

/**
 * The name (issuer or subject) whose strings are not what their type says, or undefined when both are well
 * formed (or the structure is not one this reads: the certificate parser judges that).
 *
 * @example malformedCertificateName(der) // "issuer"
 */
export function malformedCertificateName(certificateDer: Uint8Array): "issuer" | "subject" | undefined {
  const top = readDerHeader(certificateDer);
  if (top?.contentLength === undefined || top.tag !== SEQUENCE) return undefined;
  const [tbs] = children(certificateDer.subarray(top.headerLength, top.headerLength + top.contentLength)) ?? [];
  if (tbs?.tag !== SEQUENCE) return undefined;
  const fields = children(tbs.contents);
  if (!fields) return undefined;
  // TBSCertificate (RFC 5280 §4.1): [0] version (optional), serialNumber, signature, issuer, validity, subject.
  const start = fields[0]?.tag === 0xa0 ? 1 : 0;
  const issuer = fields[start + 2];
  const subject = fields[start + 4];
  if (issuer && !nameIsWellFormed(issuer)) return "issuer";
  if (subject && !nameIsWellFormed(subject)) return "subject";
  return undefined;
}
