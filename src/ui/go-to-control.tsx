/**
 * A button that takes the user to the control a message is about: opens any fold around it, scrolls it
 * into view and focuses it. A message that points somewhere points where the control is.
 */
export function focusControlByTestId(testId: string): void {
  const element = document.querySelector<HTMLElement>(`[data-testid="${testId}"]`);
  if (!element) return;
  for (let node = element.parentElement; node; node = node.parentElement) {
    if (node instanceof HTMLDetailsElement && !node.open) node.open = true;
  }
  element.scrollIntoView({ block: "center" });
  element.focus();
}

export function GoToControl({ testId, label, buttonTestId }: { testId: string; label: string; buttonTestId?: string }) {
  return (
    <button type="button" className="btn-secondary" data-testid={buttonTestId} onClick={() => focusControlByTestId(testId)}>
      {label}
    </button>
  );
}
