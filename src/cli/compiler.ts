import v8 from 'node:v8';

// A run of extract or lint is short and its code cold: by V8's default
// budget nearly every function of the pipeline is compiled by the optimizing
// compiler, many of them again after a deoptimization, on threads of their
// own. On two cores that compiling took as much CPU as a second worker
// would have. A larger budget lets code run longer in the baseline tiers
// before it is optimized, so only what is really hot is: `npm run bench`
// measures the CLI with and without it (rows "V8 defaults").
//
// Inlining is capped too. TurboFan inlines callees into a hot function
// until their bytecode reaches a cumulative budget; the amount readers are
// large functions calling large functions, and `--trace-opt` showed one of
// them taking 100 ms and more to compile, again in every worker. With a
// third of the budget TurboFan's time over the benchmark's reports/ fell
// from 1.4 s to 0.6 s, and on two cores that CPU goes to the second worker.
//
// V8's flags are the process's, so workers started later share them.
// REPORT_METRICS_V8=default leaves V8 as it is.

const INTERRUPT_BUDGET = 300_000;
/** V8's default is 920 bytes of bytecode inlined into one function. */
const INLINED_BYTECODE_CUMULATIVE = 300;

export function tuneCompiler(env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.REPORT_METRICS_V8 === 'default') return false;
  v8.setFlagsFromString(`--interrupt-budget=${INTERRUPT_BUDGET}`);
  v8.setFlagsFromString(`--max-inlined-bytecode-size-cumulative=${INLINED_BYTECODE_CUMULATIVE}`);
  return true;
}
