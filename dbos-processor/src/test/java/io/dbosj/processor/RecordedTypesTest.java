package io.dbosj.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * A workflow's arguments and every durable method's result are read back by Jackson after a
 * crash: a type it cannot read back is an error at compile time, and every type it reads (as
 * jackson-databind 3 does with the runtime's mapper) compiles.
 */
class RecordedTypesTest {

  private static Compilation compile(JavaFileObject... sources) {
    return Sources.compile(Sources.STRICT, sources);
  }

  /** {@code com.example.A} with one workflow taking {@code type} and one step returning it. */
  private static JavaFileObject durable(String type) {
    return Sources.source(
        "com.example.A",
        "package com.example;",
        "import io.dbosj.annotation.Step;",
        "import io.dbosj.annotation.Workflow;",
        "import java.util.*;",
        "public class A {",
        "  @Workflow",
        "  public void run(" + type + " value) {}",
        "  @Step",
        "  public " + type + " load() { return null; }",
        "}");
  }

  private static JavaFileObject values(String... lines) {
    String[] source = new String[lines.length + 2];
    source[0] = "package com.example;";
    source[1] = "public class Values {";
    System.arraycopy(lines, 0, source, 2, lines.length);
    String[] closed = java.util.Arrays.copyOf(source, source.length + 1);
    closed[source.length] = "}";
    return Sources.source("com.example.Values", closed);
  }

  private static final JavaFileObject RECEIPT =
      values(
          "  public static class Receipt {",
          "    private final String id;",
          "    Receipt(String id) { this.id = id; }",
          "    public String getId() { return id; }",
          "  }");

  @Test
  void aClassWithoutACreatorIsRejectedOnTheParameterAndOnTheResult() {
    JavaFileObject source = durable("Values.Receipt");
    Compilation compilation = compile(source, RECEIPT);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(2);
    assertThat(compilation)
        .hadErrorContaining(
            "[dbos.no-creator] parameter 'value' of workflow run() is recorded as JSON and read"
                + " back after a crash, but Jackson cannot read Receipt: it has no constructor"
                + " Jackson can call (no no-arg constructor, no @JsonCreator, and not exactly one"
                + " public constructor). Make Receipt a record, give it a no-arg constructor (any"
                + " visibility) with setters or non-final fields, or annotate one constructor or"
                + " static factory with @JsonCreator.")
        .inFile(source)
        .onLine(7);
    assertThat(compilation)
        .hadErrorContaining(
            "[dbos.no-creator] the result of load() is recorded as JSON and read back after a"
                + " crash, but Jackson cannot read Receipt: it has no constructor")
        .inFile(source)
        .onLine(9);
  }

  @Test
  void oneOfSeveralPublicConstructorsIsNotACreator() {
    JavaFileObject values =
        values(
            "  public static class Price {",
            "    public final long cents;",
            "    public Price(long cents) { this.cents = cents; }",
            "    public Price(int euros, int cents) { this(euros * 100L + cents); }",
            "  }");
    assertThat(compile(durable("Values.Price"), values))
        .hadErrorContaining("[dbos.no-creator] parameter 'value' of workflow run()");
  }

  @Test
  void anInterfaceWithoutTypeInformationIsRejected() {
    JavaFileObject values = values("  public interface Shape {}");
    JavaFileObject source = durable("Values.Shape");
    assertThat(compile(source, values))
        .hadErrorContaining(
            "[dbos.abstract-type] parameter 'value' of workflow run() is recorded as JSON and read"
                + " back after a crash, but Jackson cannot read Shape: it is an interface and"
                + " nothing tells Jackson which class to create. Declare a concrete type (a"
                + " record, say), or annotate Shape with @JsonTypeInfo(use = JsonTypeInfo.Id.NAME)"
                + " and @JsonSubTypes listing its implementations.")
        .inFile(source)
        .onLine(7);
  }

  @Test
  void anAbstractClassWithoutTypeInformationIsRejected() {
    JavaFileObject values = values("  public abstract static class Shape { public int sides; }");
    assertThat(compile(durable("Values.Shape"), values))
        .hadErrorContaining("but Jackson cannot read Shape: it is abstract and nothing tells");
  }

  @Test
  void aSealedInterfaceWithoutTypeInformationIsRejected() {
    JavaFileObject values =
        values(
            "  public sealed interface Shape permits Circle {}",
            "  public record Circle(double radius) implements Shape {}");
    assertThat(compile(durable("Values.Shape"), values))
        .hadErrorContaining("[dbos.abstract-type] parameter 'value' of workflow run()");
  }

  @Test
  void anInnerClassIsRejected() {
    JavaFileObject values = values("  public class Line { public int number; }");
    JavaFileObject source = durable("Values.Line");
    assertThat(compile(source, values))
        .hadErrorContaining(
            "[dbos.inner-value-class] parameter 'value' of workflow run() is recorded as JSON and"
                + " read back after a crash, but Jackson cannot read Line: it is an inner"
                + " (non-static) class, which Jackson cannot create without an enclosing instance."
                + " Declare it 'static', or make it a record.")
        .inFile(source)
        .onLine(7);
  }

  @Test
  void typesInsideCollectionsMapsOptionalsArraysAndRecordsAreChecked() {
    for (String type :
        List.of(
            "List<Values.Receipt>",
            "Set<? extends Values.Receipt>",
            "Map<String, Values.Receipt>",
            "Optional<Values.Receipt>",
            "Values.Receipt[]",
            "Optional<List<Values.Receipt>[]>",
            "Values.Order",
            "List<Values.Box<Values.Receipt>>")) {
      JavaFileObject values =
          values(
              "  public static class Receipt {",
              "    private final String id;",
              "    Receipt(String id) { this.id = id; }",
              "    public String getId() { return id; }",
              "  }",
              "  public record Order(String id, java.util.List<Receipt> receipts) {}",
              "  public record Box<T>(T content) {}");
      Compilation compilation = compile(durable(type), values);
      assertThat(compilation).hadErrorCount(2);
      assertThat(compilation)
          .hadErrorContaining(
              "[dbos.no-creator] parameter 'value' of workflow run() is recorded as JSON and read"
                  + " back after a crash, but Jackson cannot read Receipt (in ");
    }
  }

  @Test
  void aStepsArgumentsAreNotRecordedSoTheirTypesAreFree() {
    JavaFileObject source =
        Sources.source(
            "com.example.A",
            "package com.example;",
            "import io.dbosj.annotation.Step;",
            "public class A {",
            "  @Step",
            "  public String describe(Values.Receipt receipt, Runnable callback) { return \"\"; }",
            "}");
    assertThat(compile(source, RECEIPT)).succeededWithoutWarnings();
  }

  @Test
  void everyFamilyJacksonReadsBackCompiles() {
    JavaFileObject values =
        Sources.source(
            "com.example.Values",
            "package com.example;",
            "import com.fasterxml.jackson.annotation.*;",
            "import java.beans.ConstructorProperties;",
            "import java.lang.annotation.*;",
            "import tools.jackson.databind.annotation.JsonDeserialize;",
            "import tools.jackson.databind.annotation.JsonPOJOBuilder;",
            "public class Values {",
            "  public record Item(String sku, int quantity) {}",
            "  public enum Color { RED, GREEN }",
            "  public static class Bean {",
            "    private String name;",
            "    public String getName() { return name; }",
            "    public void setName(String name) { this.name = name; }",
            "  }",
            "  public static class PrivateNoArg {",
            "    private String name;",
            "    private PrivateNoArg() {}",
            "    public PrivateNoArg(String name, int ignored) { this.name = name; }",
            "    public String getName() { return name; }",
            "  }",
            "  public static class OnePublicConstructor {",
            "    private final String name;",
            "    public OnePublicConstructor(String name) { this.name = name; }",
            "    OnePublicConstructor(int code) { this(String.valueOf(code)); }",
            "    public String getName() { return name; }",
            "  }",
            "  public static class AnnotatedConstructor {",
            "    private final String name;",
            "    @JsonCreator AnnotatedConstructor(@JsonProperty(\"name\") String name) {"
                + " this.name = name; }",
            "    public String getName() { return name; }",
            "  }",
            "  public static class Factory {",
            "    private final String name;",
            "    private Factory(String name) { this.name = name; }",
            "    @JsonCreator static Factory of(@JsonProperty(\"name\") String name) {"
                + " return new Factory(name); }",
            "    public String getName() { return name; }",
            "  }",
            "  public static class Properties {",
            "    private final String name;",
            "    @ConstructorProperties({\"name\"}) Properties(String name) { this.name = name; }",
            "    public String getName() { return name; }",
            "  }",
            "  @JsonDeserialize(builder = Built.Builder.class)",
            "  public static class Built {",
            "    private final String name;",
            "    private Built(String name) { this.name = name; }",
            "    public String getName() { return name; }",
            "    @JsonPOJOBuilder(withPrefix = \"\")",
            "    public static class Builder {",
            "      private String name;",
            "      public Builder name(String name) { this.name = name; return this; }",
            "      public Built build() { return new Built(name); }",
            "    }",
            "  }",
            "  @JsonTypeInfo(use = JsonTypeInfo.Id.NAME)",
            "  @JsonSubTypes({@JsonSubTypes.Type(Circle.class)})",
            "  public interface Shape {}",
            "  public record Circle(double radius) implements Shape {}",
            "  public abstract static class Square implements Shape {",
            "    @JsonCreator static Square of(@JsonProperty(\"side\") double side) { return null; }",
            "  }",
            "  @Retention(RetentionPolicy.RUNTIME)",
            "  @JacksonAnnotationsInside",
            "  @JsonTypeInfo(use = JsonTypeInfo.Id.CLASS)",
            "  public @interface Polymorphic {}",
            "  @Polymorphic public abstract static class Animal {}",
            "  public static class Failure extends Exception {",
            "    private static final long serialVersionUID = 1L;",
            "    public Failure(String message) { super(message); }",
            "    public Failure(String message, Throwable cause) { super(message, cause); }",
            "  }",
            "  public static class Unreadable {",
            "    Unreadable(String id) {}",
            "    public String getId() { return \"\"; }",
            "  }",
            "  public record Id<T>(String value) {}",
            "}");
    JavaFileObject source =
        Sources.source(
            "com.example.A",
            "package com.example;",
            "import io.dbosj.annotation.Step;",
            "import io.dbosj.annotation.Transaction;",
            "import io.dbosj.annotation.Workflow;",
            "import java.math.*;",
            "import java.time.*;",
            "import java.util.*;",
            "public class A {",
            "  @Workflow",
            "  public void jdk(int a, long b, boolean c, double d, Integer e, String f, byte[] g,",
            "      UUID h, BigDecimal i, BigInteger j, Instant k, Duration l, LocalDate m,",
            "      ZonedDateTime n, ZoneId o, Object p, Number q, CharSequence r, java.net.URI s,",
            "      java.nio.file.Path t, Locale u, Currency v, OptionalInt w, Calendar x) {}",
            "  @Workflow",
            "  public void containers(List<Values.Item> a, Set<Values.Color> b,",
            "      Map<String, Values.Item> c, SortedMap<String, List<Values.Item>> d,",
            "      Optional<Values.Item> e, Values.Item[] f, Collection<?> g, Iterable<String> h,",
            "      Queue<Values.Item> i, Map<Values.Unreadable, String> keysAreNotJudged,",
            "      Values.Id<Values.Unreadable> phantom, List<? super Values.Unreadable> lower) {}",
            "  @Workflow",
            "  public void users(Values.Item a, Values.Color b, Values.Bean c, Values.PrivateNoArg d,",
            "      Values.OnePublicConstructor e, Values.AnnotatedConstructor f, Values.Factory g,",
            "      Values.Properties h, Values.Built i, Values.Shape j, Values.Square k,",
            "      Values.Animal l, Values.Failure m) {}",
            "  @Workflow",
            "  public Void nothing() { return null; }",
            "  @Workflow",
            "  public Values.Shape shape() { return null; }",
            "  @Step",
            "  public Optional<List<Values.Item>> items() { return Optional.empty(); }",
            "  @Transaction",
            "  public Map<String, Values.Bean> beans() { return Map.of(); }",
            "  @Step",
            "  public void done() {}",
            "}");
    assertThat(compile(source, values)).succeededWithoutWarnings();
  }
}
