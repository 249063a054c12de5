/**
 * The bounds on what a user can paste or drop that becomes an object: the one home for them, so the page,
 * its worker and the README's reliability section name the same numbers. Each is far above what a real
 * tool writes and far below what makes the page or its worker hand-off fail.
 */

/**
 * The deepest nesting of `{` and `[` read in pasted JSON (a JWT header or payload, a JWKS). Real tokens nest
 * two or three levels (a `cnf` or `address` claim); a JWKS three. A crafted token nesting 50,000 levels parses,
 * but handing it from the worker to the page (structured clone, which recurses) and showing it throw "Maximum
 * call stack size exceeded", so deeper JSON is named as too deep and not described further.
 */
export const MAX_JSON_DEPTH = 256;

/**
 * The longest pasted text read as a JWT. Real tokens are a few KB (an access token with many groups ~10 KB;
 * Entra replaces more than 200 groups with an overage claim), and the proxy takes at most 64 KiB in a request,
 * so a longer token could not be sent anyway; this leaves room to inspect a crafted one.
 */
export const MAX_TOKEN_CHARS = 4 * 1024 * 1024;

/**
 * The longest pasted JWKS read. An issuer publishes a handful of keys (GitHub's and Entra's JWKS are a few
 * KB); a 4096-bit RSA JWK is under 1 KB.
 */
export const MAX_JWKS_CHARS = 1024 * 1024;

/** The most keys read from a JWKS: an issuer publishes a handful, a few more while it rotates them. */
export const MAX_JWKS_KEYS = 1000;
