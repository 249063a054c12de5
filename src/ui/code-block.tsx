import { useLayoutEffect, useRef, useState, type ReactNode } from "react";

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

/** Whether the element's content is wider than its box, kept current as either changes size. */
function useScrollsSideways(enabled: boolean) {
  const ref = useRef<HTMLPreElement>(null);
  const [scrolls, setScrolls] = useState(false);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!enabled || !element) return;
    const measure = () => setScrolls(element.scrollWidth > element.clientWidth + 1);
    measure();
    // Content changes (a new snippet) and box changes (a narrower window) both change the answer.
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    const mutations = new MutationObserver(measure);
    mutations.observe(element, { childList: true, characterData: true, subtree: true });
    return () => {
      observer.disconnect();
      mutations.disconnect();
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
