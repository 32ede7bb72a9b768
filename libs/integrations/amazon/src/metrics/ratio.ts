/** `numerator / denominator` rounded half-up to `digits` decimals, as a decimal string; both non-negative integers, denominator > 0. */
export function ratioToDecimal(numerator: number, denominator: number, digits: number): string {
  const scale = 10n ** BigInt(digits);
  const n = BigInt(numerator) * scale * 2n;
  const d = BigInt(denominator) * 2n;
  const scaled = (n + d / 2n) / d;
  const whole = (scaled / scale).toString();
  if (digits === 0) return whole;
  return `${whole}.${(scaled % scale).toString().padStart(digits, '0')}`;
}
