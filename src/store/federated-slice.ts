import { DEFAULT_FIC_AUDIENCE, type FederatedCredential, type FederatedCredentialField } from "@/core/federated/federated-credential";
import type { FederatedSignatureCheck } from "@/core/federated/verify-federated-signature";
import type { JwtInspection } from "@/core/jwt/jwt-inspection";
import type { SliceCreator } from "./slice-creator";

/**
 * The pasted external token, its decoding, the federated credential it is checked against and
 * the issuer's JWKS. The token is treated like a secret: kept in memory only (never persisted,
 * never in the URL or a log).
 */
export interface FederatedSlice {
  federatedToken: string;
  federatedInspection?: JwtInspection;
  federatedCredential: FederatedCredential;
  federatedJwks: string;
  federatedSignature?: FederatedSignatureCheck;
  setFederatedToken: (text: string) => Promise<void>;
  /** Sets one field exactly as typed (never trimmed: Entra compares what is registered). */
  setFederatedCredentialField: (field: FederatedCredentialField, value: string) => void;
  /** A plain subject, or a flexible credential's expression; the other field keeps what was typed. */
  setFederatedMatchBy: (matchBy: "subject" | "expression") => void;
  setFederatedJwks: (text: string) => Promise<void>;
}

export const createFederatedSlice: SliceCreator<FederatedSlice> = (set, get) => {
  let federatedSequence = 0;
  /** Decodes the token and checks its signature; a later keystroke wins over a slower earlier check. */
  const refresh = async () => {
    const sequence = ++federatedSequence;
    const { federatedToken, federatedJwks } = get();
    if (federatedToken.trim() === "") {
      set({ federatedInspection: undefined, federatedSignature: undefined });
      return;
    }
    // Loaded on first use: the JWT inspection and jose are kept out of the first screen's JavaScript.
    const [{ inspectJwt }, { verifyFederatedSignature }] = await Promise.all([import("@/core/jwt/inspect-jwt"), import("@/core/federated/verify-federated-signature")]);
    const [federatedInspection, federatedSignature] = await Promise.all([inspectJwt(federatedToken), verifyFederatedSignature(federatedToken.trim().replace(/^bearer\s+/i, ""), federatedJwks)]);
    if (sequence === federatedSequence) set({ federatedInspection, federatedSignature });
  };
  return {
    federatedToken: "",
    federatedInspection: undefined,
    federatedCredential: { issuer: "", subject: "", audience: DEFAULT_FIC_AUDIENCE, matchBy: "subject", expression: "" },
    federatedJwks: "",
    federatedSignature: undefined,
    setFederatedToken: async (federatedToken) => {
      set({ federatedToken });
      await refresh();
    },
    setFederatedCredentialField: (field, value) => set((state) => ({ federatedCredential: { ...state.federatedCredential, [field]: value } })),
    setFederatedMatchBy: (matchBy) => set((state) => ({ federatedCredential: { ...state.federatedCredential, matchBy } })),
    setFederatedJwks: async (federatedJwks) => {
      set({ federatedJwks });
      await refresh();
    },
  };
};
