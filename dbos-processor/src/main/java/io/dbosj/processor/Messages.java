package io.dbosj.processor;

import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeMirror;

/**
 * Every message the processor reports, in one place. Each says what is wrong and how to fix it,
 * and starts with a stable tag ({@code [dbos.final-method]}) that tests, docs and searches can
 * rely on.
 */
final class Messages {
  private Messages() {}

  static String finalMethod(String annotation) {
    return "[dbos.final-method] @" + annotation + " methods cannot be final: the generated"
        + " subclass overrides them to record their results. Remove 'final'.";
  }

  static String privateMethod(String annotation) {
    return "[dbos.private-method] @" + annotation + " methods cannot be private: the generated"
        + " subclass overrides them. Make the method public, protected or package-private.";
  }

  static String staticMethod(String annotation) {
    return "[dbos.static-method] @" + annotation + " methods cannot be static: the generated"
        + " subclass overrides instance methods only. Remove 'static' and call the method on a"
        + " durable instance.";
  }

  static String abstractMethod(String annotation) {
    return "[dbos.abstract-method] @" + annotation + " methods need a body to run: give the method"
        + " an implementation in this class.";
  }

  static String genericMethod(String annotation) {
    return "[dbos.generic-method] @" + annotation + " methods cannot declare type parameters: their"
        + " arguments and results are recorded and read back as their exact declared types."
        + " Replace the type variable with a concrete type.";
  }

  static String stepAndWorkflow() {
    return "[dbos.step-and-workflow] a method is one of @Workflow, @Step and @Transaction, not"
        + " several. Keep @Workflow to record its steps, @Step to record its result as one step,"
        + " or @Transaction to run it in one database transaction with its record.";
  }

  static String notAClass(String kind) {
    return "[dbos.not-a-class] durable methods belong in a class, and this is "
        + kind
        + ". Move the annotated method to a (non-final) class.";
  }

  static String finalClass(String name) {
    return "[dbos.final-class] " + name + " has durable methods but is final, so "
        + name + "Durable cannot extend it. Remove 'final'.";
  }

  static String abstractClass(String name) {
    return "[dbos.abstract-class] " + name + " has durable methods but is abstract, so "
        + name + "Durable could not be instantiated. Make the class concrete, or put the durable"
        + " methods in a concrete subclass.";
  }

  static String innerClass(String name) {
    return "[dbos.inner-class] " + name + " is an inner (non-static) class, so its generated"
        + " subclass would need an enclosing instance. Declare it 'static'.";
  }

  static String privateClass(String name) {
    return "[dbos.private-class] " + name + " is private (or nested in a private class), so the"
        + " generated subclass cannot extend it. Make it package-private or wider.";
  }

  static String genericClass(String name) {
    return "[dbos.generic-class] " + name + " declares type parameters, but recorded arguments and"
        + " results must have exact types. Extend it with a non-generic class and annotate there.";
  }

  static String noConstructor(String name) {
    return "[dbos.no-constructor] every constructor of " + name + " is private, so "
        + name + "Durable cannot call one. Add a constructor that is at least package-private.";
  }

  static String duplicateName(String durableName, String other) {
    return "[dbos.duplicate-name] the durable name '" + durableName + "' is already used by "
        + other + "; recovery finds methods by this name, so each must be unique in its class."
        + " Set a distinct one, e.g. @Workflow(name = \"" + durableName + "2\").";
  }

  static String maxRecoveryAttempts(int attempts) {
    return "[dbos.max-recovery-attempts] @Workflow(maxRecoveryAttempts = " + attempts + ") must be"
        + " at least 1: it counts the starts recovery may make. Leave it out for the default, 100.";
  }

  static String maxAttempts(int attempts) {
    return "[dbos.max-attempts] @Step(maxAttempts = " + attempts + ") must be at least 1"
        + " (1 means no retries).";
  }

  static String interval(double seconds) {
    return "[dbos.interval] @Step(intervalSeconds = " + seconds + ") must be 0 or more: it is the"
        + " wait before the first retry.";
  }

  static String backoffRate(double rate) {
    return "[dbos.backoff-rate] @Step(backoffRate = " + rate + ") must be at least 1: each retry"
        + " waits this many times longer than the last.";
  }

