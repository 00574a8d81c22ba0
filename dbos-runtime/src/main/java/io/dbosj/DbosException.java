package io.dbosj;

/** The base of every exception io.dbosj throws on its own account. */
public class DbosException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public DbosException(String message) {
    super(message);
  }

  public DbosException(String message, Throwable cause) {
    super(message, cause);
  }
}
