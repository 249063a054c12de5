import { parse as parseQueryString } from "node:querystring";
import { describe, expect, it } from "vitest";
import { encodeForm } from "../../entra/token-form";
import { curlCommandFor } from "../token-request/curl-command";
import { shellArguments } from "../../../test-support/snippets";
import { buildClientSecretForm } from "./client-secret-form";

const SECRET = "Abc8Q~x y'z&=+%";

describe("buildClientSecretForm", () => {
  it("v2.0: grant_type, client_id, scope, client_secret, the secret unchanged (Node's parser reads it back)", () => {
    const form = buildClientSecretForm({ clientId: " cid ", scope: "https://graph.microsoft.com/.default", clientSecret: SECRET });
    const body = encodeForm(form);
    expect(body.split("&").map((pair) => pair.split("=")[0])).toEqual(["grant_type", "client_id", "scope", "client_secret"]);
    expect({ ...parseQueryString(body) }).toEqual({ grant_type: "client_credentials", client_id: "cid", scope: "https://graph.microsoft.com/.default", client_secret: SECRET });
  });
  it("v1: resource instead of scope", () => {
    const form = buildClientSecretForm({ clientId: "cid", scope: "https://graph.microsoft.com/.default", clientSecret: "s", version: "v1" });
    expect(form).toEqual({ grant_type: "client_credentials", client_id: "cid", resource: "https://graph.microsoft.com", client_secret: "s" });
  });
  it("curl masks the secret unless shown; shown, sh passes it through intact", () => {
    const form = buildClientSecretForm({ clientId: "cid", scope: "https://graph.microsoft.com/.default", clientSecret: SECRET });
    const masked = curlCommandFor({ tokenEndpoint: "https://login.microsoftonline.com/t/oauth2/v2.0/token", form, revealAssertion: false });
    expect(masked).not.toContain("Abc8Q");
    expect(masked).toContain("client_secret=<client secret: press Show to include it>");
    const shown = curlCommandFor({ tokenEndpoint: "https://login.microsoftonline.com/t/oauth2/v2.0/token", form, revealAssertion: false, revealSecret: true });
    expect(shellArguments("curl", shown)).toContain(`client_secret=${SECRET}`);
  });
});
