import { assertionSettings } from "@/core/assertion/assertion-settings";
import type { ClientAssertion } from "@/core/assertion/client-assertion";
import { describeError } from "@/core/errors";
import type { JwtInspection } from "@/core/jwt/jwt-inspection";
import type { WorkbenchState } from "./create-workbench-store";
import { onCredentialChanged } from "./credential-changed";
import { inspectJwtLazily } from "./inspect-jwt-lazily";
import type { SliceCreator } from "./slice-creator";

export interface AssertionSlice {
  assertion?: ClientAssertion;
  assertionError?: string;
  /** The page's own assertion, decoded, verified and linted. */
  assertionInspection?: JwtInspection;
  /**
   * Signs a fresh assertion (new jti and times) from the page's credential and settings; when the page
   * holds the certificate without its key, takes the assertion a signature made elsewhere completed
   * (external-sign-slice.ts), if that is valid and not expired.
   */
  signAssertion: () => Promise<ClientAssertion | undefined>;
}

/**
 * What the assertion is made from: when any of these changes, the one on the page no longer matches
 * and is signed again. Read with useShallow (the object is new on each call, its fields are not).
 */
export const selectAssertionInputs = ({ credential, settings }: Pick<WorkbenchState, "credential" | "settings">) => ({
  credential,
  tenant: settings.tenant,
  clientId: settings.clientId,
  cloud: settings.cloud,
  customAuthority: settings.customAuthority,
  version: settings.version,
  form: settings.form,
  lifetimeSeconds: settings.lifetimeSeconds,
  includeX5c: settings.includeX5c,
});

export const createAssertionSlice: SliceCreator<AssertionSlice> = (set, get, store) => {
  /** Counts signings: a result is kept only if no later signing started meanwhile. */
  let signSequence = 0;

  onCredentialChanged(store, ({ cause }) => {
    // The assertion was signed with the removed key; a new credential is signed again by the panel.
    if (cause === "forgotten") set({ assertion: undefined, assertionError: undefined, assertionInspection: undefined });
  });

  /** Drops the assertion and its inspection: they no longer match the page. */
  const dropAssertion = (): undefined => {
    set({ assertion: undefined, assertionError: undefined, assertionInspection: undefined });
    return undefined;
  };

  /** Decodes and checks the assertion just signed; kept only while it is still the one on the page. */
  const inspectAssertion = async (jwt: string) => {
    const assertionInspection = await inspectJwtLazily(jwt, { certificateDer: get().credential?.certificateDer });
    if (get().assertion?.jwt === jwt) set({ assertionInspection });
  };

  /** The assertion completed by a signature made where the key lives, adopted as the page's own. */
  const adoptExternalAssertion = async (sequence: number): Promise<ClientAssertion | undefined> => {
    const { request, verdict } = get().externalSign;
    if (!request || !verdict?.valid) return dropAssertion();
    if (Date.now() / 1000 >= request.payload.exp) {
      // An expired assertion is never sent: Entra refuses it (AADSTS700024).
      set({ assertion: undefined, assertionInspection: undefined, assertionError: "The assertion signed elsewhere has expired: press Start again for a new digest and sign that." });
      return undefined;
    }
    const assertion: ClientAssertion = { jwt: verdict.jwt, header: request.header, payload: request.payload, signingInput: request.signingInput, warnings: request.warnings };
    if (get().assertion?.jwt === assertion.jwt) return get().assertion;
    if (sequence !== signSequence) return undefined;
    set({ assertion, assertionError: undefined });
    await inspectAssertion(assertion.jwt);
    return assertion;
  };

  return {
    assertion: undefined,
    assertionError: undefined,
    assertionInspection: undefined,
    signAssertion: async () => {
      const sequence = ++signSequence;
      const { credential, settings } = get();
      if (!credential) return dropAssertion();
      if (!credential.key) return adoptExternalAssertion(sequence);
      const fromSettings = assertionSettings(settings);
      // The previous assertion is dropped: it no longer matches what the fields say.
      if (!fromSettings) return dropAssertion();
      try {
        // The signing code (and the key checks it brings) loads with the first signing, not with the page.
        const { buildClientAssertion } = await import("@/core/assertion/client-assertion");
        const assertion = await buildClientAssertion({
          ...fromSettings,
          privateKey: credential.key.privateKey,
          privateKeyPkcs8Der: credential.key.pkcs8Der,
          certificateDer: credential.certificateDer,
          // Generate signed this certificate with this key a moment ago: no need to check they match.
          keyMadeForCertificate: credential.origin === "generated",
        });
        // A later signing (a keystroke, a new key) owns the screen: drop this result.
        if (sequence !== signSequence) return undefined;
        set({ assertion, assertionError: undefined });
        await inspectAssertion(assertion.jwt);
        return assertion;
      } catch (error) {
        if (sequence === signSequence) set({ assertionError: describeError(error) });
        return undefined;
      }
    },
  };
};
