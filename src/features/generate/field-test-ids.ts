import type { GenerateFormField } from "@/core/credential/generate-form";

/** The data-testid of each Generate field: the panel's hooks, and how the prerendered form is read back. */
export const GENERATE_FIELD_TEST_IDS: Record<GenerateFormField, string> = {
  commonName: "subject-commonName",
  organization: "subject-organization",
  organizationalUnit: "subject-organizationalUnit",
  locality: "subject-locality",
  state: "subject-state",
  country: "subject-country",
  email: "subject-email",
  validityDays: "validity-days",
  keySize: "key-size",
  dnsNames: "san-dns",
  uris: "san-uri",
};
