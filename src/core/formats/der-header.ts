/**
 * Reads the identifier and length octets of the outermost BER/DER element (X.690 §8.1.2–8.1.3),
 * so importers can tell a truncated file from a foreign one before a full parse. Only reads.
 */
export interface DerHeader {
  tag: number;
  headerLength: number;
  /** Length of the contents; undefined for the indefinite form (BER, 0x80). */
  contentLength?: number;
}

export function readDerHeader(bytes: Uint8Array): DerHeader | undefined {
  const tag = bytes[0];
  const first = bytes[1];
  if (tag === undefined || first === undefined || (tag & 0x1f) === 0x1f) return undefined;
  if (first < 0x80) return { tag, headerLength: 2, contentLength: first };
  if (first === 0x80) return { tag, headerLength: 2 };
  const count = first & 0x7f;
  if (count > 4 || bytes.length < 2 + count) return undefined;
  let length = 0;
  for (let i = 0; i < count; i++) length = length * 256 + (bytes[2 + i] ?? 0);
  return { tag, headerLength: 2 + count, contentLength: length };
}

/** Total bytes the outermost element declares (header + contents), if definite. */
export function declaredDerLength(bytes: Uint8Array): number | undefined {
  const header = readDerHeader(bytes);
  return header?.contentLength === undefined ? undefined : header.headerLength + header.contentLength;
}
