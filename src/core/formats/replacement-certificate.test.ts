import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { encodePem } from "./pem";
import { WorkbenchError } from "../errors";
import { createOpenSslWorkspace, type OpenSslWorkspace } from "../../../test-support/openssl";
import { credentialFromImport, replaceCertificateIfKeyMatches } from "./credential-from-import";
import { importCredentialMaterial } from "./import-material";
import type { Credential } from "../credential/credential";

// A damaged copy of the page's own certificate carries the page's public key, as a
// CA-issued certificate for the page's key does; OpenSSL's `verify` is the independent judge of which is which.
let openssl: OpenSslWorkspace;
let credential: Credential;
let pageDer: Uint8Array;
let caSignedDer: Uint8Array;

const SUBJECT = "replacement-page";
const text = (name: string): Uint8Array => new TextEncoder().encode(openssl.run(["x509", "-in", name]));

async function certificateOf(bytes: Uint8Array): Promise<Uint8Array> {
  const result = await importCredentialMaterial([{ bytes }]);
  if (!result.ok || !result.certificates[0]) throw new Error("fixture did not import");
  return result.certificates[0].der;
}

/** Offsets of the page's CN text in the DER: the issuer's comes first, then the subject's (RFC 5280 §4.1). */
function nameOffsets(der: Uint8Array): number[] {
  const needle = new TextEncoder().encode(SUBJECT);
  const offsets: number[] = [];
  for (let i = 0; i + needle.length <= der.length; i++) if (needle.every((byte, k) => der[i + k] === byte)) offsets.push(i);
  return offsets;
}

function flipped(der: Uint8Array, offset: number, bit: number): Uint8Array {
  const copy = der.slice();
  copy[offset] = (copy[offset] ?? 0) ^ (1 << bit);
  return copy;
}

/** OpenSSL's verdict on `der` as issued by `caFile` (exit status 0 = verifies). */
function opensslVerifies(der: Uint8Array, caFile: string): boolean {
  openssl.write("candidate.pem", encodePem("CERTIFICATE", der));
  return openssl.tryRun(["verify", "-CAfile", caFile, "-partial_chain", "candidate.pem"]).status === 0;
}

beforeAll(async () => {
  openssl = createOpenSslWorkspace();
  openssl.run(["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "key.pem", "-out", "page.pem", "-subj", `/CN=${SUBJECT}`, "-days", "30"]);
  openssl.run(["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca-key.pem", "-out", "ca.pem", "-subj", "/CN=replacement-ca", "-days", "30"]);
  openssl.run(["req", "-new", "-key", "key.pem", "-subj", `/CN=${SUBJECT}`, "-out", "page.csr"]);
  openssl.run(["x509", "-req", "-in", "page.csr", "-CA", "ca.pem", "-CAkey", "ca-key.pem", "-CAcreateserial", "-days", "30", "-out", "ca-signed.pem"]);
  const keyAndCertificate = await importCredentialMaterial([{ bytes: new TextEncoder().encode(openssl.run(["pkey", "-in", "key.pem"])) }, { bytes: text("page.pem") }]);
  credential = await credentialFromImport(keyAndCertificate);
  pageDer = credential.certificateDer;
  caSignedDer = await certificateOf(text("ca-signed.pem"));
});
afterAll(() => openssl.dispose());

async function refusal(der: Uint8Array): Promise<WorkbenchError> {
  const error: unknown = await replaceCertificateIfKeyMatches(credential, der).then(() => undefined, (reason: unknown) => reason);
  if (!(error instanceof WorkbenchError)) throw new Error(`expected a refusal, got ${String(error)}`);
  return error;
}

describe("a certificate replaces the page's own only when it is not a damaged copy of it", () => {
  it("accepts the CA-issued certificate for the page's key (OpenSSL verifies it with the CA)", async () => {
    expect(opensslVerifies(caSignedDer, "ca.pem")).toBe(true);
    const replaced = await replaceCertificateIfKeyMatches(credential, caSignedDer);
    expect(replaced.certificateDetails.issuer).toContain("replacement-ca");
  });

  it("accepts the page's own certificate again, unchanged", async () => {
    expect((await replaceCertificateIfKeyMatches(credential, pageDer)).certificateDer).toEqual(pageDer);
  });

  it("names every copy with a bit flipped in its subject or issuer as damaged (OpenSSL refuses each too)", async () => {
    const [issuerAt, subjectAt] = nameOffsets(pageDer);
    expect(issuerAt).toBeDefined();
    expect(subjectAt).toBeDefined();
    for (const start of [issuerAt ?? 0, subjectAt ?? 0]) {
      for (const [offset, bit] of [[start, 0], [start + 3, 1], [start + SUBJECT.length - 1, 2]] as const) {
        const copy = flipped(pageDer, offset, bit);
        expect(opensslVerifies(copy, "page.pem")).toBe(false);
        const error = await refusal(copy);
        expect(error.code).toBe("ERR_UNSUPPORTED_FORMAT");
        expect(error.message).toContain("damaged copy of the one on this page");
        expect(error.message).toContain("The page keeps its certificate");
      }
    }
  });
});