  static String stepTimeout(double seconds) {
    return "[dbos.step-timeout] @Step(timeoutSeconds = " + seconds + ") must be 0 (no timeout) or a"
        + " finite number of seconds: how long one attempt may run before it is interrupted.";
  }

  static String retryWithoutAttempts(String option) {
    return "[dbos.retry-without-attempts] @Step(" + option + ") chooses which exceptions are"
        + " retried, but maxAttempts is 1, so none ever is. Allow retries, e.g. @Step(maxAttempts"
        + " = 3, " + option + " = ...), or remove " + option + ".";
  }

  static String retriedError(String option, TypeMirror type) {
    return "[dbos.retry-on-error] " + type + " is an Error, and a step never retries an Error, so"
        + " listing it in " + option + " changes nothing. Remove it"
        + (option.equals("retryOn") ? "; retryOn lists exceptions to retry." : ".");
  }

  static String neverThrown(String option, TypeMirror type, String method) {
    return "[dbos.never-thrown] " + type + " is a checked exception that " + method + "() does not"
        + " declare, so it is never thrown there and " + option + " = " + type + ".class never"
        + " applies. Declare it (throws " + type + "), or remove it from " + option + ".";
  }

  static String retryOnAndNoRetryFor(TypeMirror type) {
    return "[dbos.retry-on-and-no-retry-for] " + type + " is in both retryOn and noRetryFor. Keep"
        + " it in one: retryOn to retry it, noRetryFor to record it at once.";
  }

  static String noRetryForOutsideRetryOn(TypeMirror type, String retryOn) {
    return "[dbos.no-retry-for-outside-retry-on] noRetryFor exempts some of the exceptions retryOn"
        + " retries, so each of its classes must be a subclass of a retryOn class (" + retryOn
        + "). " + type + " is not: it would either never apply, or exempt a whole retryOn class."
        + " Remove it, list a narrower class, or remove the class it covers from retryOn.";
  }

  static String privateRetryClass(String option, TypeMirror type) {
    return "[dbos.private-retry-class] " + type + " is private (or nested in a private class), so"
        + " the generated subclass cannot name it in " + option + ". Make it package-private or"
        + " wider.";
  }

  static String maxCatchUp(int ticks) {
    return "[dbos.max-catch-up] @Scheduled(maxCatchUp = " + ticks + ") must be 0 or more: it counts"
        + " the missed ticks run after a pause, 0 for none.";
  }

  static String reservedMethodName(
      String name, String generated, Element member, boolean inherited) {
    return "[dbos.reserved-method-name] " + generated + " declares start(StartOptions) and"
        + " enqueue(Queue), which return starters for its workflows, so " + name + " cannot have"
        + " a method named '" + member.getSimpleName() + "'"
        + (inherited
            ? " and inherits one from " + member.getEnclosingElement() + ". Rename it there, or"
                + " move the durable methods to a class that does not inherit it."
            : ". Rename the method; a durable method keeps its recorded name with e.g."
                + " @Workflow(name = \"" + member.getSimpleName() + "\").");
  }

  static String reservedTypeName(
      String name, String generated, Element member, boolean inherited) {
    return "[dbos.reserved-type-name] " + generated + " declares the nested class "
        + member.getSimpleName() + " that start(...) and enqueue(...) return, so " + name
        + " cannot have a member type of that name"
        + (inherited
            ? " and inherits one from " + member.getEnclosingElement() + ". Rename it there."
            : ". Rename the nested type, or move it out of the class.");
  }

  private static final String CRON_EXAMPLE =
      " For example @Scheduled(\"*/5 * * * * *\") runs every five seconds, and"
          + " @Scheduled(\"0 9 * * MON-FRI\") at 09:00 on weekdays.";

  static String scheduledNotWorkflow() {
    return "[dbos.scheduled-not-workflow] @Scheduled runs a workflow: add @Workflow to this method"
        + " (and remove @Step if present).";
  }

  static String missingCron() {
    return "[dbos.scheduled-cron] @Scheduled needs a cron expression, as value or as cron."
        + CRON_EXAMPLE;
  }

  static String cronTwice() {
    return "[dbos.cron-twice] value and cron are aliases: give the cron expression once, as one"
        + " of them, not both." + CRON_EXAMPLE;
  }

