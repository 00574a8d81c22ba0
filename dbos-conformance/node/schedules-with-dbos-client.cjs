// DBOS Transact TypeScript's DBOSClient steering the schedules in dbos.workflow_schedules:
//   node schedules-with-dbos-client.cjs <system database URL> '<JSON plan>'
// The plan is {"create": {scheduleName, workflowName, workflowClassName, schedule, context},
// "read": "<name>", "pause": "<name>"}. Creates the schedule, reads them, pauses one, then
// prints one JSON object: "listed" (every schedule, as the client reads it) and "read" (that one).
// (The client's backfillSchedule and triggerSchedule enqueue for the owner's latest version in
// dbos.application_versions, which io.dbosj does not write: they fail on io.dbosj's databases.)
const { DBOSClient } = require('@dbos-inc/dbos-sdk');

async function main() {
  const [systemDatabaseUrl, text] = process.argv.slice(2);
  const plan = JSON.parse(text);
  const client = await DBOSClient.create({ systemDatabaseUrl });
  try {
    await client.createSchedule(plan.create);
    const listed = await client.listSchedules();
    const read = await client.getSchedule(plan.read);
    await client.pauseSchedule(plan.pause);
    console.log(JSON.stringify({ listed, read }));
  } finally {
    await client.destroy();
  }
}

main().then(() => process.exit(0), (error) => { console.error(error); process.exit(1); });
