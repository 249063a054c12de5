import type { StoreApi } from "zustand/vanilla";

type SetState<State> = StoreApi<State>["setState"];

/**
 * A `set` that does nothing when every field it names already holds that very value (Object.is).
 * zustand tells every listener about each `set`, changed or not: each mounted component's selector
 * runs again, and persist serialises the settings again. A credential change asks every slice to drop
 * what it kept about the old one, and most have nothing to drop; skipping those sets keeps the click →
 * thumbprint path to the updates that change something.
 */
export function skipUnchangedSets<State extends object>(set: SetState<State>, get: () => State): SetState<State> {
  return ((partial: State | Partial<State> | ((state: State) => State | Partial<State>), replace?: boolean) => {
    const current = get();
    const next = typeof partial === "function" ? partial(current) : partial;
    if (!replace && Object.keys(next).every((field) => Object.is(next[field as keyof typeof next], current[field as keyof State]))) return;
    // The overloads of zustand's setState split `replace`; the call passes on exactly what it was given.
    (set as (partial: State | Partial<State>, replace?: boolean) => void)(next, replace);
  }) as SetState<State>;
}
