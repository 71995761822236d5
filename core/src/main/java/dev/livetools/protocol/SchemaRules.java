package dev.livetools.protocol;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What the real Gemini service accepts in a function declaration, written down once. The schema generator checks
 * its own output against these rules when a catalog is built (so a tool the service would refuse fails at
 * discovery, naming the tool and parameter), and the testkit emulator refuses a {@code setup} that breaks them, with
 * close 1007 and the service's own wording. Nothing else in the code base may carry a second copy of a rule.
 *
 * <p>The rules and where they come from:
 * <ul>
 *   <li><b>Types</b>: {@code STRING, NUMBER, INTEGER, BOOLEAN, ARRAY, OBJECT, NULL} (and the proto default
 *       {@code TYPE_UNSPECIFIED}); upper or lower case ([PY] {@code types.Schema}, live-protocol.md §3.1.1).</li>
 *   <li><b>Fields</b> of a {@code Schema}: the OpenAPI subset of live-protocol.md §3.1.1; anything else
 *       ({@code $schema}, {@code additionalProperties}, {@code const}, {@code exclusiveMinimum}, ...) fails proto
 *       parsing with "Unknown name" (openswarm-ai/openswarm#24, zed-industries/zed#44875; Gotcha 8).</li>
 *   <li><b>Formats</b> are a closed list per type: STRING {@code enum}, {@code date-time}; INTEGER {@code int32},
 *       {@code int64}; NUMBER {@code float}, {@code double}; none on other types. Anything else is refused with
 *       "format: only 'enum' and 'date-time' are supported for STRING type" (live-protocol.md Gotcha 22; the
 *       ai.google.dev {@code Schema} reference; google-gemini/gemini-cli#3178; enechange/collmbo#195). The INTEGER
 *       and NUMBER texts follow the same pattern; the text for other types is ours.</li>
 *   <li><b>enum</b> only on STRING ("enum: only allowed for STRING type", musistudio/claude-code-router#475,
 *       diegosouzapw/OmniRoute#760), and its members are strings ("Invalid value at '...enum[3]' (TYPE_STRING), 3",
 *       microsoft/azure-devops-mcp#145).</li>
 *   <li><b>ARRAY</b> needs {@code items}; {@code required} names only defined properties (proto validation of the
 *       service; the emulator's long-standing checks).</li>
 *   <li><b>Function names</b>: start with a letter or underscore, then letters, digits, {@code _ . : -}, at most 64
 *       characters (ai.google.dev {@code FunctionDeclaration.name}: "a-z, A-Z, 0-9, or contain underscores,
 *       colons, dots, and dashes, with a maximum length of 64"; live-protocol.md §3.1.1 allows the colon too; its
 *       128 is the older Vertex text, so the stricter 64 is kept: a name valid for one backend is valid for
 *       both).</li>
 * </ul>
 */
public final class SchemaRules {

    /** Longest function name the service accepts. */
    public static final int FUNCTION_NAME_MAX_LENGTH = 64;

    /** The service's function-name rule. */
    public static final Pattern FUNCTION_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.:-]{0,"
            + (FUNCTION_NAME_MAX_LENGTH - 1) + "}");

    /** Schema types the service knows, as written on the wire (case-insensitive there). */
    public static final Set<String> TYPES = Set.of("TYPE_UNSPECIFIED", "STRING", "NUMBER", "INTEGER", "BOOLEAN",
            "ARRAY", "OBJECT", "NULL");

    /** Every field a {@code Schema} object may carry. */
    public static final Set<String> FIELDS = Set.of("type", "format", "title", "description", "nullable", "enum",
            "items", "minItems", "maxItems", "properties", "required", "minimum", "maximum", "minLength", "maxLength",
            "pattern", "minProperties", "maxProperties", "anyOf", "propertyOrdering", "default", "example");

    private static final Map<String, List<String>> FORMATS = Map.of(
            "STRING", List.of("enum", "date-time"),
            "INTEGER", List.of("int32", "int64"),
            "NUMBER", List.of("float", "double"));

    /** The reason the service gives for {@code enum} on a type other than STRING. */
    public static final String ENUM_ONLY_ON_STRING = "only allowed for STRING type";

    /** The reason for an ARRAY schema without {@code items}. */
    public static final String ARRAY_NEEDS_ITEMS = "missing field.";

    /** The reason for a {@code required} entry that names no property. */
    public static final String REQUIRED_NOT_DEFINED = "property is not defined";

    private SchemaRules() {
    }

    /** Whether the service accepts {@code name} as a function name. */
    public static boolean isValidFunctionName(String name) {
        return name != null && FUNCTION_NAME.matcher(name).matches();
    }

    /** The service's reason for refusing {@code name}, or {@code null} when it is valid. */
    public static String functionNameError(String name) {
        if (isValidFunctionName(name)) {
            return null;
        }
        return "[FIELD_INVALID] Invalid function name \"" + name + "\". Must start with a letter or an underscore."
                + " Must be a-z, A-Z, 0-9, or contain underscores (_), dots (.), colons (:), or dashes (-), with a"
                + " maximum length of " + FUNCTION_NAME_MAX_LENGTH + ".";
    }

    /** Whether {@code type} (any case) is a schema type the service knows. */
    public static boolean isKnownType(String type) {
        return type != null && TYPES.contains(type.toUpperCase(Locale.ROOT));
    }

    /** The formats the service accepts on {@code type} (any case); empty when it accepts none. */
    public static List<String> formatsFor(String type) {
        return type == null ? List.of() : FORMATS.getOrDefault(type.toUpperCase(Locale.ROOT), List.of());
    }

    /**
     * The service's reason for refusing {@code format} on {@code type}, or {@code null} when it is accepted. An
     * absent or empty format (the proto default) is always accepted.
     */
    public static String formatError(String type, String format) {
        if (format == null || format.isEmpty()) {
            return null;
        }
        List<String> allowed = formatsFor(type);
        if (allowed.contains(format)) {
            return null;
        }
        String upper = type == null ? "TYPE_UNSPECIFIED" : type.toUpperCase(Locale.ROOT);
        if (allowed.isEmpty()) {
            return "no format is supported for " + upper + " type";
        }
        return "only '" + allowed.get(0) + "' and '" + allowed.get(1) + "' are supported for " + upper + " type";
    }

    /** Whether {@code enum} is allowed on {@code type} (any case). */
    public static boolean allowsEnum(String type) {
        return type != null && type.toUpperCase(Locale.ROOT).equals("STRING");
    }

    /** One broken rule: where ({@code properties[room].format}, relative to the checked schema) and why. */
    public record Violation(String path, String reason) {

        /** {@code path: reason}, the way the service lists its errors. */
        @Override
        public String toString() {
            return path + ": " + reason;
        }
    }

    /**
     * Every rule {@code declaration} breaks, with paths from the declaration ({@code name},
     * {@code parameters.properties[room].format}); empty when the service would accept it.
     */
    public static List<Violation> check(FunctionDeclaration declaration) {
        List<Violation> out = new ArrayList<>();
        String nameError = functionNameError(declaration.name());
        if (nameError != null) {
            out.add(new Violation("name", nameError));
        }
        if (declaration.parameters() != null) {
            check(declaration.parameters(), "parameters", out);
        }
        return List.copyOf(out);
    }

    /**
     * Every rule {@code schema} breaks, with paths relative to it ({@code format},
     * {@code properties[room].items.enum}); empty when the service would accept it.
     */
    public static List<Violation> check(Schema schema) {
        List<Violation> out = new ArrayList<>();
        check(schema, "", out);
        return List.copyOf(out);
    }

    private static void check(Schema s, String path, List<Violation> out) {
        String type = s.type().name();
        String formatError = formatError(type, s.format());
        if (formatError != null) {
            out.add(new Violation(join(path, "format"), formatError));
        }
        if (s.enumValues() != null && !allowsEnum(type)) {
            out.add(new Violation(join(path, "enum"), ENUM_ONLY_ON_STRING));
        }
        if (s.type() == Schema.Type.ARRAY && s.items() == null) {
            out.add(new Violation(join(path, "items"), ARRAY_NEEDS_ITEMS));
        }
        if (s.items() != null) {
            check(s.items(), join(path, "items"), out);
        }
        if (s.properties() != null) {
            s.properties().forEach((name, property) -> check(property, join(path, "properties[" + name + "]"), out));
        }
        if (s.required() != null) {
            for (int i = 0; i < s.required().size(); i++) {
                if (s.properties() == null || !s.properties().containsKey(s.required().get(i))) {
                    out.add(new Violation(join(path, "required[" + i + "]"), REQUIRED_NOT_DEFINED));
                }
            }
        }
    }

    private static String join(String path, String field) {
        return path.isEmpty() ? field : path + "." + field;
    }
}
