import { describe, expect, it } from "vitest";
import { subjectAlternativeNamesFromForm, subjectFromForm, validateGenerateForm, type GenerateForm } from "./generate-form";

const form: GenerateForm = {
  commonName: "credential-workbench",
  organization: "Contoso",
  organizationalUnit: "",
  locality: "",
  state: "",
  country: "NL",
  email: "",
  validityDays: "365",
  keySize: 2048,
  dnsNames: "",
  uris: "",
};

describe("validateGenerateForm", () => {
  it("finds nothing wrong with a valid form", () => {
    expect(validateGenerateForm(form)).toEqual({});
  });
  it.each([
    ["validityDays", ""],
    ["validityDays", "0"],
    ["validityDays", "1.5"],
    ["country", "Netherlands"],
    ["commonName", ""],
    ["dnsNames", "bad name.example"],
    ["uris", "not a uri"],
  ] as const)("names %s when it is %j", (field, value) => {
    expect(Object.keys(validateGenerateForm({ ...form, [field]: value }))).toContain(field);
  });
});

describe("reading the form", () => {
  it("takes the subject fields as typed", () => {
    expect(subjectFromForm(form)).toEqual({ commonName: "credential-workbench", organization: "Contoso", organizationalUnit: "", locality: "", state: "", country: "NL", email: "" });
  });
  it("splits SAN lists on lines and commas, dropping blanks", () => {
    expect(subjectAlternativeNamesFromForm({ ...form, dnsNames: "a.example,\n b.example \n\n", uris: "https://a.example/x" })).toEqual({
      dnsNames: ["a.example", "b.example"],
      uris: ["https://a.example/x"],
    });
    expect(subjectAlternativeNamesFromForm(form)).toEqual({ dnsNames: [], uris: [] });
  });
});
