package dev.livetools.schema;

import com.fasterxml.jackson.databind.PropertyName;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.NopAnnotationIntrospector;
import com.fasterxml.jackson.databind.module.SimpleModule;
import dev.livetools.sdk.Param;

/**
 * A Jackson module that makes binding agree with the schema on names: a record component, field or creator
 * parameter annotated {@code @Param(name = "x")} is read and written as {@code x}, the name the model was shown.
 * Register it on the mapper that binds {@code args}: {@code mapper.registerModule(new ParamNamesModule())}.
 */
public final class ParamNamesModule extends SimpleModule {

    private static final long serialVersionUID = 1L;

    public ParamNamesModule() {
        super("livetools-param-names");
    }

    @Override
    public void setupModule(SetupContext context) {
        super.setupModule(context);
        context.appendAnnotationIntrospector(new ParamNames());
    }

    private static final class ParamNames extends NopAnnotationIntrospector {

        private static final long serialVersionUID = 1L;

        @Override
        public PropertyName findNameForDeserialization(Annotated a) {
            return nameOf(a);
        }

        @Override
        public PropertyName findNameForSerialization(Annotated a) {
            return nameOf(a);
        }

        private static PropertyName nameOf(Annotated a) {
            Param param = a.getAnnotation(Param.class);
            return param == null || param.name().isEmpty() ? null : PropertyName.construct(param.name());
        }
    }
}
