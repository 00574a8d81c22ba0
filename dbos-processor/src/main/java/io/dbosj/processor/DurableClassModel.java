package io.dbosj.processor;

import java.util.List;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;

/**
 * A class with durable methods: what its {@code XxxDurable} subclass is generated from.
 *
 * @param type the user's class
 * @param packageName its package
 * @param generatedName the simple name of the generated class ({@code Outer_InnerDurable} for a
 *     nested class)
 * @param binaryName the user's class's binary name, recorded with each workflow
 * @param constructors the constructors a subclass can call, in declaration order
 * @param methods the durable methods, in declaration order
 * @param schedules every {@code @Scheduled} method, durable or not, in declaration order
 * @param reservedNameClashes the class's members, declared or inherited, named like a member the
 *     generated class declares ({@link GeneratedMembers})
 */
record DurableClassModel(
    TypeElement type,
    String packageName,
    String generatedName,
    String binaryName,
    List<ExecutableElement> constructors,
    List<DurableMethodModel> methods,
    List<ScheduleModel> schedules,
    List<Element> reservedNameClashes) {
}
