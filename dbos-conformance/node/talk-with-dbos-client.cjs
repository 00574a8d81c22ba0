// DBOS Transact TypeScript's DBOSClient talking to workflows of another service:
//   node talk-with-dbos-client.cjs <system database URL> '<JSON list of steps>'
// Steps run one after another; a step that is itself a list runs its steps together, each started
// in the list's order without waiting for the one before (so a getEvent can wait while a later
// send makes the workflow set the event). A step is one of
//   {"send": {"destinationID", "message", "topic"?, "idempotencyKey"?, "serialization"?}}
//   {"getEvent": {"workflowID", "key", "timeoutSeconds"}}
//   {"readStream": {"workflowID", "key", "offset"?}}
// where "serialization" is "portable" (DBOS's portable_json) or absent (the client's default,
// superjson). Prints one JSON list, one outcome per step (a list for a list):
//   {"sent": true}, {"value": <the event, null if it timed out>}, {"values": [<the stream>]},
//   or {"error": {"name", "message"}}.
const { DBOSClient } = require('@dbos-inc/dbos-sdk');

async function perform(client, step) {
  if (Array.isArray(step)) {
    return await Promise.all(step.map((s) => perform(client, s)));
  }
  try {
    if (step.send) {
      const s = step.send;
      const options = s.serialization ? { serializationType: s.serialization } : undefined;
      await client.send(s.destinationID, s.message, s.topic ?? undefined, s.idempotencyKey ?? undefined, options);
      return { sent: true };
    }
    if (step.getEvent) {
      const g = step.getEvent;
      return { value: await client.getEvent(g.workflowID, g.key, { timeoutSeconds: g.timeoutSeconds }) };
    }
    if (step.readStream) {
      const r = step.readStream;
      const values = [];
      for await (const value of client.readStream(r.workflowID, r.key, { offset: r.offset ?? 0 })) {
        values.push(value);
      }
      return { values };
    }
    throw new Error(`unknown step ${JSON.stringify(step)}`);
  } catch (error) {
    return { error: { name: error.name, message: error.message } };
  }
}

async function main() {
  const [systemDatabaseUrl, plan] = process.argv.slice(2);
  const client = await DBOSClient.create({ systemDatabaseUrl });
  try {
    const outcomes = [];
    for (const step of JSON.parse(plan)) {
      outcomes.push(await perform(client, step));
    }
    console.log(JSON.stringify(outcomes));
  } finally {
    await client.destroy();
  }
}

main().then(() => process.exit(0), (error) => { console.error(error); process.exit(1); });
