// Fixed-bin latency histogram that merges across processes: 20 µs bins up to 100 ms,
// then 1 ms bins up to 120 s.
const FINE_MS = 100;
const FINE_PER_MS = 50;
const FINE_BINS = FINE_MS * FINE_PER_MS;
const COARSE_BINS = 120_000;
export const BINS = FINE_BINS + COARSE_BINS;

export function newHistogram() {
  return new Uint32Array(BINS);
}

export function record(hist, ms) {
  let i;
  if (ms < 0) ms = 0;
  if (ms < FINE_MS) i = Math.floor(ms * FINE_PER_MS);
  else i = Math.min(BINS - 1, FINE_BINS + Math.floor(ms - FINE_MS));
  hist[i]++;
}

function binUpperMs(i) {
  return i < FINE_BINS ? (i + 1) / FINE_PER_MS : FINE_MS + (i - FINE_BINS + 1);
}

/** Sparse form for IPC: [[bin, count], ...]. */
export function toSparse(hist) {
  const out = [];
  for (let i = 0; i < hist.length; i++) if (hist[i]) out.push([i, hist[i]]);
  return out;
}

export function mergeSparse(into, sparse) {
  for (const [i, n] of sparse) into[i] += n;
}

/** Percentile (0..100) as the upper edge of the bin holding it; null when empty. */
export function percentile(hist, p) {
  let total = 0;
  for (let i = 0; i < hist.length; i++) total += hist[i];
  if (total === 0) return null;
  const rank = Math.ceil((p / 100) * total);
  let seen = 0;
  for (let i = 0; i < hist.length; i++) {
    seen += hist[i];
    if (seen >= rank) return binUpperMs(i);
  }
  return null;
}
