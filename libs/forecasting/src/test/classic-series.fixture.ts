/**
 * Classic public time series (real observations, not generated), shipped as the accuracy fixture.
 *
 * - AirPassengers: R `datasets::AirPassengers`, monthly totals of international airline passengers
 *   (thousands), Jan 1949 - Dec 1960; Box, Jenkins & Reinsel (1976) Series G. Copied from the JSON
 *   export in github.com/applekao/opendata `Homework3/passenger.js` (commit ba76d5b), which matches
 *   the R dataset value for value.
 * - UKgas: R `datasets::UKgas`, quarterly UK gas consumption (million therms), 1960 Q1 - 1986 Q4;
 *   Durbin & Koopman (2001). Copied from github.com/vincentarelbundock/Rdatasets
 *   `csv/datasets/UKgas.csv` (commit cc03c29).
 * - USAccDeaths: R `datasets::USAccDeaths`, monthly accidental deaths in the USA, Jan 1973 - Dec 1978;
 *   Brockwell & Davis (1991). Copied from github.com/vincentarelbundock/Rdatasets
 *   `csv/datasets/USAccDeaths.csv` (commit c65edd8).
 */
export interface ClassicSeries {
  name: string;
  frequency: 'month' | 'quarter';
  seasonLength: number;
  /** ISO date of the first observation (first day of its month / quarter). */
  start: string;
  values: number[];
}

export const airPassengers: ClassicSeries = {
  name: 'AirPassengers',
  frequency: 'month',
  seasonLength: 12,
  start: '1949-01-01',
  values: [
    112, 118, 132, 129, 121, 135, 148, 148, 136, 119, 104, 118,
    115, 126, 141, 135, 125, 149, 170, 170, 158, 133, 114, 140,
    145, 150, 178, 163, 172, 178, 199, 199, 184, 162, 146, 166,
    171, 180, 193, 181, 183, 218, 230, 242, 209, 191, 172, 194,
    196, 196, 236, 235, 229, 243, 264, 272, 237, 211, 180, 201,
    204, 188, 235, 227, 234, 264, 302, 293, 259, 229, 203, 229,
    242, 233, 267, 269, 270, 315, 364, 347, 312, 274, 237, 278,
    284, 277, 317, 313, 318, 374, 413, 405, 355, 306, 271, 306,
    315, 301, 356, 348, 355, 422, 465, 467, 404, 347, 305, 336,
    340, 318, 362, 348, 363, 435, 491, 505, 404, 359, 310, 337,
    360, 342, 406, 396, 420, 472, 548, 559, 463, 407, 362, 405,
    417, 391, 419, 461, 472, 535, 622, 606, 508, 461, 390, 432,
  ],
};

export const ukGas: ClassicSeries = {
  name: 'UKgas',
  frequency: 'quarter',
  seasonLength: 4,
  start: '1960-01-01',
  values: [
    160.1, 129.7, 84.8, 120.1, 160.1, 124.9, 84.8, 116.9, 169.7, 140.9, 89.7, 123.3,
    187.3, 144.1, 92.9, 120.1, 176.1, 147.3, 89.7, 123.3, 185.7, 155.3, 99.3, 131.3,
    200.1, 161.7, 102.5, 136.1, 204.9, 176.1, 112.1, 140.9, 227.3, 195.3, 115.3, 142.5,
    244.9, 214.5, 118.5, 153.7, 244.9, 216.1, 188.9, 142.5, 301, 196.9, 136.1, 267.3,
    317, 230.5, 152.1, 336.2, 371.4, 240.1, 158.5, 355.4, 449.9, 286.6, 179.3, 403.4,
    491.5, 321.8, 177.7, 409.8, 593.9, 329.8, 176.1, 483.5, 584.3, 395.4, 187.3, 485.1,
    669.2, 421, 216.1, 509.1, 827.7, 467.5, 209.7, 542.7, 840.5, 414.6, 217.7, 670.8,
    848.5, 437, 209.7, 701.2, 925.3, 443.4, 214.5, 683.6, 917.3, 515.5, 224.1, 694.8,
    989.4, 477.1, 233.7, 730, 1087, 534.7, 281.8, 787.6, 1163.9, 613.1, 347.4, 782.8,
  ],
};

export const usAccDeaths: ClassicSeries = {
  name: 'USAccDeaths',
  frequency: 'month',
  seasonLength: 12,
  start: '1973-01-01',
  values: [
    9007, 8106, 8928, 9137, 10017, 10826, 11317, 10744, 9713, 9938, 9161, 8927,
    7750, 6981, 8038, 8422, 8714, 9512, 10120, 9823, 8743, 9129, 8710, 8680,
    8162, 7306, 8124, 7870, 9387, 9556, 10093, 9620, 8285, 8466, 8160, 8034,
    7717, 7461, 7767, 7925, 8623, 8945, 10078, 9179, 8037, 8488, 7874, 8647,
    7792, 6957, 7726, 8106, 8890, 9299, 10625, 9302, 8314, 8850, 8265, 8796,
    7836, 6892, 7791, 8192, 9115, 9434, 10484, 9827, 9110, 9070, 8633, 9240,
  ],
};
