package io.dbosj.internal.codegen;

import io.dbosj.annotation.Isolation;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What the processor knows about one {@code @Workflow} or {@code @Step} method: its durable name,
 * the exact types of its parameters and result, and the options from its annotation. Generated
 * classes hold one as a constant per durable method:
 *
 * <pre>{@code
 * private static final DurableMethod<Receipt> CHECKOUT =
 *     DurableMethod.workflow("checkout", TypeToken.of(Receipt.class))
 *         .param("order", TypeToken.of(Order.class))
 *         .maxRecoveryAttempts(100)
 *         .rebuilds(PaymentException.class, PaymentException::new);
 * }</pre>
 *
 * <p>Instances are immutable; each {@code withX}-style call returns a new one.
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
    return bare(Kind.WORKFLOW, name, returnType, 100);
  }

  /** A step named {@code name} returning {@code returnType}, with no parameters yet. */
  public static <R> DurableMethod<R> step(String name, TypeToken<R> returnType) {
    return bare(Kind.STEP, name, returnType, 0);
  }

  /** A transaction named {@code name} returning {@code returnType}, with no parameters yet. */
  public static <R> DurableMethod<R> transaction(String name, TypeToken<R> returnType) {
    return bare(Kind.TRANSACTION, name, returnType, 0);
  }

  private static <R> DurableMethod<R> bare(
      Kind kind, String name, TypeToken<R> returnType, int maxRecoveryAttempts) {
    return new DurableMethod<>(
        kind,
        name,
        returnType,
        List.of(),
        maxRecoveryAttempts,
        RetryPolicy.NONE,
        Map.of(),
        null,
        TransactionOptions.DEFAULT);
  }

  /** For a transaction: its isolation level and whether it only reads. */
  public DurableMethod<R> transactional(Isolation isolation, boolean readOnly) {
    return new DurableMethod<>(
        kind,
        name,
        returnType,
        params,
        maxRecoveryAttempts,
        retryPolicy,
        exceptionFactories,
        schedule,
        new TransactionOptions(isolation, readOnly));
  }

  /** A transaction's options; the defaults for other kinds. */
  public TransactionOptions transactionOptions() {
    return transactionOptions;
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
        schedule, transactionOptions);
  }

  /** For a workflow: how many recovery starts are allowed before it is given up on. */
  public DurableMethod<R> maxRecoveryAttempts(int attempts) {
    return new DurableMethod<>(
        kind, name, returnType, params, attempts, retryPolicy, exceptionFactories, schedule, transactionOptions);
  }

  /** For a step: the retry policy from {@code @Step(maxAttempts, intervalSeconds, backoffRate)}. */
  public DurableMethod<R> retries(int maxAttempts, double intervalSeconds, double backoffRate) {
    return new DurableMethod<>(
        kind,
        name,
        returnType,
        params,
        maxRecoveryAttempts,
        new RetryPolicy(maxAttempts, intervalSeconds, backoffRate),
        exceptionFactories,
        schedule, transactionOptions);
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
        schedule, transactionOptions);
  }

  /** For a workflow: the {@code @Scheduled} options that make it run on a cron schedule. */
  public DurableMethod<R> scheduled(String cron, String zone, int maxCatchUp) {
    return new DurableMethod<>(
        kind,
        name,
        returnType,
        params,
        maxRecoveryAttempts,
        retryPolicy,
        exceptionFactories,
        new Schedule(cron, zone, maxCatchUp), transactionOptions);
  }

  /** The schedule of a {@code @Scheduled} workflow, or {@code null}. */
  public Schedule schedule() {
    return schedule;
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
