// A DBOS Transact TypeScript app whose workflow sets events and receives a message, so that
// io.dbosj's tools can show what DBOS itself wrote:
//   node talk-dbos-app.cjs <system database URL>
// "ts-inbox" sets status "waiting" (portable_json) then {verdict} (DBOS TS's default js_superjson),
// receiving one message on "approvals" in between, then writes 1 and 2 to stream "progress" and
// closes it; two more messages are sent to it after it
// finished, one with idempotency key "k1" on "approvals" and one with no topic: those stay unconsumed.
const { DBOS } = require('@dbos-inc/dbos-sdk');

async function inbox() {
  await DBOS.setEvent('status', 'waiting', { serializationType: 'portable' });
  const decision = await DBOS.recv('approvals', 30);
  await DBOS.setEvent('status', { verdict: decision });
  await DBOS.writeStream('progress', 1);
  await DBOS.writeStream('progress', 2);
  await DBOS.closeStream('progress');
  return decision;
}

const inboxWorkflow = DBOS.registerWorkflow(inbox, { name: 'inbox' });

async function main() {
  DBOS.setConfig({ name: 'ts-talk', systemDatabaseUrl: process.argv[2] });
  await DBOS.launch();
  try {
    const handle = await DBOS.startWorkflow(inboxWorkflow, { workflowID: 'ts-inbox' })();
    await DBOS.getEvent('ts-inbox', 'status', 30);
    await DBOS.send('ts-inbox', 'approved', 'approvals');
    const got = await handle.getResult();
    if (got !== 'approved') throw new Error(`inbox received ${got}`);
    await DBOS.send('ts-inbox', { note: 'too late' }, 'approvals', 'k1');
    await DBOS.send('ts-inbox', 'no topic');
  } finally {
    await DBOS.shutdown();
  }
}

main().then(() => process.exit(0), (error) => { console.error(error); process.exit(1); });
