// Kept apart from subject.ts, which the first screen loads for its field checks: the X.501 Name
// needs @peculiar/x509, which stays out of the first screen's JavaScript and loads when a certificate
// or CSR is made.
import { WorkbenchError } from "../errors";
import { validateSubjectFields, type SubjectFields } from "./subject";
import { Name, type JsonNameParams } from "@peculiar/x509";

/**
 * Builds the X.501 Name from separate fields, attribute by attribute, so a comma, quote or
 * plus sign in a value is data, never a new RDN. Order and string types follow OpenSSL's
 * defaults: C as PrintableString, emailAddress as IA5String, everything else UTF8String.
 */
export function buildSubjectName(fields: SubjectFields): Name {
  const errors = validateSubjectFields(fields);
  const firstError = Object.values(errors)[0];
  if (firstError) throw new WorkbenchError("ERR_INVALID_SUBJECT", firstError);

  const rdns: JsonNameParams = [];
  const add = (type: string, value: string | undefined, kind: "utf8String" | "printableString" | "ia5String") => {
    const trimmed = value?.trim();
    if (trimmed) rdns.push({ [type]: [{ [kind]: trimmed }] });
  };
  add("C", fields.country, "printableString");
  add("ST", fields.state, "utf8String");
  add("L", fields.locality, "utf8String");
  add("O", fields.organization, "utf8String");
  add("OU", fields.organizationalUnit, "utf8String");
  add("CN", fields.commonName, "utf8String");
  add("E", fields.email, "ia5String");
  return new Name(rdns);
}
