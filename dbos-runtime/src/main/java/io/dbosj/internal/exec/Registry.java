package io.dbosj.internal.exec;

import io.dbosj.internal.codegen.DurableClass;
import io.dbosj.internal.codegen.DurableMethod;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every durable object registered with one {@code DBOS}, by class and instance name: how recovery
 * finds the code of a recorded workflow. Closed to new registrations once launched.
 */
public final class Registry {
  private record Key(String className, String instanceName) {}

  private final CallRouter router;
  private final Map<Key, RegisteredInstance<?>> instances = new ConcurrentHashMap<>();
  private volatile boolean closed;

  public Registry(CallRouter router) {
    this.router = router;
  }

  /** An empty registry, for a process that runs no workflows (a client). */
  public static Registry none() {
    Registry registry = new Registry(null);
    registry.close();
    return registry;
  }

  public <T> RegisteredInstance<T> register(T self, DurableClass<T> type, String instanceName) {
    String simpleName = type.className().substring(type.className().lastIndexOf('.') + 1);
    if (instanceName == null) {
      throw new IllegalArgumentException("the instance name of " + simpleName + " must not be null");
    }
    synchronized (this) {
      if (closed) {
        throw new IllegalStateException(
            "a "
                + simpleName
                + "Durable was created after dbos.launch(): create every durable object before"
                + " launch(), so that recovery can find the workflows it owns");
      }
      RegisteredInstance<T> instance = new RegisteredInstance<>(router, self, type, instanceName);
      if (instances.putIfAbsent(new Key(type.className(), instanceName), instance) != null) {
        throw new IllegalStateException(
            "a "
                + simpleName
                + "Durable named '"
                + instanceName
                + "' is already registered with this DBOS; give each instance its own name: new "
                + simpleName
                + "Durable(\"name\", dbos, ...)");
      }
      return instance;
    }
  }

  /** Stops registration; called by launch. */
  public synchronized void close() {
    closed = true;
  }

  /** The instance of {@code className} named {@code instanceName}, or {@code null}. */
  RegisteredInstance<?> find(String className, String instanceName) {
    return instances.get(new Key(className, instanceName == null ? "" : instanceName));
  }

  /** Every registered instance. */
  public List<RegisteredInstance<?>> all() {
    return new ArrayList<>(instances.values());
  }

  /** The fingerprints of every registered workflow, sorted: which recorded executions this build can run. */
  public List<String> workflowFingerprints() {
    java.util.TreeSet<String> sorted = new java.util.TreeSet<>();
    for (RegisteredInstance<?> instance : instances.values()) {
      sorted.addAll(instance.type().workflowFingerprints());
    }
    return new ArrayList<>(sorted);
  }

  /** The signatures of every registered durable method, sorted: the input of the app version. */
  public List<String> signatures() {
    Map<String, String> sorted = new TreeMap<>();
    for (RegisteredInstance<?> instance : instances.values()) {
      for (DurableMethod<?> method : instance.type().methods()) {
        String text = instance.className() + " " + method.signature();
        sorted.put(text, text);
      }
    }
    return new ArrayList<>(sorted.values());
  }
}
