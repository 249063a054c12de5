import { describe, expect, it } from "vitest";
import { CLIENT_SECRET } from "../../test-support/client-secrets";
import { selectFlaggedSecret } from "./select-flagged-secret";

// Entra's answer to a secret it does not hold, as observed (hoppscotch/hoppscotch#3868): OAuth 2.0 error response, RFC 6749 §5.2.
const invalidSecretBody = {
  error: "invalid_client",
  error_description:
    "AADSTS7000215: Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '00000000-0000-0000-0000-000000000001'.",
  error_codes: [7000215],
};
// The secret's ID (a GUID) pasted where its value goes: the mistake the page flags before sending.
const SECRET_ID = "3f2504e0-4f89-11d3-9a0c-0305e82c3301";

function stateWith(clientSecret: string, body: unknown, status = 401, authMethod: "secret" | "certificate" = "secret") {
  return { authMethod, clientSecret, tokenRequest: { running: false, response: { status, body, durationMs: 120 } } };
}

describe("selectFlaggedSecret", () => {
  it("names what the page had flagged when Entra refuses the secret with AADSTS7000215", () => {
    expect(selectFlaggedSecret(stateWith(SECRET_ID, invalidSecretBody))).toMatch(/looks like the secret's ID \(a GUID\)/);
    expect(selectFlaggedSecret(stateWith(` ${CLIENT_SECRET}\n`, invalidSecretBody))).toMatch(/probably came with the copy/);
  });

  it("says nothing for a well-formed value, another AADSTS code, a success, no response or another method", () => {
    expect(selectFlaggedSecret(stateWith(CLIENT_SECRET, invalidSecretBody))).toBeUndefined();
    expect(selectFlaggedSecret(stateWith(SECRET_ID, { error: "invalid_client", error_codes: [7000222] }))).toBeUndefined();
    expect(selectFlaggedSecret(stateWith(SECRET_ID, { access_token: "x", token_type: "Bearer" }, 200))).toBeUndefined();
    expect(selectFlaggedSecret({ authMethod: "secret", clientSecret: SECRET_ID, tokenRequest: { running: false } })).toBeUndefined();
    expect(selectFlaggedSecret(stateWith(SECRET_ID, invalidSecretBody, 401, "certificate"))).toBeUndefined();
  });
});
