import { setFlagsFromString } from 'node:v8';

/**
 * How much V8 lets a heap grow past what the last full collection kept, in percent. By default it picks a
 * factor of up to 4 from its own speed, and an index built in one long pass mostly keeps what it allocates: on
 * ../shared/corpora 180 MB of the main heap was garbage at the peak. Each full collection of a big heap costs
 * CPU, so this is a trade (cold passes of the built server, peak RSS and CPU-seconds, one run each at load
 * 5-17 on 2 cores): V8's own 1,085-1,126 MB, 57-64 CPU-s; 30% 953-1,023 MB, 63-68; 20% 939-964 MB, 65-68;
 * 10% 923-951 MB, 69-74.
 */
const HEAP_GROWING_PERCENT = 20;

/** Sets the growth for the heaps of this process (and its worker threads), unless Node was given one. */
export function limitHeapGrowth(): void {
  const given = [...process.execArgv, ...(process.env.NODE_OPTIONS?.split(/\s+/) ?? [])].some(arg => /^--heap[-_]growing[-_]percent/.test(arg));
  if (!given) setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}
