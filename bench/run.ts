export {};
/** `npm run bench`: every benchmark, each printing its figures against a same-run baseline. */
const only = process.argv[2];
for (const name of ['register', 'ledger', 'coverage', 'governance', 'reports']) {
  if (only && only !== name) continue;
  console.log(`\n=== ${name} ===`);
  await import(`./${name}.ts`);
}
