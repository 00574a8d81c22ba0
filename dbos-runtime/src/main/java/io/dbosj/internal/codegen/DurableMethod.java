package io.dbosj.internal.codegen;

import io.dbosj.annotation.Isolation;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What the processor knows about one {@code @Workflow}, {@code @Step} or {@code @Transaction}
 * method: its durable name, the exact types of its parameters and result, and the options from its
 * annotation. Generated classes hold one as a constant per durable method, setting only the
 * options that differ from the annotation's defaults:
 *
 * <pre>{@code
 * private static final DurableMethod<Receipt> CHECKOUT =
 *     DurableMethod.workflow("checkout", TypeToken.of(Receipt.class))
 *         .param("order", TypeToken.of(Order.class))
 *         .maxRecoveryAttempts(5)
 *         .rebuilds(PaymentException.class, PaymentException::new);
 * private static final DurableMethod<Price> QUOTE =
 *     DurableMethod.step("quote", TypeToken.of(Price.class))
 *         .maxAttempts(3)
 *         .intervalSeconds(0.5)
 *         .retryOn(IOException.class)
 *         .timeoutSeconds(10.0);
 * }</pre>
 *
 * <p>Instances are immutable; each call returns a new one. A method's options start at its
 * annotation's defaults: {@code @Workflow(maxRecoveryAttempts = 100)}, {@code @Step(maxAttempts =
 * 1, intervalSeconds = 1.0, backoffRate = 2.0, retryOn = {}, noRetryFor = {}, timeoutSeconds =
 * 0)}, {@code @Transaction(isolation = DEFAULT, readOnly = false)}, {@code @Scheduled(zone =
 * "UTC", maxCatchUp = 0)}.
 */
public final class DurableMethod<R> {
  /** What kind of durable method this is. */
  public enum Kind {
    WORKFLOW,
    STEP,
    TRANSACTION
  }

  /** A parameter's name (as declared) and exact type. */
  public record Param(String name, TypeToken<?> type) {}

  /** A {@code @Transaction}'s isolation level and whether it only reads. */
  public record TransactionOptions(Isolation isolation, boolean readOnly) {
    static final TransactionOptions DEFAULT = new TransactionOptions(Isolation.DEFAULT, false);
  }

  /** A {@code @Scheduled} workflow's cron expression, its time zone, and how far it catches up. */
  public record Schedule(String cron, String zone, int maxCatchUp) {}

  private final Kind kind;
  private final String name;
  private final TypeToken<R> returnType;
  private final List<Param> params;
  private final int maxRecoveryAttempts;
  private final RetryPolicy retryPolicy;
  private final Map<String, Function<String, ? extends Throwable>> exceptionFactories;
  private final Schedule schedule;
  private final TransactionOptions transactionOptions;

  private DurableMethod(
      Kind kind,
      String name,
      TypeToken<R> returnType,
      List<Param> params,
      int maxRecoveryAttempts,
      RetryPolicy retryPolicy,
      Map<String, Function<String, ? extends Throwable>> exceptionFactories,
      Schedule schedule,
      TransactionOptions transactionOptions) {
    this.kind = kind;
    this.name = name;
    this.returnType = returnType;
    this.params = params;
    this.maxRecoveryAttempts = maxRecoveryAttempts;
    this.retryPolicy = retryPolicy;
    this.exceptionFactories = exceptionFactories;
    this.schedule = schedule;
    this.transactionOptions = transactionOptions;
  }

  /** A workflow named {@code name} returning {@code returnType}, with no parameters yet. */
  public static <R> DurableMethod<R> workflow(String name, TypeToken<R> returnType) {
    return bare(Kind.WORKFLOW, name, returnType, 100, RetryPolicy.NONE);
  }

  /** A step named {@code name} returning {@code returnType}, with no parameters yet. */
  public static <R> DurableMethod<R> step(String name, TypeToken<R> returnType) {
    return bare(Kind.STEP, name, returnType, 0, RetryPolicy.STEP_DEFAULT);
  }

