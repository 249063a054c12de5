/**
 * The work one PFX import may cost, counted before it is done. Each encrypted part of a PFX has its own
 * key derivation (RFC 7292 §4.1, Appendix B; RFC 8018 §5.2), and the per-derivation iteration caps do not
 * bound how many parts a file has: 120 parts at 50,000 iterations each kept a page busy for 17 s.
 * Like .NET, which refuses a PFX whose iterations add up to more than 600,000 (its
 * Pkcs12UnspecifiedPasswordIterationLimit), the workbench bounds the total.
 */
import { EncryptedPrivateKeyInfo } from "@peculiar/asn1-pkcs8";
import { AuthenticatedSafe, id_pkcs8ShroudedKeyBag, id_SafeContents, SafeContents } from "@peculiar/asn1-pfx";
import { AsnConvert } from "@peculiar/asn1-schema";
import type { AlgorithmIdentifier } from "@peculiar/asn1-x509";
import { toArrayBuffer, toBytes } from "../encoding";
import { WorkbenchError } from "../errors";
import { BerOctetString, CmsEncryptedData, OID, Pbes2Params, Pbkdf2Params, Pkcs12PbeParams } from "./asn1-schemas";

/**
 * Key-derivation iterations one import may spend, summed over the MAC, every encrypted part and every
 * shrouded key, for every password tried. Real files need far less: OpenSSL 3 about 6,000 (2,048 for each
 * of MAC, certificates and key; `-legacy` about 10,000), Windows about 6,000, Java keytool about 30,000.
 */
export const MAX_PKCS12_IMPORT_ITERATIONS = 1_000_000;

const PKCS12_PBE_OIDS: ReadonlySet<string> = new Set([OID.pbeWithSha1And3KeyTripleDesCbc, OID.pbeWithSha1And2KeyTripleDesCbc, OID.pbeWithSha1And128BitRc2Cbc, OID.pbeWithSha1And40BitRc2Cbc]);

/**
 * The iterations decrypting under `algorithm` costs: PBKDF2's count once (RFC 8018 §6.2), or the PKCS#12
 * KDF's count twice, for the key and the IV (RFC 7292 Appendix B.2, C). 0 for schemes the decryptor refuses anyway.
 */
export function derivationCost(algorithm: AlgorithmIdentifier): number {
  try {
    if (algorithm.algorithm === OID.pbes2 && algorithm.parameters) {
      const pbes2 = AsnConvert.parse(algorithm.parameters, Pbes2Params);
      const kdf = pbes2.keyDerivationFunc.parameters ? AsnConvert.parse(pbes2.keyDerivationFunc.parameters, Pbkdf2Params) : undefined;
      return Math.max(0, kdf?.iterationCount ?? 0);
    }
    if (PKCS12_PBE_OIDS.has(algorithm.algorithm) && algorithm.parameters) {
      return 2 * Math.max(0, AsnConvert.parse(algorithm.parameters, Pkcs12PbeParams).iterations);
    }
  } catch {
    // Unreadable parameters: the decryptor names the damage when it gets there.
  }
  return 0;
}

/** What a PFX's visible structure says its import will cost. */
export interface PfxWork {
  /** Total key-derivation iterations over every password candidate. */
  iterations: number;
  /** Encrypted parts (EncryptedData contents and shrouded keys) outside any encrypted part. */
  encryptedParts: number;
  /** The largest iteration count of one part. */
  largestPart: number;
}

function shroudedKeyCosts(safeContentsDer: Uint8Array, depth = 0): number[] {
  if (depth > 3) return [];
  return AsnConvert.parse(toArrayBuffer(safeContentsDer), SafeContents).flatMap((bag) => {
    if (bag.bagId === id_pkcs8ShroudedKeyBag) return [derivationCost(AsnConvert.parse(bag.bagValue, EncryptedPrivateKeyInfo).encryptionAlgorithm)];
    if (bag.bagId === id_SafeContents) return shroudedKeyCosts(toBytes(bag.bagValue), depth + 1);
    return [];
  });
}

/**
 * Counts the derivations an import of this AuthenticatedSafe will run, without running any: the MAC
 * (per candidate password), every EncryptedData content and every shrouded key in plain contents (per
 * candidate when there is no MAC to pick the password first). Throws on a structure it cannot read.
 */
export function countPfxWork(authSafeDer: Uint8Array, macIterations: number | undefined, candidates: number): PfxWork {
  const costs: number[] = [];
  for (const info of AsnConvert.parse(toArrayBuffer(authSafeDer), AuthenticatedSafe)) {
    if (info.contentType === OID.data) costs.push(...shroudedKeyCosts(AsnConvert.parse(info.content, BerOctetString).bytes));
    else if (info.contentType === OID.encryptedData) costs.push(derivationCost(AsnConvert.parse(info.content, CmsEncryptedData).encryptedContentInfo.contentEncryptionAlgorithm));
  }
  const contents = costs.reduce((sum, cost) => sum + cost, 0);
  const mac = macIterations === undefined ? 0 : macIterations * candidates;
  return { iterations: mac + contents * (macIterations === undefined ? candidates : 1), encryptedParts: costs.length, largestPart: Math.max(0, ...costs) };
}

function overBudget(iterations: number, detail: string): WorkbenchError {
  const total = iterations.toLocaleString("en-US");
  return new WorkbenchError(
    "ERR_UNSUPPORTED_FORMAT",
    `This PFX would need ${total} key-derivation iterations to open (${detail}); the workbench stops at ${MAX_PKCS12_IMPORT_ITERATIONS.toLocaleString("en-US")} so a file cannot keep the page busy, and real exporters need under 40,000. Export it again with one key and its certificate (openssl pkcs12 -export, which uses 2,048 iterations), or it is damaged or crafted.`,
  );
}

/** Refuses, before any derivation runs, a PFX whose visible structure costs more than the budget. */
export function checkPfxWork(work: PfxWork): void {
  if (work.iterations > MAX_PKCS12_IMPORT_ITERATIONS) {
    throw overBudget(work.iterations, `${String(work.encryptedParts)} encrypted part${work.encryptedParts === 1 ? "" : "s"}, up to ${work.largestPart.toLocaleString("en-US")} iterations each`);
  }
}

/** What is left of one import's budget; charged before each derivation found only after decrypting a part. */
export class DerivationBudget {
  constructor(private spent: number) {}

  charge(iterations: number): void {
    this.spent += iterations;
    if (this.spent > MAX_PKCS12_IMPORT_ITERATIONS) throw overBudget(this.spent, "keys hidden inside its encrypted parts add to the count");
  }
}
