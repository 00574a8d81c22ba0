-- io.dbosj's system schema version 1 with two workflows, written by main at c7f857f (CaptureV1: v1-done finished, v1-pending stopped by a halt after its first step) and dumped with pg_dump --inserts --no-owner -n dbos; executor rows left out
SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;
SET xmloption = content;
SET client_min_messages = warning;
SET row_security = off;
CREATE SCHEMA dbos;
SET default_tablespace = '';
SET default_table_access_method = heap;
CREATE TABLE dbos.dbos_migrations (
    version bigint NOT NULL
);
CREATE TABLE dbos.dbosj_executors (
    executor_id text NOT NULL,
    instance_id text NOT NULL,
    host text,
    pid bigint,
    application_version text,
    started_at bigint NOT NULL,
    heartbeat_at bigint NOT NULL,
    stopped_at bigint,
    taken_over_by text,
    taken_over_at bigint
);
CREATE TABLE dbos.notifications (
    destination_uuid text NOT NULL,
    topic text,
    message text NOT NULL,
    created_at_epoch_ms bigint NOT NULL,
    message_uuid text NOT NULL,
    serialization text
);
CREATE TABLE dbos.operation_outputs (
    workflow_uuid text NOT NULL,
    function_id integer NOT NULL,
    function_name text DEFAULT ''::text NOT NULL,
    output text,
    error text,
    child_workflow_id text,
    started_at_epoch_ms bigint,
    completed_at_epoch_ms bigint,
    serialization text
);
CREATE TABLE dbos.streams (
    workflow_uuid text NOT NULL,
    key text NOT NULL,
    value text NOT NULL,
    "offset" integer NOT NULL,
    function_id integer DEFAULT 0 NOT NULL,
    serialization text
);
CREATE TABLE dbos.transaction_outputs (
    workflow_uuid text NOT NULL,
    function_id integer NOT NULL,
    output text,
    error text,
    txn_id text,
    txn_snapshot text,
    executor_id text,
    function_name text DEFAULT ''::text NOT NULL,
    created_at bigint NOT NULL
);
CREATE TABLE dbos.workflow_events (
    workflow_uuid text NOT NULL,
    key text NOT NULL,
    value text NOT NULL,
    serialization text
);
CREATE TABLE dbos.workflow_status (
    workflow_uuid text NOT NULL,
    status text,
    name text,
    authenticated_user text,
    assumed_role text,
    authenticated_roles text,
    request text,
    output text,
    error text,
    executor_id text,
    created_at bigint NOT NULL,
    updated_at bigint NOT NULL,
    application_version text,
    application_id text,
    class_name character varying(255),
    config_name character varying(255),
    recovery_attempts bigint DEFAULT 0 NOT NULL,
    queue_name text,
    workflow_timeout_ms bigint,
    workflow_deadline_epoch_ms bigint,
    inputs text,
    started_at_epoch_ms bigint,
    deduplication_id text,
    priority integer DEFAULT 0 NOT NULL,
    queue_partition_key text,
    forked_from text,
    parent_workflow_id text,
    serialization text
);
INSERT INTO dbos.dbos_migrations VALUES (1);
INSERT INTO dbos.operation_outputs VALUES ('v1-done', 0, 'reserve', '"reserved-kiwi"', NULL, NULL, 1796178705413, 1796178705414, 'json');
INSERT INTO dbos.operation_outputs VALUES ('v1-done', 1, 'charge', '3', NULL, NULL, 1796178705428, 1796178705428, 'json');
INSERT INTO dbos.operation_outputs VALUES ('v1-done', 2, 'ship', NULL, NULL, NULL, 1796178705433, 1796178705433, 'json');
INSERT INTO dbos.operation_outputs VALUES ('v1-pending', 0, 'reserve', '"reserved-fig"', NULL, NULL, 1796178705451, 1796178705452, 'json');
INSERT INTO dbos.workflow_status VALUES ('v1-done', 'SUCCESS', 'placeOrder', NULL, NULL, NULL, NULL, '"reserved-kiwi/3/v1-done"', NULL, 'v1-executor', 1796178705384, 1796178705435, 'eb9f31614c2d3362e8230eda9be8ca00', NULL, 'io.dbosj.tests.fixtures.Orders', '', 1, NULL, NULL, NULL, '["kiwi",3]', 1796178705384, NULL, 0, NULL, NULL, NULL, 'json');
INSERT INTO dbos.workflow_status VALUES ('v1-pending', 'PENDING', 'gatedOrder', NULL, NULL, NULL, NULL, NULL, NULL, 'v1-executor', 1796178705448, 1796178705448, 'eb9f31614c2d3362e8230eda9be8ca00', NULL, 'io.dbosj.tests.fixtures.Orders', '', 1, NULL, NULL, NULL, '["fig"]', 1796178705448, NULL, 0, NULL, NULL, NULL, 'json');
ALTER TABLE ONLY dbos.dbos_migrations
    ADD CONSTRAINT dbos_migrations_pkey PRIMARY KEY (version);