  /** A transaction named {@code name} returning {@code returnType}, with no parameters yet. */
  public static <R> DurableMethod<R> transaction(String name, TypeToken<R> returnType) {
    return bare(Kind.TRANSACTION, name, returnType, 0, RetryPolicy.NONE);
  }

  private static <R> DurableMethod<R> bare(
      Kind kind, String name, TypeToken<R> returnType, int maxRecoveryAttempts, RetryPolicy retries) {
    return new DurableMethod<>(
        kind,
        name,
        returnType,
        List.of(),
        maxRecoveryAttempts,
        retries,
        Map.of(),
        null,
        TransactionOptions.DEFAULT);
  }

  /** Adds the next parameter, in declaration order. */
  public DurableMethod<R> param(String paramName, TypeToken<?> type) {
    List<Param> more = new ArrayList<>(params);
    more.add(new Param(paramName, type));
    return new DurableMethod<>(
        kind,
        name,
        returnType,
        Collections.unmodifiableList(more),
        maxRecoveryAttempts,
        retryPolicy,
        exceptionFactories,
        schedule,
        transactionOptions);
  }

  /** For a workflow: how many recovery starts are allowed before it is given up on. */
  public DurableMethod<R> maxRecoveryAttempts(int attempts) {
    return new DurableMethod<>(
        kind,
        name,
        returnType,
        params,
        attempts,
        retryPolicy,
        exceptionFactories,
        schedule,
        transactionOptions);
  }

  /** For a step: {@code @Step(maxAttempts)}, how many times it runs before its error is final. */
  public DurableMethod<R> maxAttempts(int attempts) {
    return withRetryPolicy(retryPolicy.withMaxAttempts(attempts));
  }

  /** For a step: {@code @Step(intervalSeconds)}, the wait before the first retry. */
  public DurableMethod<R> intervalSeconds(double seconds) {
    return withRetryPolicy(retryPolicy.withIntervalSeconds(seconds));
  }

  /** For a step: {@code @Step(backoffRate)}, how much longer each retry waits than the last. */
  public DurableMethod<R> backoffRate(double rate) {
    return withRetryPolicy(retryPolicy.withBackoffRate(rate));
  }

  /**
   * For a step: {@code @Step(retryOn)}, the exceptions retried (instances of any of them); every
   * exception when never called.
   */
  public DurableMethod<R> retryOn(Class<?>... types) {
    return withRetryPolicy(retryPolicy.withRetryOn(throwables(types)));
  }

  /** For a step: {@code @Step(noRetryFor)}, the exceptions recorded at once, never retried. */
  public DurableMethod<R> noRetryFor(Class<?>... types) {
    return withRetryPolicy(retryPolicy.withNoRetryFor(throwables(types)));
  }

  /** The classes as Throwable classes (the processor lets no other through); no generic array involved. */
  private static List<Class<? extends Throwable>> throwables(Class<?>[] types) {
    List<Class<? extends Throwable>> throwables = new ArrayList<>();
    for (Class<?> type : types) {
      throwables.add(type.asSubclass(Throwable.class));
    }
    return throwables;
  }

  /** For a step: {@code @Step(timeoutSeconds)}, how long each attempt may run before it is interrupted. */
  public DurableMethod<R> timeoutSeconds(double seconds) {
    return withRetryPolicy(retryPolicy.withTimeoutSeconds(seconds));
  }

  private DurableMethod<R> withRetryPolicy(RetryPolicy policy) {
    return new DurableMethod<>(
        kind,
        name,
        returnType,
        params,
        maxRecoveryAttempts,
        policy,
        exceptionFactories,
        schedule,
        transactionOptions);
  }

  /** For a transaction: {@code @Transaction(isolation)}. */
  public DurableMethod<R> isolation(Isolation isolation) {
    return withTransactionOptions(
        new TransactionOptions(isolation, transactionOptions.readOnly()));
  }

