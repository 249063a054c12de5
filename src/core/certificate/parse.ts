/** Reads a certificate from DER, and writes it as PEM. */
import { toArrayBuffer } from "../encoding";
import { WorkbenchError } from "../errors";
import { encodePem } from "../formats/pem";
import { X509Certificate } from "@peculiar/x509";
import { malformedCertificateName } from "./name-strings";

/** Parses a DER certificate, with a message the user can act on when it is not one. */
export function parseCertificateDer(der: Uint8Array): X509Certificate {
  const malformed = malformedCertificateName(der);
  if (malformed) {
    throw new WorkbenchError("ERR_UNSUPPORTED_FORMAT", `This certificate is damaged: its ${malformed} name holds text that is not what its string type says (not UTF-8), so it cannot be read as it was issued. Download or export it again.`);
  }
  try {
    return new X509Certificate(toArrayBuffer(der));
  } catch (error) {
    throw new WorkbenchError("ERR_UNSUPPORTED_FORMAT", "This is not an X.509 certificate (its DER structure could not be read). Check that you chose the certificate file (.crt, .cer, .pem).", { cause: error });
  }
}

/** PEM `CERTIFICATE` (RFC 7468 §5.1): server.crt, server.pem's second block. */
export function encodeCertificatePem(certificateDer: Uint8Array): string {
  return encodePem("CERTIFICATE", certificateDer);
}
