import { describe, expect, it } from "vitest";
import { shellArguments } from "../../../test-support/snippets";
import { buildClientCredentialsForm } from "./client-credentials-form";
import { curlCommandFor } from "./curl-command";

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
    const args = shellArguments("curl", command);
    expect(args).toContain("client_id=it's");
    expect(args).toContain("client_assertion=a'b\"c$(d)");
    expect(args).toContain("https://h/t/oauth2/v2.0/token");
  });

  it("puts resource= in the v1 curl command and no scope=", () => {
    const form = buildClientCredentialsForm({ clientId: "cid", scope: "https://graph.microsoft.com/.default", clientAssertion: "x", version: "v1" });
    const command = curlCommandFor({ tokenEndpoint: "https://login.microsoftonline.com/t/oauth2/token", form, revealAssertion: false });
    expect(command).toContain("--data-urlencode 'resource=https://graph.microsoft.com'");
    expect(command).not.toContain("scope=");
  });
});
