/**
 * A link that opens a tab: /#import opens step 1 on "Use existing" (the import form). One home for the
 * rule, read by the app (src/app.tsx) and by the first screen's boot script (boot.ts), which selects
 * the tab in the prerendered markup so a first visit does not show "Create new" until the app loads.
 */
export const IMPORT_DEEP_LINK = { hash: "#import", tab: "existing" } as const;
