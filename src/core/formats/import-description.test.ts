import { describe, expect, it } from "vitest";
import { describeImportInput, messageAboutInput, PASTED_TEXT_NAME } from "./import-description";

const text = new TextEncoder().encode("-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n");
// The first bytes of a DER SEQUENCE, as every PFX and DER certificate starts.
const binary = Uint8Array.from([0x30, 0x82, 0x0a, 0x1b, 0x02, 0x01, 0x03, 0x30]);

describe("describeImportInput", () => {
  it("says a .pfx holding text looks like a text file, not a PFX", () => {
    expect(describeImportInput({ name: "server.pfx", bytes: text })).toBe("server.pfx looks like a text file, not a PFX");
  });
  it("says a .pem holding binary looks like a binary file", () => {
    expect(describeImportInput({ name: "server.pem", bytes: binary })).toBe("server.pem looks like a binary file, not a PEM text file");
  });
  it("names a file whose content fits its name by its name alone", () => {
    expect(describeImportInput({ name: "server.pfx", bytes: binary })).toBe("server.pfx");
    expect(describeImportInput({ name: "server.crt", bytes: binary })).toBe("server.crt");
  });
  it("calls only the paste box's content pasted text, never a chosen file", () => {
    expect(describeImportInput({ bytes: text, pasted: true })).toBe(PASTED_TEXT_NAME);
    expect(describeImportInput({ name: "pasted.pem", bytes: text })).toBe("pasted.pem");
  });
});

describe("messageAboutInput", () => {
  it("leads with the description", () => {
    expect(messageAboutInput("server.pfx looks like a text file, not a PFX", "This input could not be read.")).toBe(
      "server.pfx looks like a text file, not a PFX: This input could not be read.",
    );
  });
  it("starts a sentence about pasted text with a capital", () => {
    expect(messageAboutInput(PASTED_TEXT_NAME, "No PEM block.")).toBe("The pasted text: No PEM block.");
  });
  it("leaves a message that already names the file alone", () => {
    expect(messageAboutInput("server.pfx", "server.pfx: damaged.")).toBe("server.pfx: damaged.");
  });
});
