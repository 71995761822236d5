package dev.livetools.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.livetools.sdk.ToolContext;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns a call's {@code args} into the Java argument array of one tool method: a binder per parameter chosen once at
 * catalog build, the injected {@link ToolContext}, absent values, and the report of unknown argument names.
 */
final class ArgumentBinder {

    /** One Java parameter: injected context, or an argument with its binder and absent value. */
    private record Slot(int index, String name, boolean context, boolean required, boolean optional,
                        Object absent, ValueBinder binder) {
    }

    private final String toolName;
    private final Slot[] slots;
    private final Set<String> argumentNames;
    private final String argumentList;

    private ArgumentBinder(String toolName, Slot[] slots) {
        this.toolName = toolName;
        this.slots = slots;
        this.argumentNames = new HashSet<>();
        for (Slot s : slots) {
            if (!s.context) {
                argumentNames.add(s.name);
            }
        }
        this.argumentList = Arrays.stream(slots).filter(s -> !s.context).map(Slot::name)
                .collect(Collectors.joining(", "));
    }

    /** The binder for {@code tool}, or {@code null} with the reasons in {@code problems}. */
    static ArgumentBinder create(ToolDescriptor tool, Problems problems) {
        int before = problems.size();
        Slot[] slots = new Slot[tool.method().getParameterCount()];
        for (ToolParameter p : tool.parameters()) {
            slots[p.index()] = slot(p, tool.signature(), problems);
        }
        return problems.size() > before ? null : new ArgumentBinder(tool.name(), slots);
    }

    private static Slot slot(ToolParameter p, String where, Problems problems) {
        if (p.role() == ToolParameter.Role.CONTEXT) {
            return new Slot(p.index(), "", true, false, false, null, null);
        }
        Type type = p.type();
        boolean optional = rawClass(type) == Optional.class;
        Type valueType = type;
        if (optional) {
            valueType = type instanceof ParameterizedType pt ? pt.getActualTypeArguments()[0] : Object.class;
        }
        ValueBinder binder = valueType instanceof Class<?> c ? ScalarBinders.forType(c) : null;
        if (binder == null) {
            try {
                binder = new JacksonBinder(ToolJson.mapper().constructType(valueType));
            } catch (RuntimeException e) {
                problems.add(where + ": parameter '" + p.name() + "' of type " + valueType.getTypeName()
                        + " cannot be read from JSON (" + e.getMessage() + ")");
            }
        }
        Object absent = optional ? Optional.empty() : primitiveDefault(rawClass(type));
        return new Slot(p.index(), p.name(), false, p.required(), optional, absent, binder);
    }

    /** Binds {@code args} to the method's parameters; problems go to {@code out}, never thrown. */
    Object[] bind(ObjectNode args, ToolContext context, Violations out) {
        Object[] values = new Object[slots.length];
        int present = 0;
        for (Slot s : slots) {
            if (s.context) {
                values[s.index] = context;
                continue;
            }
            JsonNode node = args.get(s.name);
            if (node != null) {
                present++;
            }
            if (node == null || node.isNull()) {
                if (s.required) {
                    out.add(new Violation(s.index, s.name, Violation.REQUIRED, "is required", node));
                } else {
                    values[s.index] = s.absent;
                }
                continue;
            }
            Object v = s.binder.bind(node, s.index, s.name, out);
            if (v != ValueBinder.FAILED) {
                values[s.index] = s.optional ? Optional.of(v) : v;
            }
        }
        if (args.size() > present) {
            reportUnknown(args, out);
        }
        return values;
    }

    /** What every absent argument binds to (the context left {@code null}): the warm-up's placeholder call. */
    Object[] placeholders() {
        Object[] values = new Object[slots.length];
        for (Slot s : slots) {
            values[s.index] = s.context ? null : s.absent;
        }
        return values;
    }

    /** The argument name of Java parameter {@code index}, as violation paths start. */
    String name(int index) {
        return slots[index].name;
    }

    private void reportUnknown(ObjectNode args, Violations out) {
        Iterator<String> names = args.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!argumentNames.contains(name)) {
                out.add(new Violation(Integer.MAX_VALUE, name, Violation.UNKNOWN, "is not a parameter of "
                        + toolName + (argumentList.isEmpty() ? ", which takes none" : "; its parameters are "
                        + argumentList), args.get(name)));
            }
        }
    }

    static Class<?> rawClass(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType pt && pt.getRawType() instanceof Class<?> c) {
            return c;
        }
        return Object.class;
    }

    private static Object primitiveDefault(Class<?> type) {
        if (!type.isPrimitive()) {
            return null;
        }
        if (type == boolean.class) {
            return Boolean.FALSE;
        }
        if (type == char.class) {
            return '\0';
        }
        if (type == long.class) {
            return 0L;
        }
        if (type == double.class) {
            return 0d;
        }
        if (type == float.class) {
            return 0f;
        }
        if (type == short.class) {
            return (short) 0;
        }
        if (type == byte.class) {
            return (byte) 0;
        }
        return 0;
    }
}