  /** For a transaction: {@code @Transaction(readOnly = true)}. */
  public DurableMethod<R> readOnly() {
    return withTransactionOptions(new TransactionOptions(transactionOptions.isolation(), true));
  }

  private DurableMethod<R> withTransactionOptions(TransactionOptions options) {
    return new DurableMethod<>(
        kind,
        name,
        returnType,
        params,
        maxRecoveryAttempts,
        retryPolicy,
        exceptionFactories,
        schedule,
        options);
  }

  /** For a workflow: runs it on the {@code @Scheduled} cron expression, in UTC unless {@link #zone}. */
  public DurableMethod<R> scheduled(String cron) {
    return withSchedule(new Schedule(cron, "UTC", 0));
  }

  /**
   * For a scheduled workflow: {@code @Scheduled(zone)}, the time zone its cron is read in.
   *
   * @throws IllegalStateException if {@link #scheduled} was not called first
   */
  public DurableMethod<R> zone(String zone) {
    Schedule current = requireSchedule("zone");
    return withSchedule(new Schedule(current.cron(), zone, current.maxCatchUp()));
  }

  /**
   * For a scheduled workflow: {@code @Scheduled(maxCatchUp)}, how many missed ticks it runs.
   *
   * @throws IllegalStateException if {@link #scheduled} was not called first
   */
  public DurableMethod<R> maxCatchUp(int ticks) {
    Schedule current = requireSchedule("maxCatchUp");
    return withSchedule(new Schedule(current.cron(), current.zone(), ticks));
  }

  private Schedule requireSchedule(String option) {
    if (schedule == null) {
      throw new IllegalStateException(option + " applies to a schedule: call scheduled(cron) first");
    }
    return schedule;
  }

  private DurableMethod<R> withSchedule(Schedule newSchedule) {
    return new DurableMethod<>(
        kind,
        name,
        returnType,
        params,
        maxRecoveryAttempts,
        retryPolicy,
        exceptionFactories,
        newSchedule,
        transactionOptions);
  }

  /**
   * A checked exception the method declares, with its {@code (String message)} constructor, so a
   * recorded error of that type is rethrown as that type on replay.
   */
  public <X extends Throwable> DurableMethod<R> rebuilds(
      Class<X> exceptionType, Function<String, X> constructor) {
    Map<String, Function<String, ? extends Throwable>> more =
        new LinkedHashMap<>(exceptionFactories);
    more.put(exceptionType.getName(), constructor);
    return new DurableMethod<>(
        kind,
        name,
        returnType,
        params,
        maxRecoveryAttempts,
        retryPolicy,
        Collections.unmodifiableMap(more),
        schedule,
        transactionOptions);
  }

  /** The schedule of a {@code @Scheduled} workflow, or {@code null}. */
  public Schedule schedule() {
    return schedule;
  }

  /** A transaction's options; the defaults for other kinds. */
  public TransactionOptions transactionOptions() {
    return transactionOptions;
  }

  public Kind kind() {
    return kind;
  }

  public String name() {
    return name;
  }

  public TypeToken<R> returnType() {
    return returnType;
  }

  public List<Param> params() {
    return params;
  }

  public int maxRecoveryAttempts() {
    return maxRecoveryAttempts;
  }

  public RetryPolicy retryPolicy() {
    return retryPolicy;
  }

  /** Constructors of the exception types this method declares, by binary class name. */
  public Map<String, Function<String, ? extends Throwable>> exceptionFactories() {
    return exceptionFactories;
  }

  /** A stable text of the method's shape, used to derive the default application version. */
  public String signature() {
    StringBuilder text = new StringBuilder(kind.name()).append(' ').append(name).append('(');
    for (int i = 0; i < params.size(); i++) {
      if (i > 0) {
        text.append(", ");
      }
      text.append(params.get(i).type());
    }
    return text.append(") ").append(returnType).toString();
  }

  @Override
  public String toString() {
    return signature();
  }
}
