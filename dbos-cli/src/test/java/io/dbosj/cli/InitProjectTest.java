package io.dbosj.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/**
 * {@code dbos init NAME} writes a project whose start command starts what it builds: the jar
 * dbos-config.yaml runs is the one the pom builds, with the main class it names, and the source
 * compiles with the processor and runs.
 */
class InitProjectTest {
  @TempDir Path dir;

  private record Result(int exit, String out) {}

  @Test
  void theStartCommandRunsTheJarThePomBuildsWithAMainClassThatExists() throws Exception {
    assertThat(dbos("init", "my-app").out()).contains("Wrote dbos-config.yaml for my-app");

    Document pom = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(dir.resolve("pom.xml").toFile());
    XPath xpath = XPathFactory.newInstance().newXPath();
    String finalName = xpath.evaluate("/project/build/finalName", pom);
    String mainClass = xpath.evaluate("//plugin[artifactId='maven-shade-plugin']//mainClass", pom);
    assertThat(finalName).isEqualTo("my-app");
    assertThat(Files.readString(dir.resolve("dbos-config.yaml")))
        .contains("name: my-app\n")
        .contains("  start:\n    - java -jar target/" + finalName + ".jar\n");
    assertThat(dir.resolve("src/main/java/" + mainClass.replace('.', '/') + ".java")).exists();
    assertThat(xpath.evaluate("//plugin[artifactId='maven-shade-plugin']//Enable-Native-Access", pom))
        .isEqualTo("ALL-UNNAMED");
    assertThat(xpath.evaluate("/project/properties/*[local-name()='maven.compiler.release']", pom)).isEqualTo("17");
    assertThat(xpath.evaluate("//plugin[artifactId='maven-compiler-plugin']/version", pom)).matches("\\d+\\.\\d+\\.\\d+");
    assertThat(xpath.evaluate("//plugin[artifactId='maven-shade-plugin']/version", pom)).matches("\\d+\\.\\d+\\.\\d+");
    assertThat(xpath.evaluate("//annotationProcessorPaths/path/artifactId", pom)).isEqualTo("dbos-processor");
    assertThat(xpath.evaluate("/project/properties/*[local-name()='dbosj.version']", pom)).isEqualTo("0.1.0-SNAPSHOT");
  }

  @Test
  void theAppCompilesWithTheProcessorAndRunsItsWorkflowQuietly() throws Exception {
    dbos("init", "my-app");
    Path classes = Files.createDirectories(dir.resolve("target/classes"));
    String classPath = System.getProperty("java.class.path");
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    StringWriter diagnostics = new StringWriter();
    boolean compiled =
        javac
            .getTask(
                diagnostics,
                null,
                null,
                List.of("-Xlint:all,-processing", "-Werror", "--release", "17", "-classpath", classPath, "-processorpath", classPath,
                    "-d", classes.toString()),
                null,
                javac.getStandardFileManager(null, null, StandardCharsets.UTF_8)
                    .getJavaFileObjects(dir.resolve("src/main/java/com/example/myapp/App.java").toFile()))
            .call();
    assertThat(compiled).as(diagnostics.toString()).isTrue();
    assertThat(classes.resolve("com/example/myapp/AppDurable.class")).exists();

    // the project's own resources first, as in its jar: its simplelogger.properties quiets the pool
    String runPath = String.join(File.pathSeparator, dir.resolve("src/main/resources").toString(), classes.toString(), classPath);
    Result run = java("-cp", runPath, "com.example.myapp.App");

    assertThat(run.exit()).as(run.out()).isZero();
    assertThat(run.out()).contains("Step one completed!\nStep two completed!\n").doesNotContain("HikariPool");
    assertThat(dir.resolve("my-app.sqlite")).exists();
  }

  @Test
  void aSecondInitNamesTheFilesItWouldOverwriteAndWritesNothing() throws Exception {
    dbos("init", "shop");
    Files.writeString(dir.resolve("pom.xml"), "mine");

    Result again = dbos("init", "shop");

    assertThat(again.exit()).isEqualTo(1);
    assertThat(again.out()).contains("error: dbos-config.yaml, pom.xml, src/main/java/com/example/shop/App.java");
    assertThat(Files.readString(dir.resolve("pom.xml"))).isEqualTo("mine");
  }

  @Test
  void aNameThatCannotNameAJarIsRefusedWithAnExample() throws Exception {
    Result refused = dbos("init", "my app");

    assertThat(refused.exit()).isEqualTo(1);
    assertThat(refused.out()).contains("error: 'my app' cannot name the app").contains("for example my-app");
    assertThat(dir.resolve("dbos-config.yaml")).doesNotExist();
  }

  private Result dbos(String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("-cp", System.getProperty("java.class.path"), DbosCli.class.getName()));
    command.addAll(List.of(args));
    return java(command.toArray(String[]::new));
  }

  private Result java(String... args) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("--enable-native-access=ALL-UNNAMED");
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    process.getOutputStream().close();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Result(process.exitValue(), out);
  }
}
