import { HeldPasteTextarea, type PastedTextProps } from "@/ui/held-paste-textarea";

/** The text box of the Inspect panel: a very long token is held out of it and inspected in the worker (held-paste-textarea.tsx). */
export function JwtInput({ text, onText, fieldProps }: PastedTextProps) {
  return (
    <HeldPasteTextarea
      text={text}
      onText={onText}
      fieldProps={fieldProps}
      testIds={{ input: "jwt-inspect-input", held: "inspect-input-held", clear: "inspect-clear" }}
      noun="token"
      whereChecked="is inspected below"
      placeholder="eyJhbGciOi…"
    />
  );
}
