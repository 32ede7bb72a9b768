import { DECIMAL_PATTERN } from './money.schema';

/** An exact decimal: `units / 10^scale`, held as a bigint so sums never pick up float error. */
interface ScaledDecimal {
  units: bigint;
  scale: number;
}

/**
 * Parses a decimal string exactly.
 * @throws RangeError when the input is not a plain decimal string (no exponent, no thousands separators).
 */
export function parseDecimal(value: string): ScaledDecimal {
  if (!DECIMAL_PATTERN.test(value)) {
    throw new RangeError(`not a decimal string: ${JSON.stringify(value)}`);
  }
  const negative = value.startsWith('-');
  const [whole, fraction = ''] = (negative ? value.slice(1) : value).split('.');
  const units = BigInt(whole + fraction);
  return { units: negative ? -units : units, scale: fraction.length };
}

function rescale(value: ScaledDecimal, scale: number): bigint {
  return value.units * 10n ** BigInt(scale - value.scale);
}

/** Formats with exactly `scale` fraction digits; `-0` is written as `0`. */
export function formatDecimal(value: ScaledDecimal): string {
  const negative = value.units < 0n;
  const digits = (negative ? -value.units : value.units).toString().padStart(value.scale + 1, '0');
  const whole = digits.slice(0, digits.length - value.scale);
  const fraction = digits.slice(digits.length - value.scale);
  const text = value.scale > 0 ? `${whole}.${fraction}` : whole;
  return negative ? `-${text}` : text;
}

/**
 * Adds decimal strings exactly. The result keeps the largest scale among the inputs
 * (`"0.1" + "0.20"` is `"0.30"`) and at least `minScale` fraction digits.
 * An empty list sums to zero.
 */
export function addDecimals(values: Iterable<string>, minScale = 0): string {
  return formatDecimal(sumScaled(values, minScale));
}

function sumScaled(values: Iterable<string>, minScale: number): ScaledDecimal {
  let total: ScaledDecimal = { units: 0n, scale: minScale };
  for (const value of values) {
    const next = parseDecimal(value);
    const scale = Math.max(total.scale, next.scale);
    total = { units: rescale(total, scale) + rescale(next, scale), scale };
  }
  return total;
}

/** `a - b`, exactly. */
export function subtractDecimals(a: string, b: string): string {
  const right = parseDecimal(b);
  return addDecimals([a, formatDecimal({ units: -right.units, scale: right.scale })]);
}

/**
 * Drops trailing fraction zeros beyond `minScale` digits, exactly: `"18234.5000"` -> `"18234.50"`
 * with `minScale` 2. Never rounds: `"1.2345"` stays `"1.2345"`.
 */
export function trimDecimal(value: string, minScale = 2): string {
  const parsed = parseDecimal(value);
  let { units, scale } = parsed;
  while (scale > minScale && units % 10n === 0n) {
    units /= 10n;
    scale -= 1;
  }
  if (scale < minScale) return formatDecimal({ units: units * 10n ** BigInt(minScale - scale), scale: minScale });
  return formatDecimal({ units, scale });
}

/**
 * The decimal as a whole number of `10^-scale` units, exactly: `("12.3450", 3)` -> `12345n`.
 * Returns `undefined` when that would need rounding (`("12.345", 2)`); trailing zeros never do.
 * @throws RangeError when the input is not a plain decimal string.
 */
export function toScaledUnits(value: string, scale: number): bigint | undefined {
  const parsed = parseDecimal(value);
  if (parsed.scale <= scale) return rescale(parsed, scale);
  const divisor = 10n ** BigInt(parsed.scale - scale);
  return parsed.units % divisor === 0n ? parsed.units / divisor : undefined;
}