ALTER TABLE ONLY dbos.dbosj_executors
    ADD CONSTRAINT dbosj_executors_pkey PRIMARY KEY (executor_id);
ALTER TABLE ONLY dbos.notifications
    ADD CONSTRAINT notifications_pkey PRIMARY KEY (message_uuid);
ALTER TABLE ONLY dbos.operation_outputs
    ADD CONSTRAINT operation_outputs_pkey PRIMARY KEY (workflow_uuid, function_id);
ALTER TABLE ONLY dbos.streams
    ADD CONSTRAINT streams_pkey PRIMARY KEY (workflow_uuid, key, "offset");
ALTER TABLE ONLY dbos.transaction_outputs
    ADD CONSTRAINT transaction_outputs_pkey PRIMARY KEY (workflow_uuid, function_id);
ALTER TABLE ONLY dbos.workflow_status
    ADD CONSTRAINT uq_workflow_status_queue_name_dedup_id UNIQUE (queue_name, deduplication_id);
ALTER TABLE ONLY dbos.workflow_events
    ADD CONSTRAINT workflow_events_pkey PRIMARY KEY (workflow_uuid, key);
ALTER TABLE ONLY dbos.workflow_status
    ADD CONSTRAINT workflow_status_pkey PRIMARY KEY (workflow_uuid);
CREATE INDEX idx_workflow_topic ON dbos.notifications USING btree (destination_uuid, topic);
CREATE INDEX workflow_status_created_at_index ON dbos.workflow_status USING btree (created_at);
CREATE INDEX workflow_status_executor_id_index ON dbos.workflow_status USING btree (executor_id);
CREATE INDEX workflow_status_status_index ON dbos.workflow_status USING btree (status);
ALTER TABLE ONLY dbos.notifications
    ADD CONSTRAINT notifications_destination_uuid_fkey FOREIGN KEY (destination_uuid) REFERENCES dbos.workflow_status(workflow_uuid) ON UPDATE CASCADE ON DELETE CASCADE;
ALTER TABLE ONLY dbos.operation_outputs
    ADD CONSTRAINT operation_outputs_workflow_uuid_fkey FOREIGN KEY (workflow_uuid) REFERENCES dbos.workflow_status(workflow_uuid) ON UPDATE CASCADE ON DELETE CASCADE;
ALTER TABLE ONLY dbos.streams
    ADD CONSTRAINT streams_workflow_uuid_fkey FOREIGN KEY (workflow_uuid) REFERENCES dbos.workflow_status(workflow_uuid) ON UPDATE CASCADE ON DELETE CASCADE;
ALTER TABLE ONLY dbos.workflow_events
    ADD CONSTRAINT workflow_events_workflow_uuid_fkey FOREIGN KEY (workflow_uuid) REFERENCES dbos.workflow_status(workflow_uuid) ON UPDATE CASCADE ON DELETE CASCADE;
