import type { StateCreator } from "zustand";
import type { inspectJwt as inspectJwtNow } from "@/core/assertion/inspect-jwt";
import type { WorkbenchState } from "./workbench-store";

export type JwtInspection = Awaited<ReturnType<typeof inspectJwt>>;

export interface InspectSlice {
  /** What the user pasted, kept as typed: a malformed token never clears it. */
  inspectText: string;
  inspection?: JwtInspection;
  /** The page's own assertion, decoded, verified and linted. */
  assertionInspection?: JwtInspection;
  setInspectText: (text: string) => Promise<void>;
  /** The access token the token endpoint returned, decoded (shown in the Token panel). */
  accessTokenInspection?: JwtInspection;
  inspectAccessToken: (token: string | undefined) => Promise<void>;
  inspectAssertion: (jwt: string | undefined) => Promise<void>;
}

/** The JWT inspector (jose, the lint rules) loads with the first inspection, not with the page (issue 13). */
const inspectJwt: typeof inspectJwtNow = async (...args) => (await import("@/core/assertion/inspect-jwt")).inspectJwt(...args);

let inspectSequence = 0;

export const createInspectSlice: StateCreator<WorkbenchState, [], [], InspectSlice> = (set, get) => ({
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
    const inspection = await inspectJwt(text, { certificateDer: get().credential?.certificateDer });
    // A later keystroke wins over a slower earlier verification.
    if (sequence === inspectSequence) set({ inspection });
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
});
