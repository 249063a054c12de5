import { tokenEndpointFromSettings, validateAppSettings } from "@/core/token-request/app-settings";
import { buildClientAssertion, type ClientAssertion } from "@/core/assertion/client-assertion";
import { describeError } from "@/core/errors";
import { onCredentialChanged } from "./credential-changed";
import type { SliceCreator } from "./slice-creator";

export interface AssertionSlice {
  assertion?: ClientAssertion;
  assertionError?: string;
  /**
   * Signs a fresh assertion (new jti and times) from the page's credential and settings; when the page
   * holds the certificate without its key, takes the assertion a signature made elsewhere completed
   * (external-sign-slice.ts), if that is valid and not expired.
   */
  signAssertion: () => Promise<ClientAssertion | undefined>;
}

/** Counts signings: a result is kept only if no later signing started meanwhile. */
let signSequence = 0;

export const createAssertionSlice: SliceCreator<AssertionSlice> = (set, get, store) => {
  onCredentialChanged(store, ({ cause }) => {
    // The assertion was signed with the removed key; a new credential is signed again by the panel.
    if (cause === "forgotten") set({ assertion: undefined, assertionError: undefined });
  });

  /** Drops the assertion (and, in the inspect slice, its inspection): it no longer matches the page. */
  const dropAssertion = (): undefined => {
    set({ assertion: undefined, assertionError: undefined });
    void get().inspectAssertion(undefined);
    return undefined;
  };

  /** The assertion completed by a signature made where the key lives, adopted as the page's own. */
  const adoptExternalAssertion = async (sequence: number): Promise<ClientAssertion | undefined> => {
    const { request, verdict } = get().externalSign;
    if (!request || !verdict?.valid) return dropAssertion();
    if (Date.now() / 1000 >= request.payload.exp) {
      // An expired assertion is never sent: Entra refuses it (AADSTS700024).
      set({ assertion: undefined, assertionError: "The assertion signed elsewhere has expired: press Start again for a new digest and sign that." });
      void get().inspectAssertion(undefined);
      return undefined;
    }
    const assertion: ClientAssertion = { jwt: verdict.jwt, header: request.header, payload: request.payload, signingInput: request.signingInput, warnings: request.warnings };
    if (get().assertion?.jwt === assertion.jwt) return get().assertion;
    if (sequence !== signSequence) return undefined;
    set({ assertion, assertionError: undefined });
    await get().inspectAssertion(assertion.jwt);
    return assertion;
  };

  return {
    assertion: undefined,
    assertionError: undefined,
    signAssertion: async () => {
      const sequence = ++signSequence;
      const { credential, settings } = get();
      if (!credential) return dropAssertion();
      if (!credential.privateKey && !credential.privateKeyPkcs8Der) return adoptExternalAssertion(sequence);
      const errors = validateAppSettings(settings);
      const tokenEndpoint = tokenEndpointFromSettings(settings);
      // The previous assertion is dropped: it no longer matches what the fields say.
      if (Object.keys(errors).length > 0 || !tokenEndpoint) return dropAssertion();
      try {
        const assertion = await buildClientAssertion({
          privateKey: credential.privateKey,
          privateKeyPkcs8Der: credential.privateKeyPkcs8Der,
          certificateDer: credential.certificateDer,
          clientId: settings.clientId.trim(),
          tokenEndpoint,
          form: settings.form,
          lifetimeSeconds: Number(settings.lifetimeSeconds),
          includeX5c: settings.includeX5c,
          // Generate signed this certificate with this key a moment ago: no need to check they match.
          keyMadeForCertificate: credential.origin === "generated",
        });
        // A later signing (a keystroke, a new key) owns the screen: drop this result.
        if (sequence !== signSequence) return undefined;
        set({ assertion, assertionError: undefined });
        await get().inspectAssertion(assertion.jwt);
        return assertion;
      } catch (error) {
        if (sequence === signSequence) set({ assertionError: describeError(error) });
        return undefined;
      }
    },
  };
};
