package io.dbosj.internal.db;

import java.util.List;

/**
 * The SQL functions and the trigger of DBOS Transact TS 5.3's system schema, on PostgreSQL:
 * {@code enqueue_workflow} and {@code send_message}, which let any SQL client enqueue a workflow
 * or send a message in DBOS's portable format, and the trigger that wakes a waiting {@code recv}.
 * Their signatures, effects and errors are DBOS's, so DBOS's clients calling them get what they
 * expect; plpgsql, which jOOQ does not build, hence text.
 */
final class DbosFunctions {
  private DbosFunctions() {}

  static List<String> statements(String schema) {
    String s = "\"" + schema + "\"";
    return List.of(
        "create or replace function " + s + ".enqueue_workflow("
            + "workflow_name text, queue_name text, positional_args json[] default array[]::json[],"
            + " named_args json default '{}'::json, class_name text default null, config_name text default null,"
            + " workflow_id text default null, app_version text default null, timeout_ms bigint default null,"
            + " deadline_epoch_ms bigint default null, deduplication_id text default null,"
            + " priority integer default null, queue_partition_key text default null,"
            + " authenticated_user text default null, authenticated_roles text default null,"
            + " delay_until_epoch_ms bigint default null, application_name text default null)"
            + " returns text language plpgsql set search_path to 'pg_catalog', 'pg_temp' as $fn$\n"
            + "declare\n"
            + "  v_id text := coalesce(workflow_id, gen_random_uuid()::text);\n"
            + "  v_now bigint := extract(epoch from now()) * 1000;\n"
            + "begin\n"
            + "  if workflow_name is null or workflow_name = '' then\n"
            + "    raise exception 'Workflow name cannot be null or empty';\n"
            + "  end if;\n"
            + "  if queue_name is null or queue_name = '' then\n"
            + "    raise exception 'Queue name cannot be null or empty';\n"
            + "  end if;\n"
            + "  if named_args is not null and jsonb_typeof(named_args::jsonb) != 'object' then\n"
            + "    raise exception 'Named args must be a JSON object';\n"
            + "  end if;\n"
            + "  if workflow_id is not null and workflow_id = '' then\n"
            + "    raise exception 'Workflow ID cannot be an empty string if provided.';\n"
            + "  end if;\n"
            + "  if delay_until_epoch_ms is not null and delay_until_epoch_ms < 0 then\n"
            + "    raise exception 'delay_until_epoch_ms must be >= 0';\n"
            + "  end if;\n"
            + "  insert into " + s + ".workflow_status (workflow_uuid, status, name, class_name, config_name,"
            + " queue_name, deduplication_id, priority, queue_partition_key, application_version, created_at,"
            + " updated_at, recovery_attempts, workflow_timeout_ms, workflow_deadline_epoch_ms, parent_workflow_id,"
            + " owner_xid, serialization, authenticated_user, authenticated_roles, delay_until_epoch_ms,"
            + " application_name)\n"
            + "  values (v_id, case when delay_until_epoch_ms is null then 'ENQUEUED' else 'DELAYED' end,"
            + " workflow_name, class_name, config_name, queue_name, deduplication_id, coalesce(priority, 0),"
            + " queue_partition_key, app_version, v_now, v_now, 0, timeout_ms, deadline_epoch_ms, null,"
            + " gen_random_uuid()::text, 'portable_json', authenticated_user, authenticated_roles,"
            + " delay_until_epoch_ms, application_name)\n"
            + "  on conflict (workflow_uuid) do update set updated_at = excluded.updated_at;\n"
            + "  insert into " + s + ".workflow_input (workflow_uuid, inputs, retention_timestamp)\n"
            + "  values (v_id, json_build_object('positionalArgs', positional_args, 'namedArgs', named_args)::text,"
            + " v_now)\n"
            + "  on conflict (workflow_uuid) do nothing;\n"
            + "  return v_id;\n"
            + "exception when unique_violation then\n"
            + "  raise exception 'DBOS queue duplicated' using errcode = 'unique_violation', detail = format("
            + "'Workflow %s with queue %s and deduplication ID %s already exists', v_id, queue_name, deduplication_id);\n"
            + "end;\n"
            + "$fn$",
        "create or replace function " + s + ".send_message(destination_id text, message json,"
            + " topic text default null, message_id text default null)"
            + " returns void language plpgsql set search_path to 'pg_catalog', 'pg_temp' as $fn$\n"
            + "begin\n"
            + "  insert into " + s + ".notifications (destination_uuid, topic, message, message_uuid, serialization)\n"
            + "  values (destination_id, coalesce(topic, '__null__topic__'), message,"
            + " coalesce(message_id, gen_random_uuid()::text), 'portable_json')\n"
            + "  on conflict (message_uuid) do nothing;\n"
            + "exception when foreign_key_violation then\n"
            + "  raise exception 'DBOS non-existent workflow' using errcode = 'foreign_key_violation',"
            + " detail = format('Destination workflow %s does not exist', destination_id);\n"
            + "end;\n"
            + "$fn$",
        "create or replace function " + s + ".notifications_function()"
            + " returns trigger language plpgsql set search_path to 'pg_catalog', 'pg_temp' as $fn$\n"
            + "begin\n"
            + "  perform pg_notify('dbos_notifications_channel', new.destination_uuid || '::' || new.topic);\n"
            + "  return new;\n"
            + "end;\n"
            + "$fn$",
        "drop trigger if exists dbos_notifications_trigger on " + s + ".notifications",
        "create trigger dbos_notifications_trigger after insert on " + s + ".notifications"
            + " for each row execute function " + s + ".notifications_function()");
  }
}
