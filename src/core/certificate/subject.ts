/** The subject of a certificate as the user types it: one value per field, never a DN string. */
export interface SubjectFields {
  commonName: string;
  organization?: string;
  organizationalUnit?: string;
  locality?: string;
  state?: string;
  /** ISO 3166-1 alpha-2, e.g. "US". */
  country?: string;
  email?: string;
}

export type SubjectFieldName = keyof SubjectFields;

/** Upper bounds from RFC 5280 Appendix A (ub-common-name etc.). */
const MAX_LENGTHS: Record<SubjectFieldName, number> = {
  commonName: 64,
  organization: 64,
  organizationalUnit: 64,
  locality: 128,
  state: 128,
  country: 2,
  email: 255,
};

const FIELD_LABELS: Record<SubjectFieldName, string> = {
  commonName: "Common Name",
  organization: "Organization",
  organizationalUnit: "Organizational unit",
  locality: "Locality",
  state: "State or province",
  country: "Country",
  email: "E-mail",
};

export type SubjectFieldErrors = Partial<Record<SubjectFieldName, string>>;

/** Checks each field; returns a message per field that needs fixing (empty object when all are fine). */
export function validateSubjectFields(fields: SubjectFields): SubjectFieldErrors {
  const errors: SubjectFieldErrors = {};
  if (fields.commonName.trim() === "") {
    errors.commonName = "Enter a Common Name, e.g. the app's name: the certificate needs a subject.";
  }
  for (const field of Object.keys(MAX_LENGTHS) as SubjectFieldName[]) {
    const value = fields[field]?.trim() ?? "";
    if (field !== "country" && value.length > MAX_LENGTHS[field]) {
      errors[field] = `${FIELD_LABELS[field]} is ${String(value.length)} characters; shorten it to ${String(MAX_LENGTHS[field])} or fewer.`;
    }
  }
  const country = fields.country?.trim() ?? "";
  if (country !== "" && !/^[A-Z]{2}$/.test(country)) {
    errors.country = `"${country}" is not a country code: use two capital letters (ISO 3166-1), e.g. US, DE, JP, or leave it empty.`;
  }
  const email = fields.email?.trim() ?? "";
  // emailAddress is an IA5String (ASCII only) in X.520/PKCS#9.
  if (email !== "" && !/^[\x21-\x7e]+@[\x21-\x7e]+\.[\x21-\x7e]+$/.test(email)) {
    errors.email = `"${email}" is not an e-mail address the certificate can hold (ASCII, name@domain); fix it or leave it empty.`;
  }
  return errors;
}
