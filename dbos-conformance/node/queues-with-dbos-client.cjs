// DBOS Transact TypeScript's DBOSClient on the queues of an io.dbosj app, as a DBOS user would:
//   node queues-with-dbos-client.cjs <system database URL> <application name> <workflow class name>
// Lists the app's queues from dbos.queues, registers queue ts-made for it, enqueues workflow
// ts-delayed (order("fig")) on the partitioned queue tenants, delayed an hour, moves the delay to
// now and waits for its result, and debounces order twice under key doc-1 on queue digest.
// Prints one JSON object: {"listed", "delayedResult", "debounced": [workflow IDs]}.
const { DBOSClient, DebouncerClient } = require('@dbos-inc/dbos-sdk');

// registerQueue logs what it registered; this script's standard output is its JSON alone
const print = (text) => process.stdout.write(text + '\n');
console.log = (...args) => console.error(...args);
console.info = (...args) => console.error(...args);

async function main() {
  const [systemDatabaseUrl, applicationName, workflowClassName] = process.argv.slice(2);
  const client = await DBOSClient.create({ systemDatabaseUrl });
  try {
    const listed = (await client.listQueues(applicationName)).map((q) => ({
      name: q.name,
      concurrency: q.concurrency ?? null,
      workerConcurrency: q.workerConcurrency ?? null,
      partitionConcurrency: q.partitionConcurrency ?? null,
      rateLimit: q.rateLimit ?? null,
    }));
    await client.registerQueue('ts-made', {
      globalConcurrency: 3,
      partitionConcurrency: 2,
      rateLimit: { limitPerPeriod: 5, periodSec: 2 },
      applicationName,
    });

    const delayed = await client.enqueue(
      {
        workflowID: 'ts-delayed',
        workflowName: 'order',
        workflowClassName,
        queueName: 'tenants',
        queuePartitionKey: 'acme',
        delaySeconds: 3600,
        serializationType: 'portable',
      },
      'fig');
    const status = await client.getWorkflow('ts-delayed');
    await client.setWorkflowDelay('ts-delayed', { delayUntilEpochMS: Date.now() });
    const delayedResult = await delayed.getResult();

    const debouncer = new DebouncerClient(client, {
      workflowName: 'order',
      workflowClassName,
      startWorkflowParams: { queueName: 'digest' },
      serializationType: 'portable',
    });
    const first = await debouncer.debounce('doc-1', 60000, 'first');
    const second = await debouncer.debounce('doc-1', 60000, 'second');

    print(JSON.stringify({
      listed,
      statusBeforeMove: status.status,
      delayedResult,
      debounced: [first.workflowID, second.workflowID],
    }));
  } finally {
    await client.destroy();
  }
}

main().then(() => process.exit(0), (error) => { console.error(error); process.exit(1); });
