import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { CLIENT_SECRET } from "../../../test-support/client-secrets";
import { checkClientSecret } from "./check-client-secret";

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
