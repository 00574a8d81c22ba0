package com.example;

/** A current exception whose message constructor is deprecated. */
public class LedgerException extends Exception {
  private static final long serialVersionUID = 1L;

  public LedgerException(String account, int code) {
    super(account + code);
  }

  /** @deprecated give a code */
  @Deprecated
  public LedgerException(String message) {
    super(message);
  }
}
