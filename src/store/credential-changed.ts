/**
 * The moment the page's credential (key and certificate) is replaced or removed, as one named
 * notification. The credential slice announces it; every other slice that keeps something about
 * the old credential registers, in its own file, what it resets — so each field is written only
 * by its own slice, and a reader finds all of a field's writers there.
 */
import type { StoreApi } from "zustand/vanilla";

/** Why the credential changed: what the slices keep or drop depends on it. */
export type CredentialChangeCause =
  /** Generate made a new key and certificate. */
  | "generated"
  /** Import loaded files (also a certificate for the key on the page, or its key). */
  | "imported"
  /** A self-signed certificate was made for an imported key. */
  | "certified"
  /** The user removed the key and certificate from the page. */
  | "forgotten";

export interface CredentialChange {
  cause: CredentialChangeCause;
}

export type CredentialChangeReaction = (change: CredentialChange) => void;

/** Reactions per store (the page has one; tests may build more). */
const reactionsByStore = new WeakMap<object, CredentialChangeReaction[]>();

/** Registers what a slice resets when the credential changes; call it from the slice's creator. */
export function onCredentialChanged(store: StoreApi<unknown>, reaction: CredentialChangeReaction): void {
  const reactions = reactionsByStore.get(store) ?? [];
  reactions.push(reaction);
  reactionsByStore.set(store, reactions);
}

/** Tells every registered slice that the credential changed, in the order the slices were created. */
export function announceCredentialChanged(store: StoreApi<unknown>, change: CredentialChange): void {
  for (const reaction of reactionsByStore.get(store) ?? []) reaction(change);
}
