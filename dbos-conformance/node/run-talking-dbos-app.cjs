// A DBOS Transact TypeScript app whose workflows an io.dbosj DBOSClient talks to:
//   node run-talking-dbos-app.cjs <system database URL> inbox|publisher <workflow ID>
// It starts the workflow named under the ID given, waits for it to end and prints
// {"result": <its result>}:
//   "inbox" waits in DBOS.recv for two messages on the default topic, then one on "orders",
//     and returns {"defaultTopic": [first, second], "orders": third}.
//   "publisher" sets the events "status" = "ready" and "receipt" = {"sku": "kiwi", "quantity": 3}
//     (portable) and "plain" = "in superjson" (DBOS TS's default format), writes "one" (portable) and
//     "two" (default) to stream "progress", waits for a message on "go", then sets "late" = "set
//     after go", writes "three", closes "progress", writes "x" to stream "log" (never closed) and
//     returns what "go" brought.
const { DBOS } = require('@dbos-inc/dbos-sdk');

const PORTABLE = { serializationType: 'portable' };
const WAIT_SECONDS = 90;

async function inbox() {
  const first = await DBOS.recv(undefined, WAIT_SECONDS);
  const second = await DBOS.recv(undefined, WAIT_SECONDS);
  const orders = await DBOS.recv('orders', WAIT_SECONDS);
  return { defaultTopic: [first, second], orders };
}

async function publisher() {
  await DBOS.setEvent('status', 'ready', PORTABLE);
  await DBOS.setEvent('receipt', { sku: 'kiwi', quantity: 3 }, PORTABLE);
  await DBOS.setEvent('plain', 'in superjson');
  await DBOS.writeStream('progress', 'one', PORTABLE);
  await DBOS.writeStream('progress', 'two');
  const go = await DBOS.recv('go', WAIT_SECONDS);
  await DBOS.setEvent('late', 'set after go', PORTABLE);
  await DBOS.writeStream('progress', 'three', PORTABLE);
  await DBOS.closeStream('progress');
  await DBOS.writeStream('log', 'x', PORTABLE);
  return go;
}

const workflows = {
  inbox: DBOS.registerWorkflow(inbox, { name: 'inbox', serialization: 'portable' }),
  publisher: DBOS.registerWorkflow(publisher, { name: 'publisher', serialization: 'portable' }),
};

async function main() {
  // DBOS logs at warn only, so that standard output is the one JSON result line
  DBOS.setConfig({ name: 'ts-talker', systemDatabaseUrl: process.argv[2], logLevel: 'warn' });
  await DBOS.launch();
  try {
    const [name, workflowID] = process.argv.slice(3);
    if (!workflows[name]) {
      throw new Error(`no workflow ${name}: name one of ${Object.keys(workflows).join(', ')}`);
    }
    const handle = await DBOS.startWorkflow(workflows[name], { workflowID })();
    console.log(JSON.stringify({ result: await handle.getResult() }));
  } finally {
    await DBOS.shutdown();
  }
}

main().then(() => process.exit(0), (error) => { console.error(error); process.exit(1); });
