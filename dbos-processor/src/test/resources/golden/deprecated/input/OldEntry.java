package com.example;

/** @deprecated kept for old callers */
@Deprecated
public class OldEntry {}
