package io.dbosj.conformance;

/** A record as a workflow's result and argument: in DBOS's portable format, a plain JSON object. */
public record Receipt(String sku, int quantity) {}
