package io.dbosj.processor;

import java.util.Set;

/**
 * The names of the members every generated class declares besides the overrides, which a user's
 * class must therefore not use: a subclass cannot declare them without clashing.
 */
final class GeneratedMembers {
  static final String START = "start";
  static final String ENQUEUE = "enqueue";
  static final String STARTER = "Starter";

  static final Set<String> METHODS = Set.of(START, ENQUEUE);
  static final Set<String> TYPES = Set.of(STARTER);

  private GeneratedMembers() {}
}
