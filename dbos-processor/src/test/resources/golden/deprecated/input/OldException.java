package com.example;

/** @deprecated kept for old callers */
@Deprecated
public class OldException extends Exception {
  private static final long serialVersionUID = 1L;

  public OldException(String message) {
    super(message);
  }
}
