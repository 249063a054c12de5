import { useEffect, useRef } from "react";

/**
 * Pasted text longer than this stays out of the text box (the box shows its start, read-only): laying out
 * megabytes in a text box is the browser's own main-thread work, done in the paste itself. An app's
 * az ad app show output is a few KB; a tenant's worth of credentials is what goes over this.
 */
export const MAX_EDITABLE_REGISTERED_CHARS = 64 * 1024;
const SHOWN_CHARS = 2000;

interface RegisteredInputProps {
  text: string;
  onText: (text: string) => void;
  fieldProps: { id: string; "aria-describedby"?: string; "aria-invalid"?: boolean };
}

function afterInsert(textarea: HTMLTextAreaElement, inserted: string): string {
  return textarea.value.slice(0, textarea.selectionStart) + inserted + textarea.value.slice(textarea.selectionEnd);
}

/** The paste box: typed and short text as usual; a long paste, a drop or an opened file goes straight to the reader. */
export function RegisteredInput({ text, onText, fieldProps }: RegisteredInputProps) {
  const textareaRef = useRef<HTMLTextAreaElement>(null);
  const isHeld = text.length > MAX_EDITABLE_REGISTERED_CHARS;
  const onTextRef = useRef(onText);
  useEffect(() => {
    onTextRef.current = onText;
  }, [onText]);

  useEffect(() => {
    const textarea = textareaRef.current;
    if (!textarea) return;
    // beforeinput and paste are cancelable (https://w3c.github.io/input-events/): a long text is taken before it is laid out.
    const onBeforeInput = (event: InputEvent): void => {
      const inserted = event.data ?? event.dataTransfer?.getData("text/plain");
      if (!inserted || inserted.length + textarea.value.length <= MAX_EDITABLE_REGISTERED_CHARS) return;
      event.preventDefault();
      onTextRef.current(isHeld ? inserted : afterInsert(textarea, inserted));
    };
    const onPaste = (event: ClipboardEvent): void => {
      const pasted = event.clipboardData?.getData("text/plain");
      if (!pasted) return;
      const next = isHeld ? pasted : afterInsert(textarea, pasted);
      if (!isHeld && next.length <= MAX_EDITABLE_REGISTERED_CHARS) return;
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
    textarea.addEventListener("drop", onDrop);
    return () => {
      textarea.removeEventListener("beforeinput", onBeforeInput);
      textarea.removeEventListener("paste", onPaste);
      textarea.removeEventListener("drop", onDrop);
    };
  }, [isHeld]);

  const heldNoteId = `${fieldProps.id}-held`;
  const describedBy = [fieldProps["aria-describedby"], isHeld ? heldNoteId : undefined].filter(Boolean).join(" ") || undefined;
  return (
    <>
      <textarea
        {...fieldProps}
        ref={textareaRef}
        aria-describedby={describedBy}
        className="input font-mono text-xs"
        rows={6}
        value={isHeld ? `${text.slice(0, SHOWN_CHARS)}…` : text}
        readOnly={isHeld}
        data-testid="registered-input"
        data-held-length={isHeld ? text.length : undefined}
        spellCheck={false}
        autoComplete="off"
        placeholder={'[\n  {\n    "customKeyIdentifier": "6443E93F…",\n    "displayName": "CN=credential-workbench",\n    "endDateTime": "2027-12-05T10:00:00Z",\n    …'}
        onChange={(event) => onText(event.target.value)}
      />
      {isHeld && (
        <div className="flex flex-wrap items-center gap-2 text-sm">
          <span id={heldNoteId} className="text-muted" data-testid="registered-input-held">
            {text.length.toLocaleString("en-US")} characters: too long to edit here, so the box shows the start. All of it is read below; paste over it, or clear it.
          </span>
          <button
            type="button"
            className="btn-secondary"
            data-testid="registered-clear"
            onClick={() => {
              onText("");
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
