/**
 * Decides when the key pool (src/core/keys/key-pool.ts) makes, hands out and drops the key made in
 * advance, so a click on Generate finds its key ready and only has to sign the certificate.
 *
 * When a key is made, and when it is dropped:
 * - once the page has loaded and is idle; again after each Generate (the click took the key);
 * - a change of key size drops the held key and makes one of the new size at once;
 * - "Remove key and certificate from this page" drops it, and no new key is made until the user
 *   generates or changes the size again (the user asked the page to hold no key);
 * - hidden for more than 5 minutes (PREFETCH_MAX_HIDDEN_MS), the page drops it; a new one is made
 *   once the page is visible and idle again;
 * - only the key's public half (SubjectPublicKeyInfo, key identifier) is read ahead; the private key
 *   is exported, for server.pem, only after the click that takes it.
 * Nothing is made in advance until `start` (the page's entry calls it; unit tests need not), so
 * until then `take` simply makes a key on the spot.
 */
import { createKeyPrefetcher, PREFETCH_MAX_HIDDEN_MS, type KeyPrefetcher, type TakenKey } from "@/core/keys/key-pool";
import { generateRsaKeyPair, type RsaKeySize } from "@/core/keys/rsa-keys";
import { loadGenerateEntry } from "./load-generate-entry";
import type { WorkbenchServices } from "./workbench-services";

export type KeyPool = KeyPrefetcher<RsaKeySize, CryptoKeyPair>;

/**
 * Makes a key and reads its public half, so the click only has to sign; the certificate finds what
 * was read by the key itself. The private key is not exported here: that happens after the click
 * that takes it.
 */
export async function prepareKeyPair(size: RsaKeySize): Promise<CryptoKeyPair> {
  const [keys, entry] = await Promise.all([generateRsaKeyPair(size), loadGenerateEntry()]);
  await entry.readPublicKeyInfo(keys.publicKey);
  return keys;
}

/** The pool the page uses: keys made with WebCrypto, their public half read ahead. */
export function createKeyPool(): KeyPool {
  return createKeyPrefetcher<RsaKeySize, CryptoKeyPair>({ generate: prepareKeyPair, now: () => performance.now() });
}

export interface KeyPoolScheduler {
  /** The key for a click: the prepared one if there is one (ready or on its way), else one made now. */
  take: (size: RsaKeySize) => TakenKey<CryptoKeyPair>;
  /** The click that took a key is done (or failed): the next key is made once the page is idle. */
  settled: () => void;
  /** The size field changed: drop the held key and make one of the new size. */
  sizeChanged: (size: RsaKeySize) => void;
  /** "Remove key and certificate from this page": the prepared key goes too, and no new one is made for now. */
  drop: () => void;
  /** Starts making keys in advance (the page's entry). Returns a function that stops it (for tests and hot reload). */
  start: (keySize: () => RsaKeySize) => () => void;
}

export function createKeyPoolScheduler(services: WorkbenchServices, pool: KeyPool = createKeyPool()): KeyPoolScheduler {
  let wiring: { keySize: () => RsaKeySize; suspended: boolean } | undefined;
  // While a click's key is being made, no second one is started beside it: on 2 cores they would
  // share the CPU and the click would wait longer (a Generate pressed before the page was idle).
  let generationsInFlight = 0;

  /** Makes a key of the selected size once the page is idle, unless one is held or the user removed theirs. */
  const prepareWhenIdle = () => {
    services.whenIdle(() => {
      if (!wiring || wiring.suspended || generationsInFlight > 0 || !services.isPageVisible()) return;
      pool.prepare(wiring.keySize());
    });
  };

  return {
    take: (size) => {
      if (wiring) wiring.suspended = false;
      generationsInFlight += 1;
      return pool.take(size);
    },
    settled: () => {
      generationsInFlight = Math.max(0, generationsInFlight - 1);
      prepareWhenIdle();
    },
    sizeChanged: (size) => {
      if (!wiring) return;
      wiring.suspended = false;
      pool.prepare(size);
    },
    drop: () => {
      pool.drop();
      if (wiring) wiring.suspended = true;
    },
    start: (keySize) => {
      wiring = { keySize, suspended: false };
      let hiddenTimer: ReturnType<typeof setTimeout> | undefined;
      const stopWatching = services.watchVisibility((visible) => {
        if (!visible) {
          pool.pageHidden();
          // Timers in a hidden tab are throttled, so pageVisible() checks the time again on return.
          hiddenTimer = setTimeout(() => pool.checkHidden(), PREFETCH_MAX_HIDDEN_MS + 1000);
          return;
        }
        clearTimeout(hiddenTimer);
        pool.pageVisible();
        prepareWhenIdle();
      });
      // After the first paint, not at idle: a click right after load should not wait for the module.
      void services
        .afterPaint()
        .then(loadGenerateEntry)
        .catch(() => undefined);
      const cancelLoaded = services.whenLoaded(prepareWhenIdle);
      return () => {
        stopWatching();
        cancelLoaded();
        clearTimeout(hiddenTimer);
        pool.drop();
        wiring = undefined;
      };
    },
  };
}
