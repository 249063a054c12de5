import { HeldPasteTextarea, type PastedTextProps } from "@/ui/held-paste-textarea";

/** The text box of the Inspect panel: a very long token is held out of it and inspected in the worker (held-paste-textarea.tsx). */
export function JwtInput(props: PastedTextProps) {
  return (
    <HeldPasteTextarea
      {...props}
      testIds={{ input: "jwt-inspect-input", held: "inspect-input-held", clear: "inspect-clear" }}
      noun="token"
      whereChecked="is inspected below"
      placeholder="eyJhbGciOi…"
    />
  );
}
