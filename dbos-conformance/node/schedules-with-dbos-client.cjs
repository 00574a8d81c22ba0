// DBOS Transact TypeScript's DBOSClient steering the schedules in dbos.workflow_schedules:
//   node schedules-with-dbos-client.cjs <system database URL> '<JSON plan>'
// The plan is {"create": {scheduleName, workflowName, workflowClassName, schedule, context},
// "read": "<name>", "pause": "<name>", "trigger": "<name>", "backfill": {name, start, end}}.
// Creates the schedule, reads them, pauses one, triggers one and backfills one (start and end as
// ISO instants), waits for the runs those enqueued, then prints one JSON object: "listed" (every
// schedule, as the client reads it), "read" (that one), "triggered" (the run's workflow ID) and
// "backfilled" (the runs' workflow IDs, in order). The client enqueues the runs for the latest
// version in dbos.application_versions of the application that owns the schedule.
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
    const trigger = await client.triggerSchedule(plan.trigger);
    await trigger.getResult();
    const backfill = await client.backfillSchedule(
      plan.backfill.name, new Date(plan.backfill.start), new Date(plan.backfill.end));
    for (const handle of backfill) {
      await handle.getResult();
    }
    console.log(JSON.stringify({
      listed, read, triggered: trigger.workflowID, backfilled: backfill.map((handle) => handle.workflowID),
    }));
  } finally {
    await client.destroy();
  }
}

main().then(() => process.exit(0), (error) => { console.error(error); process.exit(1); });
