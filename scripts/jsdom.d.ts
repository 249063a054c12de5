/**
 * The part of jsdom's API the tests use to load a page through a real HTML parser (jsdom ships no
 * types, and @types/jsdom is not a dependency): a document parsed from text, its scripts run in it.
 */
declare module "jsdom" {
  export interface ConstructorOptions {
    url?: string;
    runScripts?: "dangerously" | "outside-only";
    /** Called with the new window before the HTML is parsed (and so before its scripts run). */
    beforeParse?: (window: Window & typeof globalThis) => void;
  }

  export class JSDOM {
    constructor(html?: string, options?: ConstructorOptions);
    readonly window: Window & typeof globalThis;
  }
}
