package io.dbosj.internal.serde;

/**
 * The names a {@code serialization} column holds, as DBOS's SDKs write them. Each names how the
 * row's payloads are written; this project writes only {@link #PORTABLE_JSON} and reads them all.
 */
public final class Serialization {
  /** DBOS's format shared across languages: plain JSON; inputs {@code {"positionalArgs": [...]}}. */
  public static final String PORTABLE_JSON = "portable_json";

  /** What this project wrote before it wrote {@code portable_json}: plain JSON, inputs an array. */
  public static final String LEGACY_JSON = "json";

  /** DBOS Java's default: Jackson with its type ids ({@code @class}, {@code ["type", value]}). */
  public static final String JAVA_JACKSON = "java_jackson";

  /** DBOS TypeScript's default: {@code {"json": ..., "meta": ..., "__dbos_serializer": "superjson"}}. */
  public static final String JS_SUPERJSON = "js_superjson";

  private Serialization() {}
}
