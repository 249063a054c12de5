/**
 * A token's time window (nbf ≤ now < exp, RFC 7519 §4.1.4–4.1.5), Entra's clock-skew allowance around it,
 * and the words the page uses about it. The one home for "valid from / until", the skew and "expires in":
 * the assertion checklist, the JWT inspector and the Assertion panel all ask this module.
 */

/**
 * Entra accepts an assertion up to about five minutes outside its nbf/exp window and answers AADSTS700024
 * beyond that (docs/entra.md, "Clock skew").
 */
export const CLOCK_SKEW_SECONDS = 300;

/** How the page names the allowance, wherever it mentions it. */
export const CLOCK_SKEW_WORDS = "~5-minute clock-skew allowance";

/** The largest NumericDate a JavaScript Date can hold: ECMAScript time values end at ±8.64e15 ms. */
const MAX_NUMERIC_DATE_SECONDS = 8.64e12;

/**
 * A claim's value as a NumericDate (RFC 7519 §2: seconds since 1970-01-01T00:00:00Z), or undefined when
 * it is not a finite number a Date can show.
 *
 * @example numericDate(payload.exp) // 1735787045, or undefined for "tomorrow" or 1e300
 */
export function numericDate(value: unknown): number | undefined {
  return typeof value === "number" && Number.isFinite(value) && Math.abs(value) <= MAX_NUMERIC_DATE_SECONDS ? value : undefined;
}

/**
 * True when a claim holds a number that is no date at all: beyond what a Date can hold (±8.64e15 ms, about
 * 275,760 years either side of 1970), infinite or NaN. Such a claim is named as out of range rather than shown
 * as a time, since `new Date(value * 1000).toISOString()` throws RangeError "Invalid time value" for it.
 *
 * @example isOutOfRangeNumericDate(1e308) // true; isOutOfRangeNumericDate(1735787045) // false
 */
export function isOutOfRangeNumericDate(value: unknown): boolean {
  return typeof value === "number" && numericDate(value) === undefined;
}

/** How the page names an out-of-range time claim, mid-sentence: "exp is 1e+308, out of the range of any date". */
export function describeOutOfRange(claim: string, value: number): string {
  return `${claim} is ${String(value)}, out of the range of any date (a NumericDate counts seconds from 1970, and dates end 275,760 years either side of it)`;
}

/**
 * A span of seconds in the largest unit that keeps it readable, rounded to the nearest: the one
 * formatter for every relative time on the page, so two lines never disagree ("10 min" vs "9 min").
 *
 * @example formatDuration(540) // "9 min"
 */
export function formatDuration(seconds: number): string {
  if (seconds < 120) return `${String(Math.round(seconds))} s`;
  if (seconds < 2 * 3600) return `${String(Math.round(seconds / 60))} min`;
  if (seconds < 48 * 3600) return `${String(Math.round(seconds / 3600))} h`;
  return `${String(Math.round(seconds / 86400))} days`;
}

/**
 * The page's one way of writing a moment: ISO 8601's date and time to the second, named UTC — used for
 * exp and nbf, certificate dates, the federated check and the rotation reminder alike.
 *
 * @example utcText(1735787585) // "2025-01-02 03:13:05 UTC"
 */
export function utcText(seconds: number): string {
  return new Date(seconds * 1000).toISOString().replace(/^([+-]?\d{4,6}-\d\d-\d\d)T(\d\d:\d\d:\d\d)(?:\.\d+)?Z$/, "$1 $2 UTC");
}

/** A window in NumericDates: usable from `notBefore` (when there is one) until just before `expires`. */
export interface TimeWindow {
  notBefore?: number;
  expires: number;
}

/** Where `now` falls in a window, with what Entra's skew allowance makes of it. */
export interface TimeWindowPosition {
  /** exp is strict (now < exp) and checked first; nbf is inclusive (nbf ≤ now). */
  state: "valid" | "expired" | "not-yet-valid";
  /** The claim that decides the state: exp for valid and expired, nbf for not yet valid. */
  edgeClaim: "exp" | "nbf";
  /** That claim's NumericDate. */
  edge: number;
  /** Seconds between now and the edge, never negative: until exp, since exp, or until nbf. */
  seconds: number;
  /** Whether Entra still accepts it: always when valid; otherwise when within CLOCK_SKEW_SECONDS of the edge. */
  acceptedWithSkew: boolean;
  /** For an expired window inside the allowance: the seconds of allowance left; otherwise 0. */
  skewLeftSeconds: number;
}

/**
 * Places `now` (whole seconds, as Entra compares) in the window.
 *
 * @example placeInTimeWindow({ notBefore: nbf, expires: exp }, new Date()).state // "valid"
 */
export function placeInTimeWindow(window: TimeWindow, now: Date): TimeWindowPosition {
  const nowSeconds = Math.floor(now.getTime() / 1000);
  const { notBefore, expires } = window;
  if (nowSeconds >= expires) {
    const ago = nowSeconds - expires;
    const left = CLOCK_SKEW_SECONDS - ago;
    return { state: "expired", edgeClaim: "exp", edge: expires, seconds: ago, acceptedWithSkew: left > 0, skewLeftSeconds: Math.max(left, 0) };
  }
  if (notBefore !== undefined && nowSeconds < notBefore) {
    const wait = notBefore - nowSeconds;
    return { state: "not-yet-valid", edgeClaim: "nbf", edge: notBefore, seconds: wait, acceptedWithSkew: wait <= CLOCK_SKEW_SECONDS, skewLeftSeconds: 0 };
  }
  return { state: "valid", edgeClaim: "exp", edge: expires, seconds: expires - nowSeconds, acceptedWithSkew: true, skewLeftSeconds: 0 };
}

/**
 * When, in words, lower case so it can go mid-sentence: "expires in 9 min (exp 2025-01-02 03:13:05 UTC)",
 * "expired 7 min ago (exp …)", "not valid for another 10 min (nbf …)".
 */
export function describeWindowTiming(position: TimeWindowPosition): string {
  const span = formatDuration(position.seconds);
  const at = `(${position.edgeClaim} ${utcText(position.edge)})`;
  if (position.state === "expired") return `expired ${span} ago ${at}`;
  if (position.state === "not-yet-valid") return `not valid for another ${span} ${at}`;
  return `expires in ${span} ${at}`;
}

/**
 * What Entra's skew allowance makes of a window `now` is outside of, lower case without a full stop:
 * "Entra still accepts it for about 4 min more, inside its ~5-minute clock-skew allowance", "Entra accepts
 * it within its … allowance, but the signing clock runs ahead", or undefined when the allowance is used up
 * (the caller says that Entra refuses it, AADSTS700024) or the window holds now.
 */
export function describeSkewAllowance(position: TimeWindowPosition): string | undefined {
  if (position.state === "valid" || !position.acceptedWithSkew) return undefined;
  return position.state === "expired"
    ? `Entra still accepts it for about ${formatDuration(position.skewLeftSeconds)} more, inside its ${CLOCK_SKEW_WORDS}`
    : `Entra accepts it within its ${CLOCK_SKEW_WORDS}, but the signing clock runs ahead`;
}

/** The first letter in upper case, to start a sentence with one of the phrases above. */
export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
