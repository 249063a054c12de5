/** The Generate button's words, idle and at work: the panel's, and the prerendered page's boot script's (src/first-screen/boot.ts). */
export const GENERATE_BUTTON_LABELS = {
  idle: "Generate key and certificate",
  running: "Generating…",
} as const;
