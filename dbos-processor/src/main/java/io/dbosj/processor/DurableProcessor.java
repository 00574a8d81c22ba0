package io.dbosj.processor;

import com.google.auto.service.AutoService;
import io.dbosj.annotation.Scheduled;
import io.dbosj.annotation.Step;
import io.dbosj.annotation.Transaction;
import io.dbosj.annotation.Workflow;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;

/**
 * Writes {@code XxxDurable} for every class with {@code @Workflow} or {@code @Step} methods: a
 * final subclass whose overrides record each durable call through io.dbosj's runtime, plus a
 * dispatch table that recovery uses instead of reflection.
 *
 * <p>Add it to the annotation processor path (Maven's {@code annotationProcessorPaths}, Gradle's
 * {@code annotationProcessor}); it is isolating for Gradle's incremental compilation. Each class
 * is read into a model, validated in full (every problem is reported, on the element it is about),
 * and only then written. A class whose signatures mention a type another processor has not
 * generated yet waits for a later round. The processor claims no annotations, so others see them
 * too; javac's {@code -Xlint:processing} therefore notes them as unclaimed (as it does the
 * {@code @Generated} that every processor writes), and strict builds use {@code
 * -Xlint:all,-processing}.
 */
@AutoService(Processor.class)
public final class DurableProcessor extends AbstractProcessor {
  private static final Set<String> ANNOTATIONS =
      Set.of(
          Workflow.class.getCanonicalName(),
          Step.class.getCanonicalName(),
          Transaction.class.getCanonicalName(),
          Scheduled.class.getCanonicalName());

  /** Classes deferred to a later round, by qualified name. */
  private final Set<String> deferred = new LinkedHashSet<>();

  /** Hints for references to generated classes that will not exist; {@code null} off javac. */
  private DurableReferences references;

  @Override
  public synchronized void init(ProcessingEnvironment processingEnv) {
    super.init(processingEnv);
    references = DurableReferences.create(processingEnv);
  }

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return ANNOTATIONS;
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    Map<String, TypeElement> classes = new LinkedHashMap<>();
    for (String name : deferred) {
      TypeElement type = processingEnv.getElementUtils().getTypeElement(name);
      if (type != null) {
        classes.put(name, type);
      }
    }
    deferred.clear();
    for (TypeElement annotation : annotations) {
      for (Element element : round.getElementsAnnotatedWith(annotation)) {
        if (element.getKind() == ElementKind.METHOD) {
          collect((ExecutableElement) element, classes);
        }
      }
    }
    for (TypeElement type : classes.values()) {
      processClass(type, round.processingOver());
    }
    if (references != null) {
      references.scan(round.getRootElements());
      if (round.processingOver()) {
        references.report();
      }
    }
    return false;
  }

  /** Adds the method's class, or reports a durable method that is not in a class. */
  private void collect(ExecutableElement method, Map<String, TypeElement> classes) {
    if (ModelReader.inClass(method)) {
      TypeElement type = (TypeElement) method.getEnclosingElement();
      classes.putIfAbsent(type.getQualifiedName().toString(), type);
      return;
    }
    Problems problems = new Problems();
    Validator.validateStray(method, problems);
    problems.reportTo(processingEnv.getMessager());
  }

  private void rejected(TypeElement type) {
    if (references != null) {
      references.rejected(type);
    }
  }

  private void processClass(TypeElement type, boolean lastRound) {
    try {
      DurableClassModel model = new ModelReader(processingEnv.getElementUtils()).read(type);
      if (ModelReader.hasUnresolvedTypes(model)) {
        if (lastRound) {
          rejected(type);
          processingEnv
              .getMessager()
              .printMessage(
                  Diagnostic.Kind.ERROR, Messages.unresolvedType(type.getSimpleName().toString()), type);
        } else {
          deferred.add(type.getQualifiedName().toString());
        }
        return;
      }
      Problems problems =
          Validator.validate(
              model,
              new RecordedTypes(processingEnv.getTypeUtils()),
              new RetryClasses(processingEnv.getTypeUtils(), processingEnv.getElementUtils()));
      if (!problems.isEmpty()) {
        rejected(type);
        problems.reportTo(processingEnv.getMessager());
        return;
      }
      if (model.methods().isEmpty()) {
        return;
      }
      new DurableWriter(model).write().writeTo(processingEnv.getFiler());
      if (references != null) {
        references.generated(type);
      }
    } catch (IOException | RuntimeException | LinkageError e) {
      // a bug of ours, or a broken class path: one class fails to generate, javac goes on
      rejected(type);
      processingEnv
          .getMessager()
          .printMessage(
              Diagnostic.Kind.ERROR, Messages.unexpected(type.getQualifiedName().toString(), e), type);
    }
  }
}
