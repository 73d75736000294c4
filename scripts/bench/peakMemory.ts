/**
 * Preloaded (node --require) into each timed process of the benchmark: on exit it writes the
 * process's peak resident memory, in bytes, to the file named by FOLJSAM_BENCH_RSS.
 */
import { writeFileSync } from "fs";

const target = process.env.FOLJSAM_BENCH_RSS;
if (target) process.on("exit", () => writeFileSync(target, String(process.resourceUsage().maxRSS * 1024)));
