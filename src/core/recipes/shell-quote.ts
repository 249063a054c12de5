/**
 * Quotes a value for a POSIX shell: single quotes, with embedded single quotes closed, escaped and
 * reopened (POSIX Shell Command Language §2.2.3: nothing is special inside single quotes but `'`).
 * @example shellQuote("it's") // 'it'\''s'
 */
export function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}
