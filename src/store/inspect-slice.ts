import { inspectJwt } from "@/core/assertion/inspect-jwt";
import { onCredentialChanged } from "./credential-changed";
import type { SliceCreator } from "./slice-creator";

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
  };
};
