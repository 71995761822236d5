package dev.livetools.testkit;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The JUnit 5 extension behind {@link LiveEmulatorTest}: resolves {@link LiveEmulator} and {@link LiveToolsTester}
 * parameters with one emulator per test method, closed when the method's extension context closes.
 */
public final class LiveEmulatorExtension implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(LiveEmulatorExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == LiveEmulator.class || type == LiveToolsTester.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        LiveEmulatorTest settings = settings(context);
        LiveEmulator emulator = context.getStore(NAMESPACE)
                .getOrComputeIfAbsent(EmulatorResource.class, key -> new EmulatorResource(start(settings)),
                        EmulatorResource.class).emulator;
        if (parameter.getParameter().getType() == LiveEmulator.class) {
            return emulator;
        }
        if (settings.tls()) {
            throw new ParameterResolutionException("@LiveEmulatorTest(tls = true) has no LiveToolsTester: the"
                    + " tester drives a plain ws:// emulator");
        }
        return LiveToolsTester.forEmulator(emulator)
                .apiKey(settings.apiKey().isEmpty() ? null : settings.apiKey())
                .timeout(Duration.ofSeconds(settings.timeoutSeconds()));
    }

    private static LiveEmulatorTest settings(ExtensionContext context) {
        Optional<LiveEmulatorTest> onMethod = context.getTestMethod()
                .flatMap(m -> AnnotationSupport.findAnnotation(m, LiveEmulatorTest.class));
        return onMethod.or(() -> context.getTestClass()
                        .flatMap(c -> AnnotationSupport.findAnnotation(c, LiveEmulatorTest.class)))
                .orElseThrow(() -> new ParameterResolutionException("LiveEmulatorExtension needs @LiveEmulatorTest"));
    }

    private static LiveEmulator start(LiveEmulatorTest settings) {
        LiveEmulator.Builder builder = LiveEmulator.builder().tls(settings.tls());
        if (settings.models().length > 0) {
            builder.models(settings.models());
        }
        if (!settings.apiKey().isEmpty()) {
            builder.apiKey(settings.apiKey());
        }
        return builder.start();
    }

    /** Closes the emulator with the test method's context. */
    private static final class EmulatorResource implements ExtensionContext.Store.CloseableResource {
        private final LiveEmulator emulator;

        EmulatorResource(LiveEmulator emulator) {
            this.emulator = emulator;
        }

        @Override
        public void close() {
            emulator.close();
        }
    }
}
