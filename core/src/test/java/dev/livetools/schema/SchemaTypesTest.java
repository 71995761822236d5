package dev.livetools.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.livetools.protocol.Schema;
import dev.livetools.sdk.Param;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class SchemaTypesTest {

    private final SchemaGenerator generator = new SchemaGenerator();

    enum Color { RED, GREEN }

    record Schedule(@Param(description = "Start of the slot") LocalTime start, int minutes) {
    }

    record Page<T>(List<T> items, int total) {
    }

    record Renamed(@Param(name = "room_name", description = "Which room") String room,
                   @Param(required = false) Integer level) {
    }

    public static class Pojo {
        private static final int IGNORED_CONSTANT = 1;
        private transient String ignoredCache;
        private String label;
        @Param(name = "qty", description = "How many") private int quantity;
        private Optional<String> note;
    }

    public static class BasePojo<T> {
        protected T value;
    }

    public static class StringPojo extends BasePojo<String> {
        protected boolean flag;
    }

    record Holder(Optional<Schedule> maybe, Map<String, Schedule> byName) {
    }

    // Field types whose generic form the tests read by name: a compact way to get List<Schedule> and the like.
    static class Types {
        List<Schedule> schedules;
        Set<String> tags;
        Collection<Integer> counts;
        Map<String, Integer> stock;
        Map<String, List<String>> aliases;
        Optional<String> maybeText;
        Page<Schedule> page;
        String[] names;
        int[][] grid;
    }

    private Schema schemaOfField(String field) throws NoSuchFieldException {
        Type t = Types.class.getDeclaredField(field).getGenericType();
        return generator.schemaFor(t);
    }

    private String json(Type type) {
        return Json.of(generator.schemaFor(type));
    }

    @Test
    void primitivesAndBoxesMapToIntegerNumberAndBooleanWithFormats() {
        assertThat(json(int.class)).isEqualTo("{\"type\":\"INTEGER\",\"format\":\"int32\"}");
        assertThat(json(Integer.class)).isEqualTo("{\"type\":\"INTEGER\",\"format\":\"int32\"}");
        assertThat(json(long.class)).isEqualTo("{\"type\":\"INTEGER\",\"format\":\"int64\"}");
        assertThat(json(Long.class)).isEqualTo("{\"type\":\"INTEGER\",\"format\":\"int64\"}");
        assertThat(json(short.class)).isEqualTo("{\"type\":\"INTEGER\",\"format\":\"int32\",\"minimum\":-32768,\"maximum\":32767}");
        assertThat(json(Byte.class)).isEqualTo("{\"type\":\"INTEGER\",\"format\":\"int32\",\"minimum\":-128,\"maximum\":127}");
        assertThat(json(double.class)).isEqualTo("{\"type\":\"NUMBER\",\"format\":\"double\"}");
        assertThat(json(Float.class)).isEqualTo("{\"type\":\"NUMBER\",\"format\":\"float\"}");
        assertThat(json(boolean.class)).isEqualTo("{\"type\":\"BOOLEAN\"}");
        assertThat(json(Boolean.class)).isEqualTo("{\"type\":\"BOOLEAN\"}");
    }

    @Test
    void stringIsAPlainString() {
        assertThat(json(String.class)).isEqualTo("{\"type\":\"STRING\"}");
    }

    @Test
    void charIsAStringOfExactlyOneCharacter() {
        assertThat(json(char.class)).isEqualTo(
                "{\"type\":\"STRING\",\"description\":\"A single character.\",\"minLength\":1,\"maxLength\":1}");
        assertThat(json(Character.class)).isEqualTo(json(char.class));
    }

    @Test
    void enumIsAStringWithItsConstantNamesAsValues() {
        assertThat(json(Color.class)).isEqualTo("{\"type\":\"STRING\",\"format\":\"enum\",\"enum\":[\"RED\",\"GREEN\"]}");
        assertThat(generator.schemaFor(DayOfWeek.class).enumValues()).hasSize(7).startsWith("MONDAY");
    }

    @Test
    void arraysBecomeArraysOfTheirElementSchema() throws Exception {
        assertThat(Json.of(schemaOfField("names"))).isEqualTo("{\"type\":\"ARRAY\",\"items\":{\"type\":\"STRING\"}}");
        assertThat(Json.of(schemaOfField("grid"))).isEqualTo(
                "{\"type\":\"ARRAY\",\"items\":{\"type\":\"ARRAY\",\"items\":{\"type\":\"INTEGER\",\"format\":\"int32\"}}}");
    }

    @Test
    void byteArrayIsABase64StringWithAPatternNotTheByteFormatTheServiceRefuses() {
        Schema s = generator.schemaFor(byte[].class);

        assertThat(s.type()).isEqualTo(Schema.Type.STRING);
        assertThat(s.format()).isNull();
        assertThat(s.description()).contains("base64");
        assertThat(Pattern.compile(s.pattern()).matcher("aGVsbG8=").matches()).isTrue();
        assertThat(Pattern.compile(s.pattern()).matcher("not base64!").matches()).isFalse();
    }

    @Test
    void listAndCollectionBecomeArraysAndSetSaysItemsAreDistinct() throws Exception {
        assertThat(Json.of(schemaOfField("counts"))).isEqualTo(
                "{\"type\":\"ARRAY\",\"items\":{\"type\":\"INTEGER\",\"format\":\"int32\"}}");
        assertThat(Json.of(schemaOfField("tags"))).isEqualTo(
                "{\"type\":\"ARRAY\",\"description\":\"Items must be distinct.\",\"items\":{\"type\":\"STRING\"}}");
    }

    @Test
    void genericArgumentsAreResolvedSoListOfRecordsDescribesTheRecord() throws Exception {
        Schema schedules = schemaOfField("schedules");
        assertThat(schedules.type()).isEqualTo(Schema.Type.ARRAY);
        assertThat(schedules.items().properties()).containsOnlyKeys("start", "minutes");
        assertThat(schedules.items().properties().get("start").description()).startsWith("Start of the slot. ");
    }

    @Test
    void typeVariablesOfAGenericRecordAreBoundFromTheUse() throws Exception {
        Schema page = schemaOfField("page");
        assertThat(page.propertyOrdering()).containsExactly("items", "total");
        assertThat(page.properties().get("items").items().propertyOrdering()).containsExactly("start", "minutes");
    }

    @Test
    void mapWithStringKeysIsAnObjectWhoseDescriptionSaysWhatTheValuesAre() throws Exception {
        assertThat(Json.of(schemaOfField("stock"))).isEqualTo("{\"type\":\"OBJECT\",\"description\":"
                + "\"An object with any string keys; each value is an integer.\"}");
        assertThat(schemaOfField("aliases").description())
                .isEqualTo("An object with any string keys; each value is an array of string.");
    }

    @Test
    void recordBecomesAnObjectWithComponentsInOrderAllRequired() {
        assertThat(Json.of(generator.schemaFor(Schedule.class))).isEqualTo("{\"type\":\"OBJECT\",\"properties\":{"
                + "\"start\":{\"type\":\"STRING\",\"description\":\"Start of the slot. A local time (ISO-8601, HH:mm or "
                + "HH:mm:ss), e.g. 09:30:00.\",\"pattern\":\"^\\\\d{2}:\\\\d{2}(:\\\\d{2}(\\\\.\\\\d{1,9})?)?$\"},"
                + "\"minutes\":{\"type\":\"INTEGER\",\"format\":\"int32\"}},"
                + "\"required\":[\"start\",\"minutes\"],\"propertyOrdering\":[\"start\",\"minutes\"]}");
    }

    @Test
    void paramOnRecordComponentsRenamesDescribesAndMakesOptional() {
        Schema s = generator.schemaFor(Renamed.class);
        assertThat(s.propertyOrdering()).containsExactly("room_name", "level");
        assertThat(s.properties().get("room_name").description()).isEqualTo("Which room");
        assertThat(s.required()).containsExactly("room_name");
    }

    @Test
    void pojoFieldsBecomePropertiesSkippingStaticAndTransientWithParamNamesAndOptionalFields() {
        Schema s = generator.schemaFor(Pojo.class);
        assertThat(s.propertyOrdering()).containsExactly("label", "qty", "note");
        assertThat(s.properties().get("qty").description()).isEqualTo("How many");
        assertThat(s.properties().get("note").nullable()).isTrue();
        assertThat(s.required()).containsExactly("label", "qty");
    }

    @Test
    void inheritedFieldsOfAGenericSuperclassResolveItsTypeArgumentAndComeFirst() {
        Schema s = generator.schemaFor(StringPojo.class);
        assertThat(Json.of(s)).isEqualTo("{\"type\":\"OBJECT\",\"properties\":{\"value\":{\"type\":\"STRING\"},"
                + "\"flag\":{\"type\":\"BOOLEAN\"}},\"required\":[\"value\",\"flag\"],"
                + "\"propertyOrdering\":[\"value\",\"flag\"]}");
    }

    @Test
    void aTopLevelRecordWithANullableComponentIsExpandedWithThatComponentOptional() {
        Schema s = generator.schemaFor(TopLevelReading.class);
        assertThat(s.propertyOrdering()).containsExactly("sensor", "value");
        assertThat(s.properties().get("value").nullable()).isTrue();
        assertThat(s.properties().get("sensor").nullable()).isNull();
        assertThat(s.required()).containsExactly("sensor");
    }

    @Test
    void aTopLevelPlainClassIsExpandedLikeANestedOne() {
        Schema s = generator.schemaFor(TopLevelSettings.class);
        assertThat(s.propertyOrdering()).containsExactly("mode", "level");
    }

    @Test
    void nestedRecordsInsideOptionalAndMapAreExpanded() {
        Schema s = generator.schemaFor(Holder.class);
        assertThat(s.properties().get("maybe").nullable()).isTrue();
        assertThat(s.properties().get("maybe").propertyOrdering()).containsExactly("start", "minutes");
        assertThat(s.properties().get("byName").description())
                .isEqualTo("An object with any string keys; each value is an object with fields start, minutes.");
        assertThat(s.required()).containsExactly("byName");
    }

    @Test
    void optionalIsTheValueSchemaMarkedNullable() throws Exception {
        assertThat(Json.of(schemaOfField("maybeText"))).isEqualTo("{\"type\":\"STRING\",\"nullable\":true}");
        assertThat(json(OptionalInt.class)).isEqualTo("{\"type\":\"INTEGER\",\"format\":\"int32\",\"nullable\":true}");
    }

    @Test
    void bigDecimalIsANumberAndBigIntegerAnInteger() {
        assertThat(generator.schemaFor(BigDecimal.class).type()).isEqualTo(Schema.Type.NUMBER);
        assertThat(generator.schemaFor(BigDecimal.class).format()).isNull();
        assertThat(generator.schemaFor(BigInteger.class).type()).isEqualTo(Schema.Type.INTEGER);
        assertThat(generator.schemaFor(BigInteger.class).format()).isNull();
    }

    @Test
    void uuidIsAStringWithAPatternAndAnExampleNotTheUuidFormatTheServiceRefuses() {
        Schema s = generator.schemaFor(UUID.class);
        assertThat(s.format()).isNull();
        assertThat(Pattern.compile(s.pattern()).matcher("123e4567-e89b-12d3-a456-426614174000").matches()).isTrue();
        assertThat(s.description()).contains("e.g. 123e4567-e89b-12d3-a456-426614174000");
        UUID.fromString("123e4567-e89b-12d3-a456-426614174000");
    }

    @Test
    void javaTimeTypesAreStringsWithAFormatOrPatternAndAnExampleThatParses() {
        assertTimeExample(Instant.class, Instant::parse);
        assertTimeExample(OffsetDateTime.class, OffsetDateTime::parse);
        assertTimeExample(ZonedDateTime.class, ZonedDateTime::parse);
        assertTimeExample(LocalDateTime.class, LocalDateTime::parse);
        assertTimeExample(LocalDate.class, LocalDate::parse);
        assertTimeExample(LocalTime.class, LocalTime::parse);
        assertTimeExample(Duration.class, Duration::parse);
        assertTimeExample(Period.class, Period::parse);
        assertTimeExample(YearMonth.class, YearMonth::parse);
        assertTimeExample(ZoneId.class, ZoneId::of);
    }

    private void assertTimeExample(Class<?> type, java.util.function.Function<String, ?> parser) {
        Schema s = generator.schemaFor(type);
        assertThat(s.type()).as(type.getSimpleName()).isEqualTo(Schema.Type.STRING);
        assertThat(s.description()).as(type.getSimpleName()).contains("e.g. ");
        String example = s.description().replaceAll(".*e\\.g\\. (\\S+?)[,.]?( .*)?$", "$1");
        assertThat(parser.apply(example)).as(type.getSimpleName() + " example " + example).isNotNull();
        if (s.pattern() != null) {
            assertThat(Pattern.compile(s.pattern()).matcher(example).find())
                    .as(type.getSimpleName() + " pattern matches its own example " + example).isTrue();
        } else if (type != ZoneId.class) {
            assertThat(s.format()).as(type.getSimpleName()).isEqualTo("date-time");
        }
    }
}
