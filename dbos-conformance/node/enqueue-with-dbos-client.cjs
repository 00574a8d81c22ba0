// DBOS Transact TypeScript's DBOSClient, used as a DBOS user would from another service:
//   node enqueue-with-dbos-client.cjs <system database URL> '<JSON list of enqueues>'
// Each enqueue is {"workflowID", "workflowName", "workflowClassName", "queueName", "args"}; its
// arguments are written in DBOS's portable format, which a workflow in any language reads. Prints one
// JSON list: for each enqueue in order, {"workflowID", "result"} or {"workflowID", "error": {"name", "message"}}.
const { DBOSClient } = require('@dbos-inc/dbos-sdk');

async function main() {
  const [systemDatabaseUrl, plan] = process.argv.slice(2);
  const client = await DBOSClient.create({ systemDatabaseUrl });
  try {
    const handles = [];
    for (const e of JSON.parse(plan)) {
      handles.push(await client.enqueue(
        {
          workflowID: e.workflowID,
          workflowName: e.workflowName,
          workflowClassName: e.workflowClassName,
          queueName: e.queueName,
          serializationType: 'portable',
        },
        ...e.args));
    }
    const outcomes = [];
    for (const handle of handles) {
      try {
        outcomes.push({ workflowID: handle.workflowID, result: await handle.getResult() });
      } catch (error) {
        outcomes.push({ workflowID: handle.workflowID, error: { name: error.name, message: error.message } });
      }
    }
    console.log(JSON.stringify(outcomes));
  } finally {
    await client.destroy();
  }
}

main().then(() => process.exit(0), (error) => { console.error(error); process.exit(1); });
