import type { ExternalSigningRequest } from "@/core/assertion/external-signing-input";
import type { ExternalSignatureVerdict } from "@/core/assertion/verify-external-signature";
import { assertionSettings } from "@/core/assertion/assertion-settings";
import { onCredentialChanged } from "./credential-changed";
import { lazyActions } from "./lazy-actions";
import type { SliceCreator } from "./slice-creator";
import type { WorkbenchState } from "./create-workbench-store";

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
 * a valid one becomes the page's assertion (assertion-slice.ts adopts it when the page holds no key).
 */
export interface ExternalSignSlice {
  externalSign: ExternalSignState;
  /** Fixes a new header and claims (new jti, times from now) for the page's certificate and settings. */
  startExternalSigning: () => Promise<void>;
  /** Reads and verifies a pasted signature against the current request. */
  setExternalSignature: (text: string) => Promise<void>;
}

export type ExternalSignActions = Pick<ExternalSignSlice, "startExternalSigning" | "setExternalSignature">;

/** What the actions keep between calls, per store (lazy-external-sign-entry.ts uses it). */
export interface ExternalSignMemory {
  /** Counts starts and pastes: a result is kept only if nothing newer started meanwhile. */
  sequence: number;
}

export const initialExternalSignState: ExternalSignState = { earlier: [], pasted: "" };

export const createExternalSignSlice: SliceCreator<ExternalSignSlice> = (set, get, store) => {
  const memory: ExternalSignMemory = { sequence: 0 };
  // Another certificate: the digest and the signature were for the old one.
  onCredentialChanged(store, () => set({ externalSign: initialExternalSignState }));
  // Starting and verifying load with the Sign elsewhere panel, not with the first screen.
  const action = lazyActions<ExternalSignActions>(async () => (await import("./lazy-external-sign-entry")).createExternalSignActions(set, get, memory));
  return {
    externalSign: initialExternalSignState,
    startExternalSigning: action("startExternalSigning"),
    setExternalSignature: action("setExternalSignature"),
  };
};

/** True when a pasted signature completed the assertion (the token request may send it). */
export const selectSignedElsewhere = (state: Pick<WorkbenchState, "externalSign">): boolean => state.externalSign.verdict?.valid === true;

/** True while the fixed header and claims still say what the settings say (else a new start is due). */
export function requestMatchesSettings(request: ExternalSigningRequest, settings: WorkbenchState["settings"]): boolean {
  const { payload, header } = request;
  const wanted = assertionSettings(settings);
  return (
    wanted !== undefined &&
    payload.aud === wanted.tokenEndpoint &&
    payload.iss === wanted.clientId &&
    request.form === wanted.form &&
    Boolean(header.x5c) === wanted.includeX5c &&
    payload.exp - payload.iat === wanted.lifetimeSeconds
  );
}
