package dev.livetools.schema;

import java.lang.annotation.Annotation;
import java.util.List;

/**
 * One named value the model supplies: a tool parameter, a record component or a field.
 *
 * @param name the name the model sees
 * @param description the author's description, or empty
 * @param type the declared type, with type-use annotations when known
 * @param declarationAnnotations annotations on the declaration (parameter, component, field)
 * @param declaredRequired {@code @Param.required()}, or {@code true} without {@code @Param}
 * @param javaName how error messages name it: {@code Order.items}, or the parameter name
 */
record Site(String name, String description, TypeUse type, List<Annotation> declarationAnnotations,
            boolean declaredRequired, String javaName) {

    Site {
        declarationAnnotations = List.copyOf(declarationAnnotations);
    }

    /** Declaration and type-use annotations together, repeated constraints unpacked, duplicates dropped. */
    List<Annotation> allAnnotations() {
        List<Annotation> all = new java.util.ArrayList<>(declarationAnnotations);
        all.addAll(type.annotations());
        return Constraints.flatten(all);
    }

    boolean required() {
        return Presence.required(declaredRequired, type.type(), allAnnotations());
    }
}
