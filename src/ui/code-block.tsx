import { useEffect, useRef, useState, type ReactNode } from "react";

interface CodeBlockProps {
  children: ReactNode;
  label?: string;
  testId?: string;
  /**
   * Source code: lines never wrap (a wrapped Python line looks like wrong indentation); the block
   * scrolls sideways instead, and says so when a line is longer than the box.
   */
  code?: boolean;
}

/**
 * Whether the element's content is wider than its box, kept current as either changes size. Measured
 * only where the browser has laid the page out anyway: a ResizeObserver answers after layout (its first
 * answer comes with the first layout), and a change of content is measured in the next animation frame,
 * once per frame. Reading scrollWidth during React's commit or in a MutationObserver forced a layout of
 * the whole page in the middle of Generate (about 2 ms a click, measured with a CPU profile).
 */
function useScrollsSideways(enabled: boolean) {
  const ref = useRef<HTMLPreElement>(null);
  const [scrolls, setScrolls] = useState(false);
  useEffect(() => {
    const element = ref.current;
    if (!enabled || !element) return;
    const measure = () => setScrolls(element.scrollWidth > element.clientWidth + 1);
    let frame: number | undefined;
    const measureInNextFrame = () => {
      if (frame === undefined) {
        frame = requestAnimationFrame(() => {
          frame = undefined;
          measure();
        });
      }
    };
    // Box changes (a narrower window) and content changes (a new snippet) both change the answer.
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    const mutations = new MutationObserver(measureInNextFrame);
    mutations.observe(element, { childList: true, characterData: true, subtree: true });
    return () => {
      observer.disconnect();
      mutations.disconnect();
      if (frame !== undefined) cancelAnimationFrame(frame);
    };
  }, [enabled]);
  return { ref, scrolls };
}

/** Monospace, selectable text for keys, tokens and snippets. */
export function CodeBlock({ children, label, testId, code }: CodeBlockProps) {
  const { ref, scrolls } = useScrollsSideways(Boolean(code));
  const block = (
    <pre ref={ref} className={code ? "code-block code-source" : "code-block"} aria-label={label} data-testid={testId} data-scrolls-sideways={code ? String(scrolls) : undefined} tabIndex={0}>
      {children}
    </pre>
  );
  if (!code) return block;
  return (
    <div className="flex min-w-0 flex-col gap-1">
      {block}
      {scrolls && (
        <p className="text-xs text-muted" data-testid={testId ? `${testId}-scroll-hint` : undefined}>
          Some lines are wider than the box: scroll sideways (or click in it and use the arrow keys) to read them whole.
        </p>
      )}
    </div>
  );
}
