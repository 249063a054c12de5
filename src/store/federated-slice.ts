import { DEFAULT_FIC_AUDIENCE, type FederatedCredential, type FederatedCredentialField } from "@/core/federated/federated-credential";
import type { FederatedSignatureCheck } from "@/core/federated/verify-federated-signature";
import type { JwtInspection } from "@/core/jwt/jwt-inspection";
import { runWork, WorkCancelled, type WorkJob } from "@/workers/run-work";
import { INSPECT_IN_WORKER_CHARS } from "./inspect-slice";
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
  /**
   * Forgets the pasted external token and what was made of it, for the Token panel's "Try again" after it
   * failed to render; the credential fields, the JWKS, the key and everything else stay.
   */
  resetFederatedToken: () => void;
}

export const createFederatedSlice: SliceCreator<FederatedSlice> = (set, get) => {
  let federatedSequence = 0;
  /** The checks running in the worker, ended when newer text arrives. */
  let runningChecks: WorkJob<unknown>[] = [];
  const cancelRunningChecks = (): void => {
    for (const job of runningChecks) job.cancel();
    runningChecks = [];
  };
  /** Runs in the worker, remembered so newer text can end it. */
  const inWorker = <T,>(job: WorkJob<T>): Promise<T> => {
    runningChecks.push(job);
    return job.result;
  };
  /**
   * Decodes the token and checks its signature; a later keystroke wins over a slower earlier check. A long
   * token or JWKS (a crafted one of megabytes) is read in the worker, so the page keeps answering.
   */
  const refresh = async () => {
    const sequence = ++federatedSequence;
    cancelRunningChecks();
    const { federatedToken, federatedJwks } = get();
    if (federatedToken.trim() === "") {
      set({ federatedInspection: undefined, federatedSignature: undefined });
      return;
    }
    const token = federatedToken.trim().replace(/^bearer\s+/i, "");
    const tokenIsLong = federatedToken.length > INSPECT_IN_WORKER_CHARS;
    const signatureIsLong = tokenIsLong || federatedJwks.length > INSPECT_IN_WORKER_CHARS;
    try {
      // Loaded on first use: the JWT inspection and jose are kept out of the first screen's JavaScript.
      const [federatedInspection, federatedSignature] = await Promise.all([
        tokenIsLong ? inWorker(runWork({ kind: "inspect", text: federatedToken, options: {} })) : import("@/core/jwt/inspect-jwt").then(({ inspectJwt }) => inspectJwt(federatedToken)),
        signatureIsLong
          ? inWorker(runWork({ kind: "federated-signature", token, jwks: federatedJwks }))
          : import("@/core/federated/verify-federated-signature").then(({ verifyFederatedSignature }) => verifyFederatedSignature(token, federatedJwks)),
      ]);
      if (sequence === federatedSequence) set({ federatedInspection, federatedSignature });
    } catch (error) {
      if (error instanceof WorkCancelled) return;
      throw error;
    }
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
    resetFederatedToken: () => {
      // A pending check of the old token must not come back after the reset.
      federatedSequence++;
      cancelRunningChecks();
      set({ federatedToken: "", federatedInspection: undefined, federatedSignature: undefined });
    },
  };
};
