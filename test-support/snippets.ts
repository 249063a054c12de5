// Test helpers: judge generated snippets with the real parsers, not with our own code.
import { execFileSync } from "node:child_process";

/** Throws unless the language's own parser accepts the code (python3's ast, `node --check`, JSON, `bash -n`). */
export function assertSnippetParses(snippet: { language: string; code: string }): void {
  if (snippet.language === "python") execFileSync("python3", ["-c", "import ast,sys; ast.parse(sys.stdin.read())"], { input: snippet.code });
  if (snippet.language === "javascript") execFileSync(process.execPath, ["--input-type=module", "--check"], { input: snippet.code });
  if (snippet.language === "json") JSON.parse(snippet.code);
  if (snippet.language === "shell") execFileSync("bash", ["-n"], { input: snippet.code });
}

/**
 * The arguments a POSIX shell passes to `program` when it runs `command`: a stand-in function of
 * that name prints them one per line, so quoting is judged by sh itself.
 */
export function shellArguments(program: string, command: string): string[] {
  const output = execFileSync("sh", ["-c", `${program}() { for a in "$@"; do printf '%s\\n' "$a"; done; }; ${command}`], { encoding: "utf8" });
  return output.trimEnd().split("\n");
}
