import type { JwtInspection } from "@/core/jwt/jwt-inspection";
import { runWork, WorkCancelled, type WorkJob } from "@/workers/run-work";
import { onCredentialChanged } from "./credential-changed";
import { inspectJwtLazily } from "./inspect-jwt-lazily";
import type { SliceCreator } from "./slice-creator";

/**
 * Pasted text longer than this is inspected in the worker: real tokens are a few KB (an access token with
 * many groups ~10 KB), and a crafted one of megabytes must not hold the main thread while it is decoded.
 */
export const INSPECT_IN_WORKER_CHARS = 16 * 1024;

/** The Inspect panel: a token the user pasted, decoded and checked. */
export interface InspectSlice {
  /** What the user pasted, kept as typed: a malformed token never clears it. */
  inspectText: string;
  inspection?: JwtInspection;
  setInspectText: (text: string) => Promise<void>;
  /**
   * Forgets the decoded view of the pasted token, for the Inspect panel's "Try again" after its result
   * failed to render; the pasted text, the credential and everything else stay.
   */
  resetInspection: () => void;
}

export const createInspectSlice: SliceCreator<InspectSlice> = (set, get, store) => {
  let inspectSequence = 0;
  /** The inspection running in the worker, ended when newer text arrives. */
  let runningInspection: WorkJob<unknown> | undefined;

  /** The certificate the shown inspection was checked with: its verdict is stale once the page's differs. */
  let checkedWith: Uint8Array | undefined;

  onCredentialChanged(store, () => {
    // Generated, imported, certified or removed: what the panel says about the signature and the thumbprint
    // was judged against the certificate the page had then, so it is judged again against the one it has now.
    if (get().credential?.certificateDer === checkedWith) return;
    if (get().inspectText.trim() !== "") void get().setInspectText(get().inspectText);
  });

  return {
    inspectText: "",
    inspection: undefined,
    setInspectText: async (text) => {
      const sequence = ++inspectSequence;
      set({ inspectText: text });
      if (text.trim() === "") {
        set({ inspection: undefined });
        return;
      }
      runningInspection?.cancel();
      runningInspection = undefined;
      const certificateDer = get().credential?.certificateDer;
      checkedWith = certificateDer;
      const options = { certificateDer };
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
        inspection = await inspectJwtLazily(text, options);
      }
      // A later keystroke wins over a slower earlier verification.
      if (sequence === inspectSequence) set({ inspection });
    },
    resetInspection: () => {
      // A pending inspection of the old text must not come back after the reset.
      inspectSequence++;
      set({ inspection: undefined });
    },
  };
};
