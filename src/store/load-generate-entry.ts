type GenerateEntry = typeof import("./lazy-generate-entry");

let loaded: GenerateEntry | undefined;

/** Loads lazy-generate-entry.ts (once; later calls get the same module). */
export const loadGenerateEntry = (): Promise<GenerateEntry> =>
  import("./lazy-generate-entry").then((module) => {
    loaded = module;
    return module;
  });

/**
 * The entry once loaded, without waiting a turn for import(): with the key made in advance and this
 * module here, a click on Generate goes straight to signing the certificate.
 */
export const loadedGenerateEntry = (): GenerateEntry | undefined => loaded;
