package io.dbosj.conformance.support;

/** A tool the conformance tests run (node, npm) is missing or too old on this machine. */
final class ToolMissingException extends Exception {
  private static final long serialVersionUID = 1L;

  ToolMissingException(String message) {
    super(message);
  }
}
