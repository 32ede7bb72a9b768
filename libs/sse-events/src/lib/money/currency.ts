/**
 * ISO 4217 minor units (the number of decimals a currency is written with), from the ISO 4217
 * list one, plus a few recently withdrawn codes that still appear in order history.
 *
 * A table rather than `Intl.NumberFormat(...).resolvedOptions().maximumFractionDigits`, because
 * `Intl` follows CLDR, not ISO 4217, and varies with the ICU data of the runtime. On Node 20
 * (ICU 7x) `Intl` gives 0 for HUF, IDR, PKR, COP, AFN, ALL, IRR, LAK, LBP, MGA, MMK, SOS, SYP and
 * YER (ISO 4217: 2) and for IQD (ISO 4217: 3); it also accepts any well-formed code (`"XYZ"` gives
 * 2), so it cannot tell an unknown code from a real one. The table gives the same answer in every
 * browser and Node version.
 */
const ZERO_DECIMALS = 'BIF BYR CLP DJF GNF ISK JPY KMF KRW PYG RWF UGX UYI VND VUV XAF XOF XPF';
const THREE_DECIMALS = 'BHD IQD JOD KWD LYD OMR TND';
const FOUR_DECIMALS = 'CLF UYW';
const TWO_DECIMALS =
  'AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BMD BND BOB BOV BRL BSD BTN BWP BYN BZD ' +
  'CAD CDF CHE CHF CHW CNY COP COU CRC CUC CUP CVE CZK DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL ' +
  'GHS GIP GMD GTQ GYD HKD HNL HRK HTG HUF IDR ILS INR IRR JMD KES KGS KHR KPW KYD KZT LAK LBP LKR ' +
  'LRD LSL MAD MDL MGA MKD MMK MNT MOP MRO MRU MUR MVR MWK MXN MXV MYR MZN NAD NGN NIO NOK NPR NZD ' +
  'PAB PEN PGK PHP PKR PLN QAR RON RSD RUB SAR SBD SCR SDG SEK SGD SHP SLE SLL SOS SRD SSP STD STN ' +
  'SVC SYP SZL THB TJS TMT TOP TRY TTD TWD TZS UAH USD USN UYU UZS VED VEF VES WST XCD XCG YER ZAR ' +
  'ZMW ZWG ZWL';

const MINOR_UNITS: ReadonlyMap<string, number> = new Map(
  [
    [ZERO_DECIMALS, 0],
    [TWO_DECIMALS, 2],
    [THREE_DECIMALS, 3],
    [FOUR_DECIMALS, 4],
  ].flatMap(([codes, decimals]) => (codes as string).split(' ').map((code) => [code, decimals as number] as const)),
);

/** Thrown for a code that is not a known ISO 4217 currency with a minor unit. */
export class UnknownCurrencyError extends RangeError {
  override readonly name = 'UnknownCurrencyError';

  constructor(readonly currency: string) {
    super(
      /^[A-Z]{3}$/.test(currency)
        ? `unknown currency ${JSON.stringify(currency)}: not an ISO 4217 currency with a minor unit`
        : `invalid currency code ${JSON.stringify(currency.slice(0, 20))}: expected three upper-case letters such as "GBP"`,
    );
  }
}

/** True for every code {@link currencyDecimals} knows (upper case only). */
export function isKnownCurrency(code: string): boolean {
  return MINOR_UNITS.has(code);
}

/**
 * The ISO 4217 minor units of `code`: JPY 0, GBP 2, BHD 3, CLF 4.
 * Codes are upper case (`"gbp"` is refused, as `CurrencyCodeSchema` refuses it).
 * @throws UnknownCurrencyError for a malformed code, an unknown one, and codes without a minor
 *   unit (precious metals `XAU`, `XDR`, the test code `XTS`, `XXX`).
 */
export function currencyDecimals(code: string): number {
  const decimals = MINOR_UNITS.get(code);
  if (decimals === undefined) throw new UnknownCurrencyError(code);
  return decimals;
}
