export {};
/** `npm run bench`: every benchmark, each printing its figures against a same-run baseline. */
const only = process.argv[2];
// `load` (bench/load.ts) runs a short form here: 10 s unless VLECHT_LOAD_SECONDS says otherwise;
// `npm run load` runs it standalone for 60 s.
process.env.VLECHT_LOAD_SECONDS ??= '10';
process.env.VLECHT_LOAD_SKIP_WITHOUT_PG ??= '1';
for (const name of ['register', 'ledger', 'coverage', 'governance', 'reports', 'load']) {
  if (only && only !== name) continue;
  console.log(`\n=== ${name} ===`);
  if (name === 'load') process.argv.push('--capacity'); // users with think time, then saturation
  await import(`./${name}.ts`);
}
