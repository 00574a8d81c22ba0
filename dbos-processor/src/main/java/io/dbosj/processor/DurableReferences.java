package io.dbosj.processor;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.ImportTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.tools.Diagnostic;

/**
 * Explains a reference to an {@code XxxDurable} that will never exist, next to javac's bare
 * "cannot find symbol": the class has no durable method, the processor refused it, or a nested
 * class's generated name was spelled wrong.
 *
 * <p>Method bodies are not part of the {@code javax.lang.model} view, so this reads the source
 * trees through javac's {@link Trees}. It exists only under javac: {@link #create} returns {@code
 * null} under other compilers (ECJ) and behind wrapped environments (Gradle's incremental
 * processing), where the processor works as before without the hints.
 */
final class DurableReferences {
  private static final String SUFFIX = "Durable";

  private record Reference(String name, TreePath path) {}

  private final Trees trees;
  private final Elements elements;
  private final Set<CompilationUnitTree> scanned = new HashSet<>();
  /** Per compilation unit, the first reference to each {@code ...Durable} name, in order. */
  private final Map<CompilationUnitTree, Map<String, Reference>> references = new LinkedHashMap<>();
  /** Every class of the compiled sources, by the name its generated class would have. */
  private final Map<String, List<TypeElement>> byGeneratedName = new HashMap<>();
  private final Set<String> durable = new HashSet<>();
  private final Set<String> rejected = new HashSet<>();

  private DurableReferences(Trees trees, Elements elements) {
    this.trees = trees;
    this.elements = elements;
  }

  /** The hints under javac, else {@code null}. */
  static DurableReferences create(ProcessingEnvironment env) {
    try {
      return new DurableReferences(Trees.instance(env), env.getElementUtils());
    } catch (IllegalArgumentException | LinkageError e) {
      return null;
    }
  }

  /** Reads a round's sources: their classes, and their references to {@code ...Durable}. */
  void scan(Set<? extends Element> rootElements) {
    for (TypeElement type : ElementFilter.typesIn(rootElements)) {
      addTypes(type);
      TreePath path = trees.getPath(type);
      if (path != null && scanned.add(path.getCompilationUnit())) {
        scan(path.getCompilationUnit());
      }
    }
  }

  private void addTypes(TypeElement type) {
    byGeneratedName
        .computeIfAbsent(ModelReader.generatedName(type), name -> new ArrayList<>())
        .add(type);
    for (TypeElement nested : ElementFilter.typesIn(type.getEnclosedElements())) {
      addTypes(nested);
    }
  }

  private void scan(CompilationUnitTree unit) {
    Map<String, Reference> found = new LinkedHashMap<>();
    new TreePathScanner<Void, Void>() {
      @Override
      public Void visitIdentifier(IdentifierTree node, Void unused) {
        record(node.getName().toString());
        return null;
      }

      @Override
      public Void visitMemberSelect(MemberSelectTree node, Void unused) {
        record(node.getIdentifier().toString());
        return super.visitMemberSelect(node, unused);
      }

      private void record(String name) {
        if (name.endsWith(SUFFIX) && name.length() > SUFFIX.length()) {
          found.putIfAbsent(name, new Reference(name, getCurrentPath()));
        }
      }
    }.scan(unit, null);
    if (!found.isEmpty()) {
      references.put(unit, found);
    }
  }

  /** A class whose generated class was written. */
  void generated(TypeElement type) {
    durable.add(type.getQualifiedName().toString());
  }

  /** A class with durable methods that the processor refused with errors. */
  void rejected(TypeElement type) {
    rejected.add(type.getQualifiedName().toString());
  }

  /** After the last round: an error on each reference to a generated class that is not there. */
  void report() {
    for (Map.Entry<CompilationUnitTree, Map<String, Reference>> unit : references.entrySet()) {
      for (Reference reference : unit.getValue().values()) {
        String hint = hint(unit.getKey(), reference);
        if (hint != null) {
          trees.printMessage(
              Diagnostic.Kind.ERROR, hint, reference.path().getLeaf(), unit.getKey());
        }
      }
    }
  }

  private String hint(CompilationUnitTree unit, Reference reference) {
    String name = reference.name();
    if (resolves(unit, reference)) {
      return null;
    }
    for (TypeElement type : byGeneratedName.getOrDefault(name, List.of())) {
      if (!visible(unit, type, name)) {
        continue;
      }
      String qualified = type.getQualifiedName().toString();
      if (rejected.contains(qualified)) {
        return Messages.durableRefused(name, type);
      }
      if (!durable.contains(qualified)) {
        return Messages.durableWithoutMethods(name, type);
      }
    }
    // InnerDurable for Outer.Inner, whose generated class is Outer_InnerDurable
    String simpleName = name.substring(0, name.length() - SUFFIX.length());
    for (List<TypeElement> types : byGeneratedName.values()) {
      for (TypeElement type : types) {
        String generated = ModelReader.generatedName(type);
        if (type.getSimpleName().contentEquals(simpleName)
            && !generated.equals(name)
            && durable.contains(type.getQualifiedName().toString())
            && visible(unit, type, generated)) {
          return Messages.durableNestedName(name, type, generated);
        }
      }
    }
    return null;
  }

  /** Whether {@code reference} names a type that exists, as javac would find it. */
  private boolean resolves(CompilationUnitTree unit, Reference reference) {
    String name = reference.name();
    Tree leaf = reference.path().getLeaf();
    if (leaf instanceof MemberSelectTree && exists(leaf.toString())) {
      return true;
    }
    if (exists(qualify(packageOf(unit), name)) || exists("java.lang." + name)) {
      return true;
    }
    for (ImportTree anImport : unit.getImports()) {
      String imported = anImport.getQualifiedIdentifier().toString();
      if (imported.endsWith("." + name) && exists(imported)) {
        return true;
      }
      if (imported.endsWith(".*")
          && exists(imported.substring(0, imported.length() - 1) + name)) {
        return true;
      }
    }
    // a member type of the unit's own classes, or of a class it imports
    for (List<TypeElement> types : byGeneratedName.values()) {
      for (TypeElement type : types) {
        if (type.getSimpleName().contentEquals(name)) {
          return true;
        }
      }
    }
    return false;
  }

  /** Whether {@code unit} would see {@code generatedName} had it been generated for {@code type}. */
  private boolean visible(CompilationUnitTree unit, TypeElement type, String generatedName) {
    String typePackage = elements.getPackageOf(type).getQualifiedName().toString();
    if (typePackage.equals(packageOf(unit))) {
      return true;
    }
    for (ImportTree anImport : unit.getImports()) {
      String imported = anImport.getQualifiedIdentifier().toString();
      if (imported.equals(qualify(typePackage, generatedName))
          || imported.equals(qualify(typePackage, "*"))) {
        return true;
      }
    }
    return false;
  }

  private boolean exists(String qualifiedName) {
    return elements.getTypeElement(qualifiedName) != null;
  }

  private static String packageOf(CompilationUnitTree unit) {
    return unit.getPackageName() == null ? "" : unit.getPackageName().toString();
  }

  private static String qualify(String packageName, String name) {
    return packageName.isEmpty() ? name : packageName + "." + name;
  }
}
