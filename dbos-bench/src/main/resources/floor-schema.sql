-- W6's floor: the DBOS system tables on PostgreSQL, created by plain JDBC in one transaction.
-- Written here by hand (not taken from io.dbosj) so the floor shares no code with what it measures.
CREATE SCHEMA dbos;
CREATE TABLE dbos.dbos_migrations (version BIGINT PRIMARY KEY);
CREATE TABLE dbos.workflow_status (
  workflow_uuid TEXT PRIMARY KEY, status TEXT, name TEXT, authenticated_user TEXT, assumed_role TEXT,
  authenticated_roles TEXT, request TEXT, output TEXT, error TEXT, executor_id TEXT,
  created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL, application_version TEXT, application_id TEXT,
  class_name VARCHAR(255), config_name VARCHAR(255), recovery_attempts BIGINT NOT NULL DEFAULT 0,
  queue_name TEXT, workflow_timeout_ms BIGINT, workflow_deadline_epoch_ms BIGINT, inputs TEXT,
  started_at_epoch_ms BIGINT, deduplication_id TEXT, priority INT NOT NULL DEFAULT 0,
  queue_partition_key TEXT, forked_from TEXT, parent_workflow_id TEXT, serialization TEXT,
  UNIQUE (queue_name, deduplication_id));
CREATE INDEX ON dbos.workflow_status (created_at);
CREATE INDEX ON dbos.workflow_status (executor_id);
CREATE INDEX ON dbos.workflow_status (status);
CREATE TABLE dbos.operation_outputs (
  workflow_uuid TEXT NOT NULL REFERENCES dbos.workflow_status ON DELETE CASCADE ON UPDATE CASCADE,
  function_id INT NOT NULL, function_name TEXT NOT NULL DEFAULT '', output TEXT, error TEXT,
  child_workflow_id TEXT, started_at_epoch_ms BIGINT, completed_at_epoch_ms BIGINT, serialization TEXT,
  PRIMARY KEY (workflow_uuid, function_id));
CREATE TABLE dbos.notifications (
  destination_uuid TEXT NOT NULL REFERENCES dbos.workflow_status ON DELETE CASCADE ON UPDATE CASCADE,
  topic TEXT, message TEXT NOT NULL, created_at_epoch_ms BIGINT NOT NULL, message_uuid TEXT PRIMARY KEY,
  serialization TEXT);
CREATE INDEX ON dbos.notifications (destination_uuid, topic);
CREATE TABLE dbos.workflow_events (
  workflow_uuid TEXT NOT NULL REFERENCES dbos.workflow_status ON DELETE CASCADE ON UPDATE CASCADE,
  key TEXT NOT NULL, value TEXT NOT NULL, serialization TEXT, PRIMARY KEY (workflow_uuid, key));
CREATE TABLE dbos.streams (
  workflow_uuid TEXT NOT NULL REFERENCES dbos.workflow_status ON DELETE CASCADE ON UPDATE CASCADE,
  key TEXT NOT NULL, value TEXT NOT NULL, "offset" INT NOT NULL, function_id INT NOT NULL DEFAULT 0,
  serialization TEXT, PRIMARY KEY (workflow_uuid, key, "offset"));
CREATE TABLE dbos.transaction_outputs (
  workflow_uuid TEXT NOT NULL, function_id INT NOT NULL, output TEXT, error TEXT, txn_id TEXT,
  txn_snapshot TEXT, executor_id TEXT, function_name TEXT NOT NULL DEFAULT '', created_at BIGINT NOT NULL,
  PRIMARY KEY (workflow_uuid, function_id));
INSERT INTO dbos.dbos_migrations (version) VALUES (1);
