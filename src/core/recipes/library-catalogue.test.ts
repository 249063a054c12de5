import { beforeAll, describe, expect, it } from "vitest";
import type { Credential } from "../credential/credential";
import { generateCredential } from "../credential/generate-credential";
import { DEFAULT_LIBRARY, LIBRARIES, libraryById } from "./library-catalogue";
import { snippetForLibrary } from "./snippet-for-library";
import type { RecipeInputs } from "./recipe";
import { recipeInputsFor } from "../../../test-support/recipe-inputs-fixture";
import { assertSnippetParses } from "../../../test-support/snippets";

describe("libraries offered in step 3", () => {
  let credential: Credential;
  let inputs: RecipeInputs;
  beforeAll(async () => {
    credential = await generateCredential({ keySize: 2048, subject: { commonName: "libraries test" }, validityDays: 30 });
    // The page's form is the opposite of what most libraries send: the snippet must follow the library, not this.
    inputs = recipeInputsFor(credential, { form: "PS256-x5t#S256" });
  });

  it("defaults to MSAL Python with thumbprint + PEM, the seed's form, which signs RS256 + x5t", () => {
    expect(DEFAULT_LIBRARY).toBe("msal-python");
    expect(libraryById(DEFAULT_LIBRARY).form).toBe("RS256-x5t");
    const snippet = snippetForLibrary("msal-python", inputs);
    expect(snippet.id).toBe("msal-python");
    expect(snippet.code).toContain(`"thumbprint": "${credential.certificateDetails.thumbprints.sha1Hex}"`);
  });

  it("an unknown id falls back to the default library", () => {
    expect(libraryById("no-such-library").id).toBe("msal-python");
  });

  it("every library's snippet is accepted by its language's own parser, with the user's values in it", () => {
    for (const library of LIBRARIES) {
      const snippet = snippetForLibrary(library.id, inputs);
      expect(() => assertSnippetParses(snippet), library.id).not.toThrow();
      if (library.id !== "curl") expect(snippet.code, library.id).toContain(inputs.clientId);
    }
  });

  it("MSAL Node: thumbprintSha256 for the SHA-256 choice, the deprecated thumbprint for the SHA-1 one", () => {
    const { sha1Hex, sha256Hex } = credential.certificateDetails.thumbprints;
    const sha256 = snippetForLibrary("msal-node-sha256", { ...inputs, form: "RS256-x5t" }).code;
    expect(sha256).toContain(`thumbprintSha256: "${sha256Hex}"`);
    expect(sha256).not.toContain(sha1Hex);
    const sha1 = snippetForLibrary("msal-node-sha1", inputs).code;
    expect(sha1).toContain(`thumbprint: "${sha1Hex}"`);
    expect(sha1).not.toContain("thumbprintSha256");
  });

  it("MSAL Python public_certificate: no thumbprint at all, the key and the certificate, PS256", () => {
    for (const includeX5c of [false, true]) {
      const snippet = snippetForLibrary("msal-python-public-certificate", { ...inputs, includeX5c });
      expect(snippet.code).not.toContain("thumbprint");
      expect(snippet.code).toContain('"private_key": open("server.pem").read(),');
      expect(snippet.code.match(/"public_certificate": open\("server\.crt"\)\.read\(\),/g)).toHaveLength(1);
      assertSnippetParses(snippet);
    }
    expect(libraryById("msal-python-public-certificate").form).toBe("PS256-x5t#S256");
  });

  it("sets the assertion form each library sends", () => {
    const forms = Object.fromEntries(LIBRARIES.map((library) => [library.id, library.form]));
    expect(forms).toEqual({
      "msal-python": "RS256-x5t",
      "msal-python-pfx": "PS256-x5t#S256",
      "msal-python-public-certificate": "PS256-x5t#S256",
      "msal-node-sha256": "PS256-x5t#S256",
      "msal-node-sha1": "RS256-x5t",
      "msal-dotnet": "PS256-x5t#S256",
      "azure-identity-python": "RS256-x5t",
      "azure-identity-js": "PS256-x5t#S256",
      "az-cli": "RS256-x5t",
      curl: undefined,
    });
  });
});
