/** `YYYY-MM-DDThh:mm:ss[.fraction](Z|±hh:mm)`: XML Schema `dateTimeStamp`, the offset required. */
const DATE_TIME_STAMP =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d+)?(?:(Z)|([+-])(\d{2}):(\d{2}))$/

/**
 * Reads an XML Schema `dateTimeStamp` (RFC 3339 with an offset or `Z`), the type of VC 2.0's
 * `validFrom` and `validUntil`, as milliseconds since the epoch; `undefined` for anything else. Stricter
 * than `Date.parse` on purpose: no date-only values, no missing offset (which `Date.parse` reads in the
 * process's time zone), no calendar roll-over (`2026-02-30` is not 2 March), no hour 24.
 *
 * @see https://www.w3.org/TR/xmlschema11-2/#dateTimeStamp
 */
export function readDateTimeStamp(text: string): number | undefined {
  const match = DATE_TIME_STAMP.exec(text)
  if (match === null) return undefined
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number) as number[] as [
    number,
    number,
    number,
    number,
    number,
    number,
  ]
  const fraction = match[7] === undefined ? 0 : Math.floor(Number(`0${match[7]}`) * 1000)
  const offsetHours = match[8] === 'Z' ? 0 : Number(match[10])
  const offsetMinutes = match[8] === 'Z' ? 0 : Number(match[11])
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined
  if (hour > 23 || minute > 59 || second > 59 || offsetHours > 14 || offsetMinutes > 59) return undefined
  const sign = match[9] === '-' ? -1 : 1
  const utc = Date.UTC(year, month - 1, day, hour, minute, second, fraction)
  // Date.UTC maps years 0–99 to 1900–1999; setUTCFullYear puts them back.
  const exact = new Date(utc)
  exact.setUTCFullYear(year)
  return exact.getTime() - sign * (offsetHours * 60 + offsetMinutes) * 60_000
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28
  return [4, 6, 9, 11].includes(month) ? 30 : 31
}
