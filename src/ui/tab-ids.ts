/** The data-testid of a tab's button (src/ui/tabs.tsx): the tests' hook. */
export const tabTestId = (tab: string) => `tab-${tab}`;

/**
 * How a tab button's element id ends (src/ui/tabs.tsx puts React's useId before it). The first
 * screen's boot script finds a linked tab by it, so a build without test ids selects it the same way.
 */
export const tabElementIdSuffix = (tab: string) => `-tab-${tab}`;
