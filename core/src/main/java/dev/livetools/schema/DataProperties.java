package dev.livetools.schema;

import dev.livetools.sdk.Param;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The properties of a record (its components, in order) or of a plain class (its instance fields, superclass fields
 * first, in declaration order), each with the bindings its type resolves in.
 */
final class DataProperties {

    /** A property and the scope its type variables resolve in. */
    record Property(Site site, Bindings scope) {
    }

    private DataProperties() {
    }

    static List<Property> of(Class<?> type, Bindings scope) {
        return type.isRecord() ? recordComponents(type, scope) : fields(type, scope);
    }

    private static List<Property> recordComponents(Class<?> type, Bindings scope) {
        List<Property> out = new ArrayList<>();
        for (RecordComponent rc : type.getRecordComponents()) {
            List<Annotation> annotations = new ArrayList<>(Arrays.asList(rc.getAnnotations()));
            // Constraints without a RECORD_COMPONENT target land on the generated field instead.
            try {
                annotations.addAll(Arrays.asList(type.getDeclaredField(rc.getName()).getAnnotations()));
            } catch (NoSuchFieldException e) {
                throw new IllegalStateException("record " + type.getName() + " has no field " + rc.getName(), e);
            }
            out.add(new Property(site(type, rc.getName(), rc.getAnnotation(Param.class), rc.getAnnotatedType(),
                    annotations), scope));
        }
        return out;
    }

    private static List<Property> fields(Class<?> type, Bindings scope) {
        List<Property> out = new ArrayList<>();
        AnnotatedType superType = type.getAnnotatedSuperclass();
        if (superType != null && type.getSuperclass() != Object.class) {
            Class<?> superClass = type.getSuperclass();
            out.addAll(fields(superClass, Bindings.of(superClass, TypeUse.of(superType), scope)));
        }
        for (Field f : type.getDeclaredFields()) {
            int m = f.getModifiers();
            if (Modifier.isStatic(m) || Modifier.isTransient(m) || f.isSynthetic()) {
                continue;
            }
            out.add(new Property(site(type, f.getName(), f.getAnnotation(Param.class), f.getAnnotatedType(),
                    Arrays.asList(f.getAnnotations())), scope));
        }
        return out;
    }

    private static Site site(Class<?> owner, String javaName, Param param, AnnotatedType type,
                             List<Annotation> annotations) {
        String name = param != null && !param.name().isEmpty() ? param.name() : javaName;
        return new Site(name, param == null ? "" : param.description(), TypeUse.of(type), annotations,
                param == null || param.required(), owner.getSimpleName() + "." + javaName);
    }
}
