import { useEffect, useRef } from "react";
import { MAX_SHOWN_VALUE_CHARS, shortenForDisplay } from "@/core/jwt/jwt-decode";
import type { FieldControlProps } from "./field";

/**
 * Pasted text longer than this is kept out of a text box: the box shows its first characters and its size,
 * read-only, and the whole text goes to the store (and is checked in the worker). Laying out a 200 KB token in
 * a text box is the browser's own work, done in the paste itself, and it held the main thread for 150–230 ms
 * (a JWT with 10,000 claims); a 2 MiB token or a 5 MiB JWKS, 0.5–1.2 s. Real tokens stay far below: an access
 * token with many groups is about 10 KB, and Entra replaces more than 200 groups with an overage claim
 * (https://learn.microsoft.com/entra/identity-platform/access-token-claims-reference#groups-overage-claim);
 * an issuer's JWKS is a few KB.
 */
export const MAX_EDITABLE_CHARS = 32 * 1024;

/** What the field around the box gives it: the text, where a new text goes, and the Field's ids. */
export interface PastedTextProps {
  text: string;
  onText: (text: string) => void;
  /** The ids and ARIA attributes of the field's label, hint and error. */
  fieldProps: FieldControlProps;
}

interface HeldPasteTextareaProps extends PastedTextProps {
  /** The hooks of the box, of the note shown while a text is held, and of its Clear button. */
  testIds: { input: string; held: string; clear: string };
  /** What the text is, for the note: "token", "JWKS". */
  noun: string;
  /** Where the whole text goes, for the note: "is inspected below". */
  whereChecked: string;
  placeholder?: string;
  rows?: number;
  /** Longer than this is held out of the box; MAX_EDITABLE_CHARS unless the field's texts are larger by nature. */
  maxEditableChars?: number;
  /** How much of a held text the box shows. */
  shownChars?: number;
  /** The box's classes (the default: monospace at the body's size). */
  className?: string;
  /** A file dropped on the box is read and its text goes to `onText` (the browser would otherwise open it in the tab). */
  readsDroppedFiles?: boolean;
}

/** What the text box holds after `inserted` replaces its selection (a paste, a drop, typed or inserted text). */
function afterInsert(textarea: HTMLTextAreaElement, inserted: string): string {
  return textarea.value.slice(0, textarea.selectionStart) + inserted + textarea.value.slice(textarea.selectionEnd);
}

/**
 * A text box that never takes a very long text in: the insertion is cancelled before the browser lays it out
 * (`beforeinput` and `paste` are cancelable, https://w3c.github.io/input-events/), and the text goes straight to
 * `onText`. While such a text is held the box shows its start, read-only, with its size and a Clear button.
 */
export function HeldPasteTextarea({
  text,
  onText,
  fieldProps,
  testIds,
  noun,
  whereChecked,
  placeholder,
  rows = 4,
  maxEditableChars = MAX_EDITABLE_CHARS,
  shownChars = MAX_SHOWN_VALUE_CHARS,
  className = "input font-mono",
  readsDroppedFiles = false,
}: HeldPasteTextareaProps) {
  const textareaRef = useRef<HTMLTextAreaElement>(null);
  const held = text.length > maxEditableChars ? shortenForDisplay(text, shownChars) : undefined;
  const isHeld = held !== undefined;
  const onTextRef = useRef(onText);
  useEffect(() => {
    onTextRef.current = onText;
  }, [onText]);

  useEffect(() => {
    const textarea = textareaRef.current;
    if (!textarea) return;
    const onBeforeInput = (event: InputEvent): void => {
      const inserted = event.data ?? event.dataTransfer?.getData("text/plain");
      if (!inserted || inserted.length + textarea.value.length <= maxEditableChars) return;
      const next = afterInsert(textarea, inserted);
      if (next.length <= maxEditableChars) return;
      event.preventDefault();
      onTextRef.current(next);
    };
    const onPaste = (event: ClipboardEvent): void => {
      const pasted = event.clipboardData?.getData("text/plain");
      if (!pasted) return;
      // A paste over the held (read-only) text replaces all of it; otherwise it replaces the selection.
      const next = isHeld ? pasted : afterInsert(textarea, pasted);
      if (!isHeld && next.length <= maxEditableChars) return;
      event.preventDefault();
      onTextRef.current(next);
    };
    const onDrop = (event: DragEvent): void => {
      const file = event.dataTransfer?.files[0];
      if (!file) return;
      event.preventDefault();
      void file.text().then((fileText) => onTextRef.current(fileText));
    };
    textarea.addEventListener("beforeinput", onBeforeInput);
    textarea.addEventListener("paste", onPaste);
    if (readsDroppedFiles) textarea.addEventListener("drop", onDrop);
    return () => {
      textarea.removeEventListener("beforeinput", onBeforeInput);
      textarea.removeEventListener("paste", onPaste);
      textarea.removeEventListener("drop", onDrop);
    };
  }, [isHeld, maxEditableChars, readsDroppedFiles]);

  const heldNoteId = `${fieldProps.id}-held`;
  const describedBy = [fieldProps["aria-describedby"], isHeld ? heldNoteId : undefined].filter(Boolean).join(" ") || undefined;
  return (
    <>
      <textarea
        {...fieldProps}
        ref={textareaRef}
        aria-describedby={describedBy}
        className={className}
        rows={rows}
        value={held ? held.value : text}
        readOnly={isHeld}
        data-testid={testIds.input}
        data-held-length={held?.length}
        spellCheck={false}
        autoComplete="off"
        placeholder={placeholder}
        onChange={(event) => onText(event.target.value)}
      />
      {held?.length !== undefined && (
        <div className="flex flex-wrap items-center gap-2 text-sm">
          <span id={heldNoteId} className="text-warn" data-testid={testIds.held}>
            {held.length.toLocaleString("en-US")} characters pasted: too long to edit here, so the box shows the first {shownChars.toLocaleString("en-US")}. The
            whole {noun} {whereChecked}; paste another {noun} over it, or clear it.
          </span>
          <button
            type="button"
            className="btn-secondary"
            data-testid={testIds.clear}
            onClick={() => {
              onText("");
              // The box becomes editable again: put the user where the next text goes.
              requestAnimationFrame(() => textareaRef.current?.focus());
            }}
          >
            Clear
          </button>
        </div>
      )}
    </>
  );
}
