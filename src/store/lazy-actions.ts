/**
 * Actions whose code loads the first time one of them is called: the slice names them, and the page's
 * first screen carries only those names. Their code is a lazily loaded entry (`lazy-<what>-entry.ts`),
 * which the panel that offers them imports as well, so by the time a person can press anything the
 * code is on the page and a call makes no request.
 */
type AsyncAction = (...args: never[]) => Promise<void>;

/**
 * Returns `action(name)`, a stand-in with the action's own signature that loads the actions once (a
 * failed load is tried again on the next call: a network blip does not break the panel for good) and
 * calls the loaded one.
 */
export function lazyActions<Actions extends { [Name in keyof Actions]: AsyncAction }>(load: () => Promise<Actions>) {
  let loading: Promise<Actions> | undefined;
  const loaded = (): Promise<Actions> =>
    (loading ??= load().catch((error: unknown) => {
      loading = undefined;
      throw error;
    }));
  return <Name extends keyof Actions>(name: Name) =>
    // The stand-in takes exactly the loaded action's parameters; TypeScript cannot name that function type from a generic rest, hence the cast.
    (async (...args: Parameters<Actions[Name]>) => {
      await (await loaded())[name](...args);
    }) as Actions[Name];
}
