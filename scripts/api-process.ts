/**
 * How an API process is started, wherever it is started (`npm start`, `npm run start:api`, the
 * benches): the same memory settings everywhere, so that what the benches measure is what runs.
 *
 * - A young generation of 2 × 32 MiB instead of the 2 × 64 MiB that Node sizes from a large
 *   machine's memory: a busy API touches every page of it, and half of it serves the rush as fast.
 * - An old generation capped at 1 GiB (the big workbooks are streamed, so a download of a night's
 *   scans takes megabytes, not the gigabytes an in-memory workbook would): below 2 GiB
 *   V8 lets the heap grow by less than 2× its live size between full collections (up to 4×
 *   above it), so garbage from a rush is collected at about half the memory.
 * - glibc's malloc gives freed memory back above 128 KiB instead of raising its threshold to
 *   32 MiB after the first large blocks (the compilers' and parsers' scratch memory at start-up).
 *
 * Under the registration rush these keep a warmed-up API process at about 260–300 MiB resident
 * (see docs/performance.md) without costing throughput.
 */
export const API_NODE_ARGS: readonly string[] = ['--max-semi-space-size=32', '--max-old-space-size=1024'];
export const API_ENV: Readonly<Record<string, string>> = { MALLOC_TRIM_THRESHOLD_: '131072' };

/** The API's script in the build (dist/). */
export const API_SCRIPT = 'apps/api/src/main.js';
