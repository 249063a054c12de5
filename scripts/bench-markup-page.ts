/**
 * The first screen's markup alone: the built index.html with every script and stylesheet taken out,
 * so Generate is the prerendered, enabled button. Loaded like the page, it measures what Chromium needs
 * to draw this much content with none of our CSS or JavaScript: between the one-button floor and the
 * page, it shows which part of a load the content itself costs and which part our files add.
 */
export const MARKUP_PAGE_PATH = "/bench-markup.html";

export function markupOnlyPage(indexHtml: string): string {
  return indexHtml.replace(/<script\b[^>]*>[\s\S]*?<\/script\s*>/gi, "").replace(/<link\b[^>]*\brel="(?:stylesheet|modulepreload)"[^>]*>/gi, "");
}
