/**
 * Wires the key prefetcher (src/core/keys/key-pool.ts) to the page (issue 13): once the page is
 * idle after load it makes one key of the selected size, so a click on Generate finds it ready.
 *
 * When a key is made, and when it is dropped:
 * - after load, once the browser is idle; again after each Generate (the click took the key);
 * - a change of key size drops the held key and makes one of the new size at once;
 * - "Remove key and certificate from this page" drops it, and no new key is made until the user
 *   generates or changes the size again (the user asked the page to hold no key);
 * - hidden for more than 5 minutes (PREFETCH_MAX_HIDDEN_MS), the page drops it; a new one is made
 *   once the page is visible and idle again.
 * - only the key's public half (SubjectPublicKeyInfo, key identifier) is read ahead; the private key
 *   is exported, for server.pem, only after the click that takes it.
 * Unit tests never call `startKeyPrefetch`, so there `takeKey` simply makes a key on the spot.
 */
import { createKeyPrefetcher, PREFETCH_MAX_HIDDEN_MS } from "@/core/keys/key-pool";
import { generateRsaKeyPair, type RsaKeySize } from "@/core/keys/rsa-keys";

/**
 * Certificates, CSRs and their ASN.1 (@peculiar/x509) are not in the first screen's JavaScript; they
 * load right after the first paint (startKeyPrefetch) or on the first Generate, whichever is first.
 */
export const loadCredentialCore = () =>
  import("@/core/credential/credential").then((module) => {
    credentialCore = module;
    return module;
  });
let credentialCore: typeof import("@/core/credential/credential") | undefined;

/** The module once loaded, without waiting a turn for import() (issue 13: a click goes straight to signing). */
export const loadedCredentialCore = () => credentialCore;

/**
 * Makes a key and reads its public half, so the click only has to sign (issue 13); the certificate
 * finds what was read by the key itself. The private key is not exported here: that happens after the
 * click that takes it.
 */
async function prepareKeyPair(size: RsaKeySize): Promise<CryptoKeyPair> {
  // The credential core loads alongside: the click that takes this key certifies it with that module.
  const [keys, { readPublicKeyInfo }] = await Promise.all([generateRsaKeyPair(size), import("@/core/certificate/public-key-info"), loadCredentialCore()]);
  await readPublicKeyInfo(keys.publicKey);
  return keys;
}

export const keyPrefetcher = createKeyPrefetcher<RsaKeySize, CryptoKeyPair>({
  generate: prepareKeyPair,
  now: () => performance.now(),
});

let wiring: { keySize: () => RsaKeySize; suspended: boolean } | undefined;
// While a click's key is being made, no second one is started beside it: on 2 cores they would
// share the CPU and the click would wait longer (a Generate pressed before the page was idle).
let generationsInFlight = 0;

function whenIdle(work: () => void): void {
  if (typeof requestIdleCallback === "function") requestIdleCallback(work, { timeout: 2000 });
  else setTimeout(work, 200);
}

/** Makes a key of the selected size once the page is idle, unless one is held or the user removed theirs. */
export function prepareKeyWhenIdle(): void {
  whenIdle(() => {
    if (!wiring || wiring.suspended || generationsInFlight > 0 || document.visibilityState !== "visible") return;
    keyPrefetcher.prepare(wiring.keySize());
  });
}

/** The key for a click: the prepared one if there is one (ready or on its way), else one made now. */
export function takeKey(size: RsaKeySize): ReturnType<typeof keyPrefetcher.take> {
  if (wiring) wiring.suspended = false;
  generationsInFlight += 1;
  return keyPrefetcher.take(size);
}

/** The click that took a key is done (or failed): the next key is made once the page is idle. */
export function generationSettled(): void {
  generationsInFlight = Math.max(0, generationsInFlight - 1);
  prepareKeyWhenIdle();
}

/** The size field changed: drop the held key and make one of the new size. */
export function keySizeChanged(size: RsaKeySize): void {
  if (!wiring) return;
  wiring.suspended = false;
  keyPrefetcher.prepare(size);
}

/** "Remove key and certificate from this page": the prepared key goes too, and no new one is made for now. */
export function dropPreparedKey(): void {
  keyPrefetcher.drop();
  if (wiring) wiring.suspended = true;
}

/** Starts prefetching in the page (main.tsx). Returns a function that stops it (for tests and hot reload). */
export function startKeyPrefetch(keySize: () => RsaKeySize): () => void {
  wiring = { keySize, suspended: false };
  let hiddenTimer: ReturnType<typeof setTimeout> | undefined;
  const onVisibility = () => {
    if (document.visibilityState === "hidden") {
      keyPrefetcher.pageHidden();
      // Timers in a hidden tab are throttled, so pageVisible() checks the time again on return.
      hiddenTimer = setTimeout(() => keyPrefetcher.checkHidden(), PREFETCH_MAX_HIDDEN_MS + 1000);
      return;
    }
    clearTimeout(hiddenTimer);
    keyPrefetcher.pageVisible();
    prepareKeyWhenIdle();
  };
  const onLoad = () => prepareKeyWhenIdle();
  // After the first paint, not at idle: a click right after load should not wait for the module.
  requestAnimationFrame(() => setTimeout(() => void loadCredentialCore().catch(() => undefined), 0));
  document.addEventListener("visibilitychange", onVisibility);
  if (document.readyState === "complete") onLoad();
  else window.addEventListener("load", onLoad, { once: true });
  return () => {
    document.removeEventListener("visibilitychange", onVisibility);
    window.removeEventListener("load", onLoad);
    clearTimeout(hiddenTimer);
    keyPrefetcher.drop();
    wiring = undefined;
  };
}
