/**
 * A pool of at most one key, made before the user asks for it, so Generate answers at once.
 * Pure: it takes the function that makes a key and a clock, and knows nothing of
 * the DOM; src/store/key-pool-scheduler.ts decides when it makes, hands out and drops its key.
 *
 * The rules it keeps:
 * - one key of one size at a time; asking for another size drops the one held;
 * - `take` hands a key out once and forgets it (a key is never used twice);
 * - the key is only held: never exported, shown or stored before the click that takes it;
 * - `drop` forgets it ("Remove key and certificate from this page");
 * - a key held while the page was hidden for longer than `maxHiddenMs` (default 5 minutes) is
 *   dropped when the page is shown again or when `checkHidden` runs, so a key made before the
 *   user walked away is not the one they get hours later.
 */

/** Hidden for longer than this, the prepared key is dropped (see above). */
export const PREFETCH_MAX_HIDDEN_MS = 5 * 60 * 1000;

/** The key a click takes: made already (usable at once), on its way, or started by the click itself. */
export type TakenKey<Key> = { prepared: "ready"; key: Promise<Key>; readyKey: Key } | { prepared: "pending" | "none"; key: Promise<Key>; readyKey?: undefined };

export interface KeyPrefetcherOptions<Size, Key> {
  /** Makes one key (WebCrypto generateKey in the page; any promise in tests). */
  generate: (size: Size) => Promise<Key>;
  /** Milliseconds, monotonic (performance.now in the page). */
  now: () => number;
  maxHiddenMs?: number;
}

interface Entry<Size, Key> {
  size: Size;
  promise: Promise<Key>;
  /** The key, once made. */
  made?: { key: Key };
}

export interface KeyPrefetcher<Size, Key> {
  /** Starts making a key of this size unless one is held or on its way; a key of another size is dropped. */
  prepare: (size: Size) => void;
  /** True when a key of this size is made and waiting. */
  isReady: (size: Size) => boolean;
  /** The held key of this size (made, or still on its way), handed out once; without one, a new key made now. */
  take: (size: Size) => TakenKey<Key>;
  /** Forgets the held key, ready or on its way. */
  drop: () => void;
  /** The page was hidden: the clock for the hidden-too-long rule starts. */
  pageHidden: () => void;
  /** The page is visible again: drops the key if it was hidden too long. Returns true if it dropped one. */
  pageVisible: () => boolean;
  /** While hidden, drops the key once the page has been hidden too long. Returns true if it dropped one. */
  checkHidden: () => boolean;
}

export function createKeyPrefetcher<Size, Key>(options: KeyPrefetcherOptions<Size, Key>): KeyPrefetcher<Size, Key> {
  const maxHiddenMs = options.maxHiddenMs ?? PREFETCH_MAX_HIDDEN_MS;
  let held: Entry<Size, Key> | undefined;
  let hiddenSince: number | undefined;

  const drop = () => {
    held = undefined;
  };

  const hiddenTooLong = () => hiddenSince !== undefined && options.now() - hiddenSince > maxHiddenMs;

  return {
    prepare: (size) => {
      if (held?.size === size) return;
      const promise = options.generate(size);
      const entry: Entry<Size, Key> = { size, promise };
      held = entry;
      promise.then(
        (key) => {
          entry.made = { key };
        },
        () => {
          // A failed prefetch is forgotten; the click makes its own key and shows that error, if any.
          if (held === entry) held = undefined;
        },
      );
    },
    isReady: (size) => held?.size === size && held.made !== undefined,
    take: (size) => {
      const entry = held;
      if (entry?.size === size) {
        held = undefined;
        // A ready key is also handed over as is, so the click need not wait a turn for its promise.
        return entry.made ? { key: entry.promise, prepared: "ready", readyKey: entry.made.key } : { key: entry.promise, prepared: "pending" };
      }
      return { key: options.generate(size), prepared: "none" };
    },
    drop,
    pageHidden: () => {
      hiddenSince ??= options.now();
    },
    pageVisible: () => {
      const expired = hiddenTooLong() && held !== undefined;
      if (hiddenTooLong()) drop();
      hiddenSince = undefined;
      return expired;
    },
    checkHidden: () => {
      if (!hiddenTooLong() || held === undefined) return false;
      drop();
      return true;
    },
  };
}
