/**
 * Entra's rule for the key of a certificate credential — RSA, with a modulus of at least 2048 bits — said
 * once: the constant, the bit length of a modulus, and the one sentence naming the problem and the fix.
 */
import { toBytes } from "../encoding";
import { WorkbenchError } from "../errors";

/** Entra refuses a certificate credential whose RSA modulus is shorter (AADSTS50032; docs/entra.md, "Keys"). */
export const MIN_ENTRA_RSA_BITS = 2048;

/** The rule in words, e.g. as a checklist title. */
export const ENTRA_KEY_RULE = `RSA key of at least ${String(MIN_ENTRA_RSA_BITS)} bits`;

/** What to do about a key that breaks the rule. */
export const ENTRA_KEY_RULE_FIX = `Generate a new RSA key of ${String(MIN_ENTRA_RSA_BITS)} bits or more (and a certificate for it).`;

/**
 * The length in bits of an RSA modulus given as the bytes of its ASN.1 INTEGER (RFC 8017 §A.1): leading
 * zero octets (the sign octet DER adds) do not count.
 *
 * @example rsaModulusBitLength(rsaPublicKey.modulus) // 2048
 */
export function rsaModulusBitLength(modulus: ArrayBuffer | Uint8Array): number {
  let bytes = toBytes(modulus);
  while (bytes.length > 0 && bytes[0] === 0) bytes = bytes.subarray(1);
  const leading = bytes[0] ?? 0;
  return leading === 0 ? 0 : (bytes.length - 1) * 8 + (32 - Math.clz32(leading));
}

/** A key as the rule sees it: its algorithm ("RSA", "EC (P-256)", …) and, for RSA, its modulus length. */
export interface KeyShape {
  algorithm: string;
  rsaKeyBits?: number;
}

/** Whether Entra takes this key for a certificate credential. */
export function meetsEntraKeyRule(key: KeyShape): boolean {
  return key.algorithm === "RSA" && (key.rsaKeyBits ?? 0) >= MIN_ENTRA_RSA_BITS;
}

/**
 * The sentence naming what breaks the rule, undefined when the key meets it; `whose` names the key
 * ("This key", "The certificate's key"). Add ENTRA_KEY_RULE_FIX for the fix.
 *
 * @example entraKeyRuleProblem({ algorithm: "RSA", rsaKeyBits: 1024 }) // "This key is RSA 1024-bit; Entra needs RSA ≥ 2048 bits (AADSTS50032)."
 */
export function entraKeyRuleProblem(key: KeyShape, whose = "This key"): string | undefined {
  if (meetsEntraKeyRule(key)) return undefined;
  if (key.algorithm !== "RSA") {
    // Certificate credentials are RSA only: an EC or Ed25519 key cannot sign what Entra checks (docs/entra.md, "Keys").
    return `${whose} is ${key.algorithm}; Entra accepts RSA keys only, of at least ${String(MIN_ENTRA_RSA_BITS)} bits (AADSTS50032).`;
  }
  const what = key.rsaKeyBits !== undefined ? `RSA ${String(key.rsaKeyBits)}-bit` : "RSA";
  return `${whose} is ${what}; Entra needs RSA ≥ ${String(MIN_ENTRA_RSA_BITS)} bits (AADSTS50032).`;
}

/**
 * Throws when the key breaks the rule: ERR_INVALID_KEY_SIZE for a short RSA key, ERR_UNSUPPORTED_KEY for
 * another algorithm; the message says the problem and the fix.
 */
export function assertEntraKeyRule(key: KeyShape, whose?: string): void {
  const problem = entraKeyRuleProblem(key, whose);
  if (problem) throw new WorkbenchError(key.algorithm === "RSA" ? "ERR_INVALID_KEY_SIZE" : "ERR_UNSUPPORTED_KEY", `${problem} ${ENTRA_KEY_RULE_FIX}`);
}
