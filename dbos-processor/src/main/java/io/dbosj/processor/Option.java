package io.dbosj.processor;

/**
 * One option of an annotation: its value, whether that is the annotation's default, and where to
 * report a problem with it (on the value as written, or on the element when it was left out).
 */
record Option<T>(T value, boolean isDefault, Where where) {}
