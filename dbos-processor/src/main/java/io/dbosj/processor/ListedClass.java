package io.dbosj.processor;

import javax.lang.model.type.TypeMirror;

/** One class of an annotation's {@code Class[]} option, and where it is written. */
record ListedClass(TypeMirror type, Where where) {}
