package io.dbosj.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * What {@code dbos init NAME} writes: a small Maven project that builds and starts as it is.
 * {@code mvn -q package} builds {@code target/NAME.jar} (the app and its dependencies, with a
 * {@code Main-Class}), which is what the {@code runtimeConfig.start} command of its {@code
 * dbos-config.yaml} runs. The versions it names are the ones this CLI was built with.
 */
final class StarterProject {
  private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_-]*");

  private final String name;
  private final String packageName;
  private final Properties versions;

  private StarterProject(String name, Properties versions) {
    this.name = name;
    this.packageName = packageName(name);
    this.versions = versions;
  }

  /** The project for {@code name}; a name that cannot be an artifact and a jar's name is refused. */
  static StarterProject named(String name) {
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "'" + name + "' cannot name the app: use a letter, then letters, digits, '-' or '_' (for example my-app)");
    }
    return new StarterProject(name, versions());
  }

  /** The files to write, relative to the project's directory, in writing order. */
  Map<Path, String> files() {
    Map<Path, String> files = new LinkedHashMap<>();
    files.put(Path.of("dbos-config.yaml"), dbosConfig());
    files.put(Path.of("pom.xml"), pom());
    files.put(Path.of("src", "main", "java").resolve(packageName.replace('.', '/')).resolve("App.java"), app());
    files.put(Path.of("src", "main", "resources", "simplelogger.properties"), loggerProperties());
    return files;
  }

  /** The jar {@code mvn package} builds and the start command runs. */
  String jar() {
    return "target/" + name + ".jar";
  }

  /** The class the jar's manifest names. */
  String mainClass() {
    return packageName + ".App";
  }

  /** Files of {@link #files()} already in {@code directory}. */
  List<Path> existingIn(Path directory) {
    return files().keySet().stream().filter(file -> Files.exists(directory.resolve(file))).toList();
  }

  private String dbosConfig() {
    return "# The configuration of " + name + ", read by DBOS.builder(), dbos migrate and dbos start.\n"
        + "# Environment variables (DBOS_SYSTEM_DATABASE_URL, DBOS_DATABASE_URL, ...) win over it.\n"
        + "# Build the app first: mvn -q package (it writes " + jar() + ").\n"
        + "name: " + name + "\n"
        + "system_database_url: sqlite:///" + name + ".sqlite\n"
        + "# database_url: postgresql://user:password@localhost:5432/" + name + "\n"
        + "database:\n"
        + "  migrate: []\n"
        + "runtimeConfig:\n"
        + "  start:\n"
        + "    - java -jar " + jar() + "\n";
  }

  private String pom() {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <project xmlns="http://maven.apache.org/POM/4.0.0"
                 xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                 xsi:schemaLocation="http://maven.apache.org/POM/4.0.0 https://maven.apache.org/xsd/maven-4.0.0.xsd">
          <modelVersion>4.0.0</modelVersion>
          <groupId>com.example</groupId>
          <artifactId>@NAME@</artifactId>
          <version>0.1.0-SNAPSHOT</version>

          <properties>
            <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
            <maven.compiler.release>17</maven.compiler.release>
            <dbosj.version>@DBOSJ@</dbosj.version>
          </properties>

          <dependencies>
            <dependency>
              <groupId>io.dbosj</groupId>
              <artifactId>dbos-runtime</artifactId>
              <version>${dbosj.version}</version>
            </dependency>
            <dependency>
              <!-- shows DBOS's log lines (retries, recovery, a taken admin port); src/main/resources/simplelogger.properties quiets the pool's and jOOQ's -->
              <groupId>org.slf4j</groupId>
              <artifactId>slf4j-simple</artifactId>
              <version>@SLF4J@</version>
            </dependency>
          </dependencies>

          <build>
            <!-- target/@NAME@.jar, the jar dbos-config.yaml starts -->
            <finalName>@NAME@</finalName>
            <plugins>
              <!-- versions given: Maven 3.8 would otherwise pick ones too old for Java 17 -->
              <plugin>
                <groupId>org.apache.maven.plugins</groupId>
                <artifactId>maven-resources-plugin</artifactId>
                <version>@RESOURCES@</version>
              </plugin>
              <plugin>
                <groupId>org.apache.maven.plugins</groupId>
                <artifactId>maven-surefire-plugin</artifactId>
                <version>@SUREFIRE@</version>
              </plugin>
              <plugin>
                <groupId>org.apache.maven.plugins</groupId>
                <artifactId>maven-jar-plugin</artifactId>
                <version>@JAR@</version>
              </plugin>
              <plugin>
                <groupId>org.apache.maven.plugins</groupId>
                <artifactId>maven-compiler-plugin</artifactId>
                <version>@COMPILER@</version>
                <configuration>
                  <annotationProcessorPaths>
                    <!-- writes AppDurable, the subclass that makes App's workflow durable -->
                    <path>
                      <groupId>io.dbosj</groupId>
                      <artifactId>dbos-processor</artifactId>
                      <version>${dbosj.version}</version>
                    </path>
                  </annotationProcessorPaths>
                </configuration>
              </plugin>
              <plugin>
                <!-- the app and its dependencies in one executable jar -->
                <groupId>org.apache.maven.plugins</groupId>
                <artifactId>maven-shade-plugin</artifactId>
                <version>@SHADE@</version>
                <executions>
                  <execution>
                    <phase>package</phase>
                    <goals>
                      <goal>shade</goal>
                    </goals>
                    <configuration>
                      <createDependencyReducedPom>false</createDependencyReducedPom>
                      <transformers>
                        <transformer implementation="org.apache.maven.plugins.shade.resource.ManifestResourceTransformer">
                          <mainClass>@MAIN@</mainClass>
                          <manifestEntries>
                            <!-- sqlite-jdbc loads a native library: JDK 24+ warns without this -->
                            <Enable-Native-Access>ALL-UNNAMED</Enable-Native-Access>
                          </manifestEntries>
                        </transformer>
                        <transformer implementation="org.apache.maven.plugins.shade.resource.ServicesResourceTransformer"/>
                      </transformers>
                      <filters>
                        <filter>
                          <artifact>*:*</artifact>
                          <excludes>
                            <exclude>META-INF/*.SF</exclude>
                            <exclude>META-INF/*.DSA</exclude>
                            <exclude>META-INF/*.RSA</exclude>
                            <exclude>META-INF/versions/**/module-info.class</exclude>
                            <exclude>module-info.class</exclude>
                            <exclude>META-INF/MANIFEST.MF</exclude>
                          </excludes>
                        </filter>
                      </filters>
                    </configuration>
                  </execution>
                </executions>
              </plugin>
            </plugins>
          </build>
        </project>
        """
        .replace("@NAME@", name)
        .replace("@DBOSJ@", versions.getProperty("dbosj"))
        .replace("@SLF4J@", versions.getProperty("slf4j"))
        .replace("@COMPILER@", versions.getProperty("maven-compiler-plugin"))
        .replace("@SHADE@", versions.getProperty("maven-shade-plugin"))
        .replace("@RESOURCES@", versions.getProperty("maven-resources-plugin"))
        .replace("@SUREFIRE@", versions.getProperty("maven-surefire-plugin"))
        .replace("@JAR@", versions.getProperty("maven-jar-plugin"))
        .replace("@MAIN@", mainClass());
  }

  private String app() {
    return """
        package @PACKAGE@;

        import io.dbosj.DBOS;
        import io.dbosj.annotation.Step;
        import io.dbosj.annotation.Workflow;

        /**
         * A durable workflow of two steps. Each step's result is recorded in @NAME@.sqlite: if the
         * program dies between them, the next start finishes the workflow without running step one
         * again.
         */
        public class App {
          @Step
          public void stepOne() {
            System.out.println("Step one completed!");
          }

          @Step
          public void stepTwo() {
            System.out.println("Step two completed!");
          }

          @Workflow
          public void workflow() {
            stepOne();
            stepTwo();
          }

          public static void main(String[] args) {
            try (DBOS dbos = DBOS.builder().build()) { // reads dbos-config.yaml
              AppDurable app = new AppDurable(dbos);  // written by the processor at compile time
              dbos.launch();                          // finishes workflows a previous run left
              app.workflow();
            }
          }
        }
        """
        .replace("@PACKAGE@", packageName)
        .replace("@NAME@", name);
  }

  private static String loggerProperties() {
    return """
        # DBOS's own log lines, without the connection pool's and jOOQ's.
        org.slf4j.simpleLogger.defaultLogLevel=info
        org.slf4j.simpleLogger.showThreadName=false
        org.slf4j.simpleLogger.showShortLogName=true
        org.slf4j.simpleLogger.log.com.zaxxer.hikari=warn
        org.slf4j.simpleLogger.log.org.jooq=warn
        """;
  }

  /** {@code my-app} becomes {@code com.example.myapp}. */
  private static String packageName(String name) {
    return "com.example." + name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "");
  }

  private static Properties versions() {
    Properties versions = new Properties();
    try (InputStream in = StarterProject.class.getResourceAsStream("init-versions.properties")) {
      if (in == null) {
        throw new IllegalStateException("init-versions.properties is missing from the dbos command's jar");
      }
      versions.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return versions;
  }
}
