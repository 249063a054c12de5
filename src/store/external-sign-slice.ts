import type { ExternalSigningRequest } from "@/core/assertion/external-signing-input";
import type { ExternalSignatureVerdict } from "@/core/assertion/verify-external-signature";
import { describeError } from "@/core/errors";
import { tokenEndpointFromSettings, validateAppSettings } from "@/core/token-request/app-settings";
import { onCredentialChanged } from "./credential-changed";
import type { SliceCreator } from "./slice-creator";
import type { WorkbenchState } from "./create-workbench-store";

/** Earlier requests kept to recognise a signature for one of them ("the header or claims changed since"). */
const EARLIER_KEPT = 5;

export interface ExternalSignState {
  /** The header and claims fixed at the last start, and the digest to sign. */
  request?: ExternalSigningRequest;
  /** Requests of earlier starts, newest first. */
  earlier: ExternalSigningRequest[];
  /** What the user pasted, kept as typed. */
  pasted: string;
  verdict?: ExternalSignatureVerdict;
  /** Why no digest could be made (the settings, the certificate). */
  error?: string;
}

/**
 * Signing elsewhere: the page holds the certificate, the key stays in Key Vault, an HSM or on a smart
 * card. The page fixes the header and claims, shows the digest, and judges the signature pasted back;
 * a valid one becomes the page's assertion (assertion-slice.ts asks for it with `externallySignedAssertion`).
 */
export interface ExternalSignSlice {
  externalSign: ExternalSignState;
  /** Fixes a new header and claims (new jti, times from now) for the page's certificate and settings. */
  startExternalSigning: () => Promise<void>;
  /** Reads and verifies a pasted signature against the current request. */
  setExternalSignature: (text: string) => Promise<void>;
}

const initialState: ExternalSignState = { earlier: [], pasted: "" };

// The core modules bring the X.509 parser: loaded with the first start, not with the page, so the first screen's JavaScript stays light.
const loadCore = () => Promise.all([import("@/core/assertion/external-signing-input"), import("@/core/assertion/verify-external-signature")]);

export const createExternalSignSlice: SliceCreator<ExternalSignSlice> = (set, get, store) => {
  /** Counts starts and pastes: a result is kept only if nothing newer started meanwhile. */
  let externalSequence = 0;

  // Another certificate: the digest and the signature were for the old one.
  onCredentialChanged(store, () => set({ externalSign: initialState }));

  const verify = async (request: ExternalSigningRequest, earlier: ExternalSigningRequest[], pasted: string, sequence: number): Promise<void> => {
    const credential = get().credential;
    if (!credential) return;
    let verdict: ExternalSignatureVerdict | undefined;
    if (pasted.trim() !== "") {
      const [, { verifyExternalSignature }] = await loadCore();
      verdict = await verifyExternalSignature({ request, earlier, certificateDer: credential.certificateDer, pasted });
    }
    if (sequence !== externalSequence) return;
    set((state) => ({ externalSign: { ...state.externalSign, verdict } }));
    // The assertion slice takes a valid signature as the page's assertion, and drops one that is no longer valid.
    await get().signAssertion();
  };

  return {
    externalSign: initialState,
    startExternalSigning: async () => {
      const sequence = ++externalSequence;
      const { credential, settings, externalSign } = get();
      if (!credential) return;
      const errors = validateAppSettings(settings);
      const tokenEndpoint = tokenEndpointFromSettings(settings);
      if (Object.keys(errors).length > 0 || !tokenEndpoint) {
        set({ externalSign: { ...externalSign, request: undefined, verdict: undefined, error: "Fill in the tenant and client ID above: they go into the claims to sign." } });
        await get().signAssertion();
        return;
      }
      try {
        const [{ prepareExternalSigning }] = await loadCore();
        const request = await prepareExternalSigning({
          certificateDer: credential.certificateDer,
          clientId: settings.clientId.trim(),
          tokenEndpoint,
          form: settings.form,
          lifetimeSeconds: Number(settings.lifetimeSeconds),
          includeX5c: settings.includeX5c,
        });
        if (sequence !== externalSequence) return;
        const current = get().externalSign;
        const earlier = current.request ? [current.request, ...current.earlier].slice(0, EARLIER_KEPT) : current.earlier;
        set({ externalSign: { ...current, request, earlier, verdict: undefined, error: undefined } });
        await verify(request, earlier, current.pasted, sequence);
      } catch (error) {
        if (sequence !== externalSequence) return;
        set({ externalSign: { ...get().externalSign, request: undefined, verdict: undefined, error: describeError(error) } });
        await get().signAssertion();
      }
    },
    setExternalSignature: async (text) => {
      const sequence = ++externalSequence;
      const current = get().externalSign;
      set({ externalSign: { ...current, pasted: text, verdict: undefined } });
      if (!current.request) return;
      try {
        await verify(current.request, current.earlier, text, sequence);
      } catch (error) {
        if (sequence === externalSequence) set({ externalSign: { ...get().externalSign, verdict: { valid: false, reason: "not-a-signature", message: describeError(error) } } });
      }
    },
  };
};

/** True when a pasted signature completed the assertion (the token request may send it). */
export const selectSignedElsewhere = (state: Pick<WorkbenchState, "externalSign">): boolean => state.externalSign.verdict?.valid === true;

/** True while the fixed header and claims still say what the settings say (else a new start is due). */
export function requestMatchesSettings(request: ExternalSigningRequest, settings: WorkbenchState["settings"]): boolean {
  const { payload, header } = request;
  return (
    payload.aud === tokenEndpointFromSettings(settings) &&
    payload.iss === settings.clientId.trim() &&
    request.form === settings.form &&
    Boolean(header.x5c) === settings.includeX5c &&
    payload.exp - payload.iat === Number(settings.lifetimeSeconds)
  );
}
