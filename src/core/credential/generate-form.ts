/**
 * What the user types in the Generate panel, as typed (strings, so nothing is lost on a bad
 * value), and the rules that turn it into a subject, SANs and a validity.
 */
import { validateSubjectAlternativeNames, validateValidityDays, type SubjectAlternativeNames } from "../certificate/options";
import type { RsaKeySize } from "../keys/rsa-keys";
import { validateSubjectFields, type SubjectFields } from "../certificate/subject";

export interface GenerateForm {
  commonName: string;
  organization: string;
  organizationalUnit: string;
  locality: string;
  state: string;
  country: string;
  email: string;
  validityDays: string;
  keySize: RsaKeySize;
  /** One DNS name per line (or comma-separated). */
  dnsNames: string;
  /** One URI per line (or comma-separated). */
  uris: string;
}

export type GenerateFormField = keyof GenerateForm;
export type GenerateFormErrors = Partial<Record<GenerateFormField, string>>;

/** The entries of a list typed one per line or comma-separated, blanks dropped. */
function splitList(text: string): string[] {
  return text.split(/[\n,]/).map((item) => item.trim()).filter((item) => item !== "");
}

/** The subject's fields as typed. */
export function subjectFromForm(form: GenerateForm): SubjectFields {
  return {
    commonName: form.commonName,
    organization: form.organization,
    organizationalUnit: form.organizationalUnit,
    locality: form.locality,
    state: form.state,
    country: form.country,
    email: form.email,
  };
}

/** The DNS names and URIs the form lists. */
export function subjectAlternativeNamesFromForm(form: GenerateForm): SubjectAlternativeNames {
  return { dnsNames: splitList(form.dnsNames), uris: splitList(form.uris) };
}

/** Field-by-field problems with the form; empty when Generate may run. */
export function validateGenerateForm(form: GenerateForm): GenerateFormErrors {
  const errors: GenerateFormErrors = { ...validateSubjectFields(subjectFromForm(form)) };
  const days = form.validityDays.trim() === "" ? Number.NaN : Number(form.validityDays);
  const validityError = validateValidityDays(days);
  if (validityError) errors.validityDays = validityError;
  const dnsError = validateSubjectAlternativeNames({ dnsNames: splitList(form.dnsNames) });
  if (dnsError) errors.dnsNames = dnsError;
  const uriError = validateSubjectAlternativeNames({ uris: splitList(form.uris) });
  if (uriError) errors.uris = uriError;
  return errors;
}
