import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { CLIENT_SECRET } from "../../../test-support/client-secrets";
import { checkClientSecret, LONGEST_PLAUSIBLE_SECRET_CHARS } from "./check-client-secret";

describe("checkClientSecret", () => {
  it("finds nothing wrong with a generated-looking value", () => {
    expect(checkClientSecret(CLIENT_SECRET)).toEqual([]);
  });
  it("an empty value blocks sending", () => {
    expect(checkClientSecret("")).toMatchObject([{ code: "secret_empty", blocking: true }]);
  });
  it("a GUID (made by Node's crypto) is flagged as the secret's ID, AADSTS7000215", () => {
    const problems = checkClientSecret(randomUUID());
    expect(problems).toMatchObject([{ code: "secret_looks_like_id", aadsts: 7000215, blocking: false }]);
    expect(problems[0]?.message).toMatch(/secret's ID.*not its value/);
  });
  it("an upper-case GUID with spaces around is both the ID and whitespace", () => {
    const problems = checkClientSecret(` ${randomUUID().toUpperCase()}\n`);
    expect(problems.map((problem) => problem.code)).toEqual(["secret_looks_like_id", "secret_has_whitespace"]);
    expect(problems[1]?.message).toContain("a leading space and a trailing line break");
  });
  it("names a trailing tab alone", () => {
    const problems = checkClientSecret(`${CLIENT_SECRET}\t`);
    expect(problems).toMatchObject([{ code: "secret_has_whitespace" }]);
    expect(problems[0]?.message).toContain("a trailing tab");
    expect(problems[0]?.message).not.toContain("leading");
  });
  it("whitespace inside the value is not an edge", () => {
    expect(checkClientSecret("ab cd")).toEqual([]);
  });
});

describe("checkClientSecret: what makes a value unlike any secret Entra issues is named", () => {
  it("a 1 MiB value is named by its length, without quoting it, and checked quickly", () => {
    const value = "A".repeat(1024 * 1024);
    const started = performance.now();
    const problems = checkClientSecret(value);
    expect(performance.now() - started).toBeLessThan(200);
    expect(problems).toMatchObject([{ code: "secret_too_long", aadsts: 7000215, blocking: false }]);
    expect(problems[0]?.message).toContain("1,048,576 characters long");
    expect(problems[0]?.message.length).toBeLessThan(400);
  });
  it(`a value of ${String(LONGEST_PLAUSIBLE_SECRET_CHARS)} characters is not too long`, () => {
    expect(checkClientSecret("a".repeat(LONGEST_PLAUSIBLE_SECRET_CHARS))).toEqual([]);
  });
  it.each([
    ["a NUL", `${CLIENT_SECRET.slice(0, 10)}\u0000${CLIENT_SECRET.slice(10)}`, "a NUL (U+0000) at character 11"],
    ["a right-to-left override", `\u202e${CLIENT_SECRET}`, "a right-to-left override (U+202E) at character 1"],
    ["a zero-width space", `${CLIENT_SECRET}\u200b`, "a zero-width space (U+200B) at character 41"],
    ["a zero-width joiner and a byte order mark", `\ufeff${CLIENT_SECRET}\u200d`, "a zero-width no-break space (byte order mark) (U+FEFF) at character 1 and 1 more such character"],
    ["an escape (C0 control)", `${CLIENT_SECRET}\u001b[0m`, "a control character (U+001B)"],
  ])("%s is named with where it is", (_name, value, named) => {
    // A byte order mark is also whitespace to JavaScript (\s), so a leading one is named as that too.
    const hidden = checkClientSecret(value).find((problem) => problem.code === "secret_has_hidden_characters");
    expect(hidden).toMatchObject({ aadsts: 7000215, blocking: false });
    expect(hidden?.message).toContain(named);
  });
  it("a value with the ~._- an issued secret holds has nothing hidden", () => {
    expect(checkClientSecret("abc~DEF.ghi_JKL-mno0123456789abcdefghij")).toEqual([]);
  });
});

describe("missingSecretBlocker", () => {
  it("blocks exactly when checkClientSecret names a blocking problem, with the same sentence", async () => {
    const { missingSecretBlocker } = await import("./missing-secret");
    for (const value of ["", " ", CLIENT_SECRET, `${CLIENT_SECRET} `, "00000000-0000-0000-0000-000000000000", "x".repeat(300)]) {
      expect(missingSecretBlocker(value), JSON.stringify(value)).toBe(checkClientSecret(value).find((problem) => problem.blocking)?.message);
    }
  });
});
