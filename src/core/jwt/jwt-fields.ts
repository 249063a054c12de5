/** The header fields and claims of a decoded JWT as rows: name, value as shown, meaning, and the time for NumericDates. */
import { describeTime, explainClaim, explainHeaderField, TIME_CLAIMS, type JwtKind } from "./jwt-explanations";
import { MAX_SHOWN_VALUE_CHARS, ownField, showValue } from "./jwt-decode";
import type { JwtClaim, JwtField } from "./jwt-inspection";

/**
 * The most rows described for one table. A real header has a handful of fields and an access token a few
 * dozen claims; a crafted token with 10,000 claims would otherwise send 10,000 rows from the worker, have
 * them cloned onto the main thread and laid out, taking seconds. The rest are counted, not described.
 */
export const MAX_DESCRIBED_ROWS = 200;

/** The first MAX_DESCRIBED_ROWS own entries of an object, without listing all of a huge one's entries first. */
function firstEntries(object: Record<string, unknown>): [string, unknown][] {
  const entries: [string, unknown][] = [];
  for (const name of Object.keys(object)) {
    if (entries.length === MAX_DESCRIBED_ROWS) break;
    entries.push([name, object[name]]);
  }
  return entries;
}

/**
 * The most characters of values one table shows in all. One long value (an x5c chain) is shown up to
 * MAX_SHOWN_VALUE_CHARS; 200 claims of 10 KB each would otherwise lay out 1.6 MB of text when the result
 * arrives, holding the main thread for half a second. Once this is spent, each further value is cut to
 * MIN_SHOWN_VALUE_CHARS (its size is still said).
 */
export const MAX_SHOWN_TABLE_CHARS = 4 * MAX_SHOWN_VALUE_CHARS;

/** What each value still shows once a table's budget is spent: enough to recognise it. */
const MIN_SHOWN_VALUE_CHARS = 256;

/** Shows each value within the table's budget (see MAX_SHOWN_TABLE_CHARS). */
function showWithinBudget(): (value: unknown) => { value: string; length?: number } {
  let left = MAX_SHOWN_TABLE_CHARS;
  return (value) => {
    const shown = showValue(value, Math.max(MIN_SHOWN_VALUE_CHARS, Math.min(MAX_SHOWN_VALUE_CHARS, left)));
    left -= shown.value.length;
    return shown;
  };
}

/** Header parameters (RFC 7515 §4.1) explained in words that fit the token's kind: the first MAX_DESCRIBED_ROWS. Linear in the header's size. */
export function describeHeaderFields(header: Record<string, unknown>, kind: JwtKind): JwtField[] {
  const show = showWithinBudget();
  return firstEntries(header).map(([name, value]) => ({ name, ...show(value), explanation: explainHeaderField(name, value, kind) }));
}

/** Claims (RFC 7519 §4.1) explained, with exp/nbf/iat/auth_time also shown as times relative to `now`: the first MAX_DESCRIBED_ROWS. Linear in the payload's size. */
export function describeClaims(payload: Record<string, unknown>, kind: JwtKind, now: Date): JwtClaim[] {
  const show = showWithinBudget();
  return firstEntries(payload).map(([name, value]) => {
    const time = TIME_CLAIMS.includes(name) ? describeTime(name, value, now) : undefined;
    return { name, ...show(value), explanation: explainClaim(name, kind), ...(time ? { time } : {}) };
  });
}

/**
 * The claim rows with their times judged again at `now`; the other rows are kept as they are. Work is
 * proportional to the rows already described, never to the payload, so a timer can call it cheaply.
 */
export function retimeClaims(claims: readonly JwtClaim[], payload: Record<string, unknown>, now: Date): JwtClaim[] {
  return claims.map((row) => {
    if (!row.time) return row;
    const time = describeTime(row.name, ownField(payload, row.name), now);
    return time ? { ...row, time } : row;
  });
}
