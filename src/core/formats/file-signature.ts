/**
 * Names what a file that is not a certificate, key or PFX appears to be, from its first bytes
 * (the "magic numbers" each format starts with), so the message can say what the user picked.
 */
const SIGNATURES: { bytes: number[]; name: string }[] = [
  { bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], name: "the PNG signature" },
  { bytes: [0xff, 0xd8, 0xff], name: "the JPEG signature" },
  { bytes: [0x47, 0x49, 0x46, 0x38], name: "the GIF signature" },
  { bytes: [0x25, 0x50, 0x44, 0x46], name: "the PDF signature %PDF" },
  { bytes: [0x50, 0x4b, 0x03, 0x04], name: "the ZIP signature; unzip it and import the files inside" },
  { bytes: [0x1f, 0x8b], name: "the gzip signature; decompress it first" },
  { bytes: [0x4d, 0x5a], name: "the signature of a Windows program (MZ)" },
  { bytes: [0x7f, 0x45, 0x4c, 0x46], name: "the signature of a Linux program (ELF)" },
  { bytes: [0xef, 0xbb, 0xbf], name: "a UTF-8 text marker but no PEM block" },
];

function hexPrefix(bytes: Uint8Array): string {
  return [...bytes.subarray(0, 4)].map((byte) => byte.toString(16).padStart(2, "0").toUpperCase()).join(" ");
}

/** "the PNG signature", "bytes 12 34 56 78", … — for "This file is not … (it starts with …)". */
export function describeFileStart(bytes: Uint8Array): string {
  for (const signature of SIGNATURES) {
    if (signature.bytes.every((byte, i) => bytes[i] === byte)) return signature.name;
  }
  return `bytes ${hexPrefix(bytes)}, which no certificate, key or PFX starts with`;
}

export function notCredentialMaterial(bytes: Uint8Array): string {
  return `This file is not a certificate, key or PFX (it starts with ${describeFileStart(bytes)}).`;
}
