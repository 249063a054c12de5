import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { buildClientCredentialsForm, curlCommandFor, validateScope } from "./token-request";

describe("validateScope (client credentials need one resource's /.default)", () => {
  it.each(["https://graph.microsoft.com/.default", "api://00000000-0000-0000-0000-000000000001/.default"])("accepts %s", (scope) => {
    expect(validateScope(scope)).toBeUndefined();
  });
  it.each([
    ["", /Enter a scope/],
    ["https://graph.microsoft.com/User.Read", /does not end in \/\.default/],
    ["https://graph.microsoft.com/.default offline_access", /one scope/],
  ])("refuses %j", (scope, message) => {
    expect(validateScope(scope)).toMatch(message);
  });
});

describe("curlCommandFor", () => {
  const form = buildClientCredentialsForm({ clientId: "cid", scope: "https://graph.microsoft.com/.default", clientAssertion: "a.b.c" });

  it("hides the assertion unless revealed", () => {
    expect(curlCommandFor({ tokenEndpoint: "https://login.microsoftonline.com/t/oauth2/v2.0/token", form, revealAssertion: false })).not.toContain("a.b.c");
    expect(curlCommandFor({ tokenEndpoint: "https://login.microsoftonline.com/t/oauth2/v2.0/token", form, revealAssertion: true })).toContain("client_assertion=a.b.c");
  });

  it("is a command a POSIX shell parses into exactly the form fields, quotes included", () => {
    const tricky = buildClientCredentialsForm({ clientId: "it's", scope: "x/.default", clientAssertion: "a'b\"c$(d)" });
    const command = curlCommandFor({ tokenEndpoint: "https://h/t/oauth2/v2.0/token", form: tricky, revealAssertion: true });
    // Let sh parse the command with a stand-in "curl" that prints its arguments one per line.
    const output = execFileSync("sh", ["-c", `curl() { for a in "$@"; do printf '%s\\n' "$a"; done; }; ${command}`], { encoding: "utf8" });
    const args = output.trimEnd().split("\n");
    expect(args).toContain("client_id=it's");
    expect(args).toContain("client_assertion=a'b\"c$(d)");
    expect(args).toContain("https://h/t/oauth2/v2.0/token");
  });
});
