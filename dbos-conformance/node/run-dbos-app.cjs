// A DBOS Transact TypeScript app: launching it creates DBOS's system database (schema and
// migrations as DBOS makes them), and it runs two workflows that io.dbosj's tools then read:
//   node run-dbos-app.cjs <system database URL>
// "ts-done" (order: one step, SUCCESS) and "ts-failed" (refuse: ERROR), both recorded in DBOS's
// portable format.
const { DBOS } = require('@dbos-inc/dbos-sdk');

async function reserve(sku) {
  return `reserved-${sku}`;
}

async function order(sku) {
  return await DBOS.runStep(() => reserve(sku), { name: 'reserve' });
}

async function refuse(sku) {
  throw new Error(`out of stock: ${sku}`);
}

const orderWorkflow = DBOS.registerWorkflow(order, { name: 'order', serialization: 'portable' });
const refuseWorkflow = DBOS.registerWorkflow(refuse, { name: 'refuse', serialization: 'portable' });

async function main() {
  DBOS.setConfig({ name: 'ts-shop', systemDatabaseUrl: process.argv[2] });
  await DBOS.launch();
  try {
    await DBOS.withNextWorkflowID('ts-done', () => orderWorkflow('apple'));
    await DBOS.withNextWorkflowID('ts-failed', () => refuseWorkflow('pear')).then(
      () => { throw new Error('refuse was expected to fail'); },
      (error) => { if (!String(error.message).includes('out of stock')) throw error; });
  } finally {
    await DBOS.shutdown();
  }
}

main().then(() => process.exit(0), (error) => { console.error(error); process.exit(1); });
