/** The rotation reminder: an iCalendar event (RFC 5545) some days before the certificate expires. */

/** Formats a Date as an iCalendar UTC DATE-TIME (RFC 5545 §3.3.5). */
function icsDateTime(date: Date): string {
  return date.toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");
}

/** Escapes TEXT values (RFC 5545 §3.3.11). */
function icsText(text: string): string {
  return text.replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\r?\n/g, "\\n");
}

/** UTF-8 length of one code point (RFC 3629 §3). */
function utf8Length(codePoint: number): number {
  return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
}

/**
 * Folds a content line at 75 octets (RFC 5545 §3.1): CRLF then one space before each continuation.
 * Counts octets per code point as it goes, so a long line costs one pass (never a split UTF-8 sequence).
 */
function foldIcsLine(line: string): string {
  const pieces: string[] = [];
  let current = "";
  let currentOctets = 0;
  for (const character of line) {
    const limit = pieces.length === 0 ? 75 : 74;
    const octets = utf8Length(character.codePointAt(0) ?? 0);
    if (currentOctets + octets > limit) {
      pieces.push(current);
      current = "";
      currentOctets = 0;
    }
    current += character;
    currentOctets += octets;
  }
  pieces.push(current);
  return pieces.join("\r\n ");
}

/**
 * A calendar reminder to rotate the credential `daysBefore` days ahead of notAfter (RFC 5545),
 * with CRLF line endings as the RFC requires.
 */
export function rotationReminderIcs(options: { subject: string; thumbprint: string; notAfter: string; daysBefore: number; uid: string; now?: Date }): string {
  const notAfter = new Date(options.notAfter);
  const reminder = new Date(notAfter.getTime() - options.daysBefore * 86_400_000);
  const start = new Date(Math.max(reminder.getTime(), (options.now ?? new Date()).getTime()));
  return [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//Credential Workbench//EN",
    "BEGIN:VEVENT",
    `UID:${options.uid}`,
    `DTSTAMP:${icsDateTime(options.now ?? new Date())}`,
    `DTSTART:${icsDateTime(start)}`,
    `DTEND:${icsDateTime(new Date(start.getTime() + 30 * 60_000))}`,
    `SUMMARY:${icsText(`Rotate Entra certificate ${options.subject}`)}`,
    `DESCRIPTION:${icsText(`The certificate ${options.subject} (thumbprint ${options.thumbprint}) expires ${notAfter.toISOString()}. Upload a new one with --append before then, switch the app to it, then remove the old one.`)}`,
    "END:VEVENT",
    "END:VCALENDAR",
  ]
    .map(foldIcsLine)
    .join("\r\n") + "\r\n";
}
