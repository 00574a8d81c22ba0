package io.dbosj.internal.admin;

/** A request that names something wrongly: answered 400 with the message, which says how to fix it. */
final class BadRequest extends RuntimeException {
  private static final long serialVersionUID = 1L;

  BadRequest(String message) {
    super(message, null, false, false);
  }
}
