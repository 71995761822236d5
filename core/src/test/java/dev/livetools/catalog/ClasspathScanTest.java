package dev.livetools.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.livetools.catalog.scanfixture.ClockTools;
import dev.livetools.catalog.scanfixture.CounterTools;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClasspathScanTest {

    private static final String FIXTURES = "dev.livetools.catalog.scanfixture";

    @Test
    void scanningAPackageFindsEveryToolClassInIt() {
        try (ToolCatalog catalog = ToolCatalog.builder().scanClasspath(FIXTURES).build()) {
            assertThat(catalog.names()).containsExactly("add", "now", "total");
            assertThat(catalog.descriptor("now").orElseThrow().origin()).isEqualTo("classpath");
        }
    }

    @Test
    void aClassBothAddedAndScannedIsIntrospectedOnce() {
        try (ToolCatalog catalog = ToolCatalog.builder().addClasses(ClockTools.class).scanClasspath(FIXTURES).build()) {
            assertThat(catalog.names()).containsExactly("add", "now", "total");
        }
    }

    @Test
    void scanningAPackageWithoutToolsGivesAnEmptyCatalog() {
        try (ToolCatalog catalog = ToolCatalog.builder().scanClasspath("dev.livetools.nothing.here").build()) {
            assertThat(catalog.tools()).isEmpty();
            assertThat(catalog.tool()).isEmpty();
        }
    }

    @Test
    void instanceToolsOfOneClassShareTheInstanceCreatedOnce() throws Exception {
        try (ToolCatalog catalog = ToolCatalog.builder().scanClasspath(FIXTURES).build()) {
            ToolDescriptor add = catalog.descriptor("add").orElseThrow();
            ToolDescriptor total = catalog.descriptor("total").orElseThrow();
            assertThat(add.target()).isSameAs(total.target()).isInstanceOf(CounterTools.class);
            add.method().invoke(add.target(), 3);
            assertThat(total.method().invoke(total.target())).isEqualTo(3);
        }
    }

    @Test
    void aUserInstanceFactorySuppliesTheInstances() {
        CounterTools managed = new CounterTools();
        List<Class<?>> asked = new ArrayList<>();
        try (ToolCatalog catalog = ToolCatalog.builder().scanClasspath(FIXTURES)
                .instanceFactory(type -> {
                    asked.add(type);
                    return managed;
                }).build()) {
            assertThat(catalog.descriptor("add").orElseThrow().target()).isSameAs(managed);
            assertThat(asked).containsExactly(CounterTools.class);
        }
    }

    @Test
    void theToolEntryHoldsEveryDeclarationInNameOrder() {
        try (ToolCatalog catalog = ToolCatalog.builder().scanClasspath(FIXTURES).build()) {
            assertThat(catalog.tool().orElseThrow().functionDeclarations())
                    .extracting(d -> d.name()).containsExactly("add", "now", "total");
        }
    }
}
