/**
 * A lazily loaded entry: the Sign elsewhere actions (fix the header and claims, show the digest, judge
 * the signature pasted back), loaded by external-sign-slice.ts on the first call and imported by the
 * panel itself.
 */
import type { ExternalSigningRequest } from "@/core/assertion/external-signing-input";
import type { ExternalSignatureVerdict } from "@/core/assertion/verify-external-signature";
import { assertionSettings } from "@/core/assertion/assertion-settings";
import { describeError } from "@/core/errors";
import type { WorkbenchState } from "./create-workbench-store";
import type { ExternalSignActions, ExternalSignMemory, ExternalSignSlice } from "./external-sign-slice";
import type { SetOwnFields } from "./slice-creator";

/** Earlier requests kept to recognise a signature for one of them ("the header or claims changed since"). */
const EARLIER_KEPT = 5;

// The core modules bring the X.509 parser: loaded with the first start, not with the panel, so opening the assertion panel stays light.
const loadCore = () => Promise.all([import("@/core/assertion/external-signing-input"), import("@/core/assertion/verify-external-signature")]);

export function createExternalSignActions(set: SetOwnFields<ExternalSignSlice>, get: () => WorkbenchState, memory: ExternalSignMemory): ExternalSignActions {
  const verify = async (request: ExternalSigningRequest, earlier: ExternalSigningRequest[], pasted: string, sequence: number): Promise<void> => {
    const credential = get().credential;
    if (!credential) return;
    let verdict: ExternalSignatureVerdict | undefined;
    if (pasted.trim() !== "") {
      const [, { verifyExternalSignature }] = await loadCore();
      verdict = await verifyExternalSignature({ request, earlier, certificateDer: credential.certificateDer, pasted });
    }
    if (sequence !== memory.sequence) return;
    set((state) => ({ externalSign: { ...state.externalSign, verdict } }));
    // The assertion slice takes a valid signature as the page's assertion, and drops one that is no longer valid.
    await get().signAssertion();
  };

  return {
    startExternalSigning: async () => {
      const sequence = ++memory.sequence;
      const { credential, settings, externalSign } = get();
      if (!credential) return;
      const fromSettings = assertionSettings(settings);
      if (!fromSettings) {
        set({ externalSign: { ...externalSign, request: undefined, verdict: undefined, error: "Fill in the tenant and client ID above: they go into the claims to sign." } });
        await get().signAssertion();
        return;
      }
      try {
        const [{ prepareExternalSigning }] = await loadCore();
        const request = await prepareExternalSigning({ ...fromSettings, certificateDer: credential.certificateDer });
        if (sequence !== memory.sequence) return;
        const current = get().externalSign;
        const earlier = current.request ? [current.request, ...current.earlier].slice(0, EARLIER_KEPT) : current.earlier;
        set({ externalSign: { ...current, request, earlier, verdict: undefined, error: undefined } });
        await verify(request, earlier, current.pasted, sequence);
      } catch (error) {
        if (sequence !== memory.sequence) return;
        set({ externalSign: { ...get().externalSign, request: undefined, verdict: undefined, error: describeError(error) } });
        await get().signAssertion();
      }
    },
    setExternalSignature: async (text) => {
      const sequence = ++memory.sequence;
      const current = get().externalSign;
      set({ externalSign: { ...current, pasted: text, verdict: undefined } });
      if (!current.request) return;
      try {
        await verify(current.request, current.earlier, text, sequence);
      } catch (error) {
        if (sequence === memory.sequence) set({ externalSign: { ...get().externalSign, verdict: { valid: false, reason: "not-a-signature", message: describeError(error) } } });
      }
    },
  };
}
