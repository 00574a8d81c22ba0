package io.dbosj.internal.admin;

import java.nio.charset.StandardCharsets;

/**
 * What the admin server sends back: a status and a body. As DBOS's admin servers do, results are
 * JSON and errors are plain text.
 */
record AdminReply(int status, String contentType, byte[] body, String allow) {

  static AdminReply json(byte[] body) {
    return new AdminReply(200, "application/json", body, null);
  }

  static AdminReply text(int status, String message) {
    return new AdminReply(status, "text/plain", message.getBytes(StandardCharsets.UTF_8), null);
  }

  static AdminReply noContent() {
    return new AdminReply(204, null, new byte[0], null);
  }

  static AdminReply methodNotAllowed(String method, String allowed) {
    AdminReply text = text(405, method + " is not allowed here; use " + allowed);
    return new AdminReply(405, text.contentType(), text.body(), allowed);
  }

  /** DBOS's answer to a request for an ID that is not recorded. */
  static AdminReply workflowNotFound() {
    return text(404, "Workflow not found");
  }
}
