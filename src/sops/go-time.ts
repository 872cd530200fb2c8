/**
 * yaml.v3's timestamps (go-yaml/yaml v3 resolve.go:292-326): a plain scalar starting `YYYY-` that Go's
 * `time.Parse` accepts in one of four layouts is a `time.Time`, and sops encrypts it as type `time`
 * with the text `MarshalText` gives (RFC 3339 with nanoseconds, trailing zeros dropped; aes/cipher.go
 * Encrypt). Go's layout rules: `2006` four digits; `1`, `2`, `15`, `4`, `5` one or two digits;
 * `.999999999` any digits after `.` or `,` (the first nine count); `Z07:00` is `Z` or `±hh:mm`.
 */

interface Parsed {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  nanos: string;
  /** Offset in minutes; undefined: UTC. */
  offset?: number;
}

const NUM = '(\\d\\d?)';
const FRACTION = '(?:[.,](\\d+))?';
const DATE = `(\\d{4})-${NUM}-${NUM}`;
const TIME = `${NUM}:${NUM}:${NUM}${FRACTION}`;
// The four layouts of resolve.go:294-300, in order.
const LAYOUTS = [
  new RegExp(`^${DATE}T${TIME}(Z|[-+]\\d\\d:\\d\\d)$`),
  new RegExp(`^${DATE}t${TIME}(Z|[-+]\\d\\d:\\d\\d)$`),
  new RegExp(`^${DATE} ${TIME}$`),
  new RegExp(`^${DATE}$`),
];

/** The RFC 3339 text sops would encrypt for a plain scalar yaml.v3 reads as a timestamp. */
export function goTimestamp(text: string): string | undefined {
  if (!/^\d{4}-/.test(text)) return undefined;
  for (const layout of LAYOUTS) {
    const match = layout.exec(text);
    if (!match) continue;
    const parsed = fieldsOf(match);
    if (parsed && inRange(parsed)) return marshalText(parsed);
  }
  return undefined;
}

function fieldsOf(match: RegExpExecArray): Parsed | undefined {
  const n = (i: number) => Number(match[i] ?? '0');
  const zone = match[8];
  let offset: number | undefined;
  if (zone && zone !== 'Z') {
    const [hh, mm] = [Number(zone.slice(1, 3)), Number(zone.slice(4, 6))];
    // Go's time.Parse refuses offset hours above 24 and minutes above 60 (time/format.go).
    if (hh > 24 || mm > 60) return undefined;
    offset = (zone[0] === '-' ? -1 : 1) * (hh * 60 + mm);
  }
  return {
    year: n(1),
    month: n(2),
    day: n(3),
    hour: n(4),
    minute: n(5),
    second: n(6),
    nanos: (match[7] ?? '').slice(0, 9),
    offset,
  };
}

function inRange(p: Parsed): boolean {
  const leap = p.year % 4 === 0 && (p.year % 100 !== 0 || p.year % 400 === 0);
  const daysInMonth = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][p.month - 1] ?? 0;
  return (
    p.month >= 1 &&
    p.month <= 12 &&
    p.day >= 1 &&
    p.day <= daysInMonth &&
    p.hour < 24 &&
    p.minute < 60 &&
    p.second < 60
  );
}

const pad = (n: number, width = 2) => String(Math.abs(n)).padStart(width, '0');

/** Go `time.Time.MarshalText`: `2006-01-02T15:04:05.999999999Z07:00`, with `Z` for a zero offset. */
function marshalText(p: Parsed): string {
  const fraction = p.nanos.replace(/0+$/, '');
  const offset = p.offset ?? 0;
  const zone =
    offset === 0 ? 'Z' : `${offset < 0 ? '-' : '+'}${pad(Math.trunc(offset / 60))}:${pad(offset % 60)}`;
  return (
    `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}` +
    `${fraction ? `.${fraction}` : ''}${zone}`
  );
}
