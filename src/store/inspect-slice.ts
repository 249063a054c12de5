import type { inspectJwt as inspectJwtNow } from "@/core/jwt/inspect-jwt";
import { runWork, WorkCancelled, type WorkJob } from "@/workers/run-work";
import { onCredentialChanged } from "./credential-changed";
import type { SliceCreator } from "./slice-creator";

export type JwtInspection = Awaited<ReturnType<typeof inspectJwt>>;

/**
 * Pasted text longer than this is inspected in the worker: real tokens are a few KB (an access token with
 * many groups ~10 KB), and a crafted one of megabytes must not hold the main thread while it is decoded.
 */
export const INSPECT_IN_WORKER_CHARS = 16 * 1024;

/** The inspection running in the worker, ended when newer text arrives. */
let runningInspection: WorkJob<unknown> | undefined;

export interface InspectSlice {
  /** What the user pasted, kept as typed: a malformed token never clears it. */
  inspectText: string;
  inspection?: JwtInspection;
  /** The page's own assertion, decoded, verified and linted. */
  assertionInspection?: JwtInspection;
  setInspectText: (text: string) => Promise<void>;
  /**
   * Forgets the decoded view of the pasted token, for the Inspect panel's "Try again" after its result
   * failed to render; the pasted text, the credential and everything else stay.
   */
  resetInspection: () => void;
  /** The access token the token endpoint returned, decoded (shown in the Token panel). */
  accessTokenInspection?: JwtInspection;
  inspectAccessToken: (token: string | undefined) => Promise<void>;
  inspectAssertion: (jwt: string | undefined) => Promise<void>;
}

/** The JWT inspector (jose, the lint rules) loads with the first inspection, not with the page (issue 13). */
const inspectJwt: typeof inspectJwtNow = async (...args) => (await import("@/core/jwt/inspect-jwt")).inspectJwt(...args);

let inspectSequence = 0;

export const createInspectSlice: SliceCreator<InspectSlice> = (set, get, store) => {
  onCredentialChanged(store, ({ cause }) => {
    if (cause !== "forgotten") return;
    set({ assertionInspection: undefined, accessTokenInspection: undefined });
    // What the Inspect panel says was checked against the removed certificate is checked again without it.
    void get().setInspectText(get().inspectText);
  });

  return {
    inspectText: "",
    inspection: undefined,
    assertionInspection: undefined,
    accessTokenInspection: undefined,
    setInspectText: async (text) => {
      const sequence = ++inspectSequence;
      set({ inspectText: text });
      if (text.trim() === "") {
        set({ inspection: undefined });
        return;
      }
      runningInspection?.cancel();
      runningInspection = undefined;
      const options = { certificateDer: get().credential?.certificateDer };
      let inspection: JwtInspection;
      if (text.length > INSPECT_IN_WORKER_CHARS) {
        const job = runWork({ kind: "inspect", text, options });
        runningInspection = job;
        try {
          inspection = await job.result;
        } catch (error) {
          if (error instanceof WorkCancelled) return;
          throw error;
        }
      } else {
        inspection = await inspectJwt(text, options);
      }
      // A later keystroke wins over a slower earlier verification.
      if (sequence === inspectSequence) set({ inspection });
    },
    resetInspection: () => {
      // A pending inspection of the old text must not come back after the reset.
      inspectSequence++;
      set({ inspection: undefined });
    },
    inspectAccessToken: async (token) => {
      set({ accessTokenInspection: token ? await inspectJwt(token, {}) : undefined });
    },
    inspectAssertion: async (jwt) => {
      if (!jwt) {
        set({ assertionInspection: undefined });
        return;
      }
      const assertionInspection = await inspectJwt(jwt, { certificateDer: get().credential?.certificateDer });
      if (get().assertion?.jwt === jwt) set({ assertionInspection });
    },
  };
};
