/**
 * Client secret values for tests, in the shape Entra generates them (40 characters of letters, digits and
 * ~._-; never a GUID, which is the secret's ID). Made up: no app registration holds them.
 */

/** The secret the test's app holds. */
export const CLIENT_SECRET = "Abc8Q~xyzT0p.1_2-3k9LmNoPqRsTuVwXyZ01234";

/** A well-formed value the app does not hold: Entra answers AADSTS7000215. */
export const WRONG_CLIENT_SECRET = "Wrong8Q~not-the-registered-secret-000000";

/** A value the app held until it expired: Entra answers AADSTS7000222. */
export const EXPIRED_CLIENT_SECRET = "Old8Q~expiredsecretvalue000000000000000";
