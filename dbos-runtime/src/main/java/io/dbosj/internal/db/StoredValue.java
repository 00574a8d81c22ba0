package io.dbosj.internal.db;

/** A value as a row holds it: its JSON text and the format its {@code serialization} column names. */
public record StoredValue(String json, String serialization) {}
