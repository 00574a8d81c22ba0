package io.dbosj.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Under javac, a reference to an {@code XxxDurable} that will never be generated gets an error
 * saying why, where javac would only say "cannot find symbol".
 */
class MissingDurableTest {
  private static final JavaFileObject GREETER =
      Sources.source(
          "com.example.Greeter",
          "package com.example;",
          "import io.dbosj.annotation.Workflow;",
          "public class Greeter {",
          "  @Workflow public void greet() {}",
          "}");

  private static JavaFileObject main(String... body) {
    String[] lines = new String[body.length + 5];
    lines[0] = "package com.example;";
    lines[1] = "import io.dbosj.DBOS;";
    lines[2] = "public class Main {";
    lines[3] = "  static void run(DBOS dbos) {";
    System.arraycopy(body, 0, lines, 4, body.length);
    lines[lines.length - 1] = "  }}";
    return Sources.source("com.example.Main", lines);
  }

  private static Compilation compile(JavaFileObject... sources) {
    return Sources.compile(List.of(), sources);
  }

  @Test
  void aClassWithoutDurableMethodsIsNamed() {
    JavaFileObject shop =
        Sources.source(
            "com.example.Shop",
            "package com.example;",
            "public class Shop {",
            "  public void checkout() {}",
            "}");
    JavaFileObject main = main("    new ShopDurable(dbos).checkout();");
    Compilation compilation = compile(GREETER, shop, main);

    // javac stops before attributing Main, so this error takes the place of "cannot find symbol"
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(
            "[dbos.no-durable-class] ShopDurable does not exist: io.dbosj's processor writes it"
                + " only for a class with @Workflow, @Step or @Transaction methods, and"
                + " com.example.Shop has none. Annotate its durable methods (with"
                + " io.dbosj.annotation.Workflow, Step or Transaction), or use Shop itself.")
        .inFile(main)
        .onLine(5);
  }

  @Test
  void aClassTheProcessorRefusedIsNamed() {
    JavaFileObject shop =
        Sources.source(
            "com.example.Shop",
            "package com.example;",
            "import io.dbosj.annotation.Workflow;",
            "public final class Shop {",
            "  @Workflow public void checkout() {}",
            "}");
    JavaFileObject main = main("    ShopDurable shop = new ShopDurable(dbos);", "    shop.checkout();");
    Compilation compilation = compile(shop, main);

    assertThat(compilation).hadErrorContaining("[dbos.final-class]");
    assertThat(compilation)
        .hadErrorContaining(
            "[dbos.no-durable-class] ShopDurable was not generated because of the errors reported"
                + " on com.example.Shop: fix those, and it will be.")
        .inFile(main)
        .onLine(5);
  }

  @Test
  void aNestedClassSpelledWithoutItsOuterNameIsCorrected() {
    JavaFileObject outer =
        Sources.source(
            "com.example.Outer",
            "package com.example;",
            "import io.dbosj.annotation.Step;",
            "public class Outer {",
            "  public static class Inventory {",
            "    @Step public int count() { return 1; }",
            "  }",
            "}");
    JavaFileObject main = main("    new InventoryDurable(dbos).count();");
    assertThat(compile(outer, main))
        .hadErrorContaining(
            "[dbos.durable-name] there is no InventoryDurable: the class generated for"
                + " Outer.Inventory is Outer_InventoryDurable (a nested class's generated name"
                + " joins the names of its enclosing classes with '_'). Write"
                + " Outer_InventoryDurable.")
        .inFile(main)
        .onLine(5);
  }

  @Test
  void aGeneratedClassThatExistsGetsNoHint() {
    JavaFileObject main = main("    new GreeterDurable(dbos).greet();");
    assertThat(compile(GREETER, main)).succeededWithoutWarnings();
  }

  @Test
  void aMissingNameWithNoClassBehindItIsLeftToJavac() {
    JavaFileObject main = main("    new CartDurable(dbos).greet();");
    Compilation compilation = compile(GREETER, main);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining("cannot find symbol");
  }
}
