/**
 * ISO 8601 durations as app management policies write maxLifetime ("P90D", "P1Y", "P1Y6M", "PT12H";
 * Graph's Edm.Duration, https://learn.microsoft.com/graph/api/resources/keycredentialconfiguration):
 * PnYnMnWnDTnHnMnS, whole numbers (a fraction only on the seconds).
 */
export interface IsoDuration {
  years: number;
  months: number;
  weeks: number;
  days: number;
  hours: number;
  minutes: number;
  seconds: number;
}

const DURATION = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

/** The duration, or undefined when the text is not one (e.g. "90 days", "P", "PT"). */
export function parseIsoDuration(text: string): IsoDuration | undefined {
  const match = DURATION.exec(text.trim());
  if (!match || text.trim() === "P" || text.trim().endsWith("T")) return undefined;
  const [, years, months, weeks, days, hours, minutes, seconds] = match.map((part) => (part === undefined ? 0 : Number(part)));
  return { years: years ?? 0, months: months ?? 0, weeks: weeks ?? 0, days: days ?? 0, hours: hours ?? 0, minutes: minutes ?? 0, seconds: seconds ?? 0 };
}

/** `start` plus the duration, calendar-wise in UTC (P1Y from 29 Feb lands on 1 Mar, as Date does). */
export function addIsoDuration(start: Date, duration: IsoDuration): Date {
  const end = new Date(start.getTime());
  end.setUTCFullYear(end.getUTCFullYear() + duration.years, end.getUTCMonth() + duration.months, end.getUTCDate() + duration.weeks * 7 + duration.days);
  end.setTime(end.getTime() + ((duration.hours * 60 + duration.minutes) * 60 + duration.seconds) * 1000);
  return end;
}
