/**
 * Keeps the first screen's ESLint rule (eslint.config.js) honest: the rule can only name modules, so
 * this finds, with TypeScript's own parser, every module of ours that loads a crypto library through
 * its static imports (directly or through another of ours), and checks that the rule names each one.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { ESLint } from "eslint";
import { beforeAll, describe, expect, it } from "vitest";

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const isLibrary = (specifier: string) => specifier.startsWith("@peculiar/") || specifier === "jose" || specifier === "node-forge";

function sourceFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) && !name.endsWith(".d.ts") ? [path] : [];
  });
}

/** The specifiers a file imports for its code: import and export-from declarations that are not type-only (import() is left out: it loads later). */
function staticImports(path: string): string[] {
  const source = ts.createSourceFile(path, readFileSync(path, "utf8"), ts.ScriptTarget.Latest, false, path.endsWith("x") ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const specifiers: string[] = [];
  for (const statement of source.statements) {
    if (ts.isImportDeclaration(statement) && !statement.importClause?.isTypeOnly && ts.isStringLiteral(statement.moduleSpecifier)) {
      const named = statement.importClause?.namedBindings;
      const onlyTypes = !statement.importClause?.name && named !== undefined && ts.isNamedImports(named) && named.elements.length > 0 && named.elements.every((element) => element.isTypeOnly);
      if (!onlyTypes) specifiers.push(statement.moduleSpecifier.text);
    }
    if (ts.isExportDeclaration(statement) && !statement.isTypeOnly && statement.moduleSpecifier && ts.isStringLiteral(statement.moduleSpecifier)) specifiers.push(statement.moduleSpecifier.text);
  }
  return specifiers;
}

/** Our file an import names, or undefined for a package. */
function resolveOurs(from: string, specifier: string): string | undefined {
  const base = specifier.startsWith("@/") ? join(root, "src", specifier.slice(2)) : specifier.startsWith(".") ? join(dirname(from), specifier) : undefined;
  if (!base) return undefined;
  return [base, `${base}.ts`, `${base}.tsx`].find((candidate) => {
    try {
      return statSync(candidate).isFile();
    } catch {
      return false;
    }
  });
}

/** Every module of ours whose static imports reach a crypto library. */
function modulesThatLoadACryptoLibrary(): string[] {
  const files = sourceFiles(join(root, "src"));
  const imports = new Map(files.map((file) => [file, staticImports(file)]));
  const loading = new Set<string>();
  for (let grew = true; grew; ) {
    grew = false;
    for (const [file, specifiers] of imports) {
      if (loading.has(file)) continue;
      if (specifiers.some((specifier) => isLibrary(specifier) || loading.has(resolveOurs(file, specifier) ?? ""))) {
        loading.add(file);
        grew = true;
      }
    }
  }
  return [...loading].map((file) => relative(join(root, "src"), file).replace(/\.tsx?$/, "")).sort();
}

/**
 * Which of these imports ESLint refuses in a file of the first screen's layer: each is linted, by
 * ESLint itself with the project's config, as one line of a file in src/first-screen/.
 */
async function refusedInTheFirstScreen(specifiers: string[]): Promise<Set<string>> {
  const eslint = new ESLint({ cwd: root });
  const [result] = await eslint.lintText(specifiers.map((specifier) => `import ${JSON.stringify(specifier)};`).join("\n"), { filePath: join(root, "src/first-screen/layer-probe.ts") });
  const lines = new Set((result?.messages ?? []).filter((message) => message.ruleId === "@typescript-eslint/no-restricted-imports").map((message) => message.line));
  return new Set(specifiers.filter((_specifier, index) => lines.has(index + 1)));
}

describe("the first screen's layer rule", () => {
  let found: string[] = [];
  beforeAll(() => {
    found = modulesThatLoadACryptoLibrary();
  });

  it("refuses every module of ours that loads a crypto library, by the @/ alias and by a relative path", async () => {
    // The finder itself finds what is known to load one (a test that cannot fail is no test).
    expect(found).toEqual(expect.arrayContaining(["core/certificate/create", "core/formats/pkcs12-export", "store/lazy-import-entry"]));
    const specifiers = found.filter((module) => !module.startsWith("workers/")).flatMap((module) => [`@/${module}`, `../${module}`]);
    const refused = await refusedInTheFirstScreen(specifiers);
    expect(specifiers.filter((specifier) => !refused.has(specifier)), "add these to firstScreenForbidden in eslint.config.js").toEqual([]);
  }, 60_000);

  it("refuses the libraries themselves, and leaves what the first screen needs alone", async () => {
    const libraries = ["@peculiar/x509", "@peculiar/asn1-schema", "jose", "node-forge"];
    const needed = ["@/core/formats/pem", "@/core/certificate/validity", "@/core/keys/rsa-keys", "@/core/credential/generate-form", "./markers", "react"];
    const refused = await refusedInTheFirstScreen([...libraries, ...needed]);
    expect([...refused]).toEqual(libraries);
  }, 60_000);
});
