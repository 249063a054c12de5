/** The data-testid of a tab's button (src/ui/tabs.tsx); the first screen's boot script finds a linked tab by it. */
export const tabTestId = (tab: string) => `tab-${tab}`;
