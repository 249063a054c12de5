// Test helper: the TypeScript compiler's own parser judges JavaScript and TypeScript snippets.
import ts from "typescript";

/** The syntax errors the TypeScript compiler reports for `code` (none for a snippet that parses). `fileName`'s extension picks JS or TS. */
export function typeScriptSyntaxErrors(code: string, fileName = "snippet.mjs"): string[] {
  const { diagnostics = [] } = ts.transpileModule(code, {
    fileName,
    reportDiagnostics: true,
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, allowJs: true },
  });
  return diagnostics.map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n"));
}
