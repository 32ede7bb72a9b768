/** Standard normal quantiles for the two interval levels the library reports. */
export const Z90 = 1.2815515655446004; // 0.9 quantile: 80 % central interval
export const Z975 = 1.959963984540054; // 0.975 quantile: 95 % central interval