  static String badCron(String expression, String problem) {
    return "[dbos.bad-cron] the cron expression \"" + expression + "\" does not parse: " + problem
        + ". Write 5 fields (minute hour day-of-month month day-of-week) or 6 with seconds first."
        + CRON_EXAMPLE;
  }

  static String badZone(String zone) {
    return "[dbos.bad-zone] \"" + zone + "\" is not a time zone: use a java.time.ZoneId such as"
        + " \"UTC\" or \"Europe/Paris\".";
  }

  static String scheduledParameters() {
    return "[dbos.scheduled-parameters] a @Scheduled workflow takes exactly (Instant scheduledTime,"
        + " Instant actualTime), both java.time.Instant: the tick it runs for, and when it started."
        + " For example: public void report(Instant scheduledTime, Instant actualTime).";
  }

  /**
   * A recorded type Jackson cannot read back. {@code what} names the value ("parameter 'order' of
   * workflow checkout()"); the offending type may be nested in {@code declared}.
   */
  static String unreadableType(String what, TypeMirror declared, RecordedTypes.Unreadable found) {
    String name = found.type().getSimpleName().toString();
    String where = declared.toString().equals(found.type().getQualifiedName().toString())
        ? ""
        : " (in " + declared + ")";
    String intro = " " + what + " is recorded as JSON and read back after a crash, but Jackson"
        + " cannot read " + name + where + ": ";
    return switch (found.reason()) {
      case NO_CREATOR -> "[dbos.no-creator]" + intro + "it has no constructor Jackson can call"
          + " (no no-arg constructor, no @JsonCreator, and not exactly one public constructor)."
          + " Make " + name + " a record, give it a no-arg constructor (any visibility) with"
          + " setters or non-final fields, or annotate one constructor or static factory"
          + " with @JsonCreator.";
      case ABSTRACT -> "[dbos.abstract-type]" + intro + "it is "
          + (found.type().getKind().isInterface() ? "an interface" : "abstract")
          + " and nothing tells Jackson which class to create. Declare a concrete type"
          + " (a record, say), or annotate " + name + " with @JsonTypeInfo(use ="
          + " JsonTypeInfo.Id.NAME) and @JsonSubTypes listing its implementations.";
      case INNER_CLASS -> "[dbos.inner-value-class]" + intro + "it is an inner (non-static)"
          + " class, which Jackson cannot create without an enclosing instance. Declare it"
          + " 'static', or make it a record.";
    };
  }

  static String durableWithoutMethods(String generated, TypeElement type) {
    return "[dbos.no-durable-class] " + generated + " does not exist: io.dbosj's processor writes it"
        + " only for a class with @Workflow, @Step or @Transaction methods, and "
        + type.getQualifiedName() + " has none. Annotate its durable methods (with"
        + " io.dbosj.annotation.Workflow, Step or Transaction), or use " + type.getSimpleName()
        + " itself.";
  }

  static String durableRefused(String generated, TypeElement type) {
    return "[dbos.no-durable-class] " + generated + " was not generated because of the errors"
        + " reported on " + type.getQualifiedName() + ": fix those, and it will be.";
  }

  static String durableNestedName(String written, TypeElement type, String generated) {
    return "[dbos.durable-name] there is no " + written + ": the class generated for "
        + nestedName(type) + " is " + generated + " (a nested class's generated name joins the"
        + " names of its enclosing classes with '_'). Write " + generated + ".";
  }

  private static String nestedName(TypeElement type) {
    StringBuilder name = new StringBuilder(type.getSimpleName());
    for (Element outer = type.getEnclosingElement();
        outer.getKind().isClass() || outer.getKind().isInterface();
        outer = outer.getEnclosingElement()) {
      name.insert(0, outer.getSimpleName() + ".");
    }
    return name.toString();
  }

  static String unresolvedType(String name) {
    return "[dbos.unresolved-type] a type in the durable methods or constructors of " + name
        + " could not be resolved, so its Durable subclass was not generated. Fix the other"
        + " compilation errors first.";
  }

  static String unexpected(String name, Throwable e) {
    return "[dbos.processor-failure] io.dbosj's processor failed on " + name + ": " + e
        + ". This is a bug in io.dbosj; please report it with this class.";
  }
}
