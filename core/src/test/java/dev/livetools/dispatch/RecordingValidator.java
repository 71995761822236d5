package dev.livetools.dispatch;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.validation.executable.ExecutableValidator;
import jakarta.validation.metadata.BeanDescriptor;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/** A validator that notes which thread checked what, delegating the work. */
final class RecordingValidator implements Validator {
    final List<String> parameterChecks = new CopyOnWriteArrayList<>();
    final List<String> beanChecks = new CopyOnWriteArrayList<>();
    private final Validator delegate;

    RecordingValidator(Validator delegate) {
        this.delegate = delegate;
    }

    private static String thread() {
        String name = Thread.currentThread().getName();
        return name.startsWith("livetools-warmup") ? "livetools-warmup" : name;
    }

    @Override
    public <T> Set<ConstraintViolation<T>> validate(T object, Class<?>... groups) {
        beanChecks.add(thread() + " " + object.getClass().getSimpleName());
        return delegate.validate(object, groups);
    }

    @Override
    public <T> Set<ConstraintViolation<T>> validateProperty(T object, String name, Class<?>... groups) {
        return delegate.validateProperty(object, name, groups);
    }

    @Override
    public <T> Set<ConstraintViolation<T>> validateValue(Class<T> type, String name, Object value,
                                                         Class<?>... groups) {
        return delegate.validateValue(type, name, value, groups);
    }

    @Override
    public BeanDescriptor getConstraintsForClass(Class<?> clazz) {
        return delegate.getConstraintsForClass(clazz);
    }

    @Override
    public <T> T unwrap(Class<T> type) {
        return delegate.unwrap(type);
    }

    @Override
    public ExecutableValidator forExecutables() {
        ExecutableValidator ev = delegate.forExecutables();
        return new ExecutableValidator() {
            @Override
            public <T> Set<ConstraintViolation<T>> validateParameters(T object, Method method, Object[] values,
                                                                      Class<?>... groups) {
                parameterChecks.add(thread() + " " + method.getName() + " " + Arrays.toString(values));
                return ev.validateParameters(object, method, values, groups);
            }

            @Override
            public <T> Set<ConstraintViolation<T>> validateReturnValue(T object, Method method, Object value,
                                                                       Class<?>... groups) {
                return ev.validateReturnValue(object, method, value, groups);
            }

            @Override
            public <T> Set<ConstraintViolation<T>> validateConstructorParameters(Constructor<? extends T> c,
                                                                                 Object[] values,
                                                                                 Class<?>... groups) {
                return ev.validateConstructorParameters(c, values, groups);
            }

            @Override
            public <T> Set<ConstraintViolation<T>> validateConstructorReturnValue(Constructor<? extends T> c,
                                                                                  T created, Class<?>... groups) {
                return ev.validateConstructorReturnValue(c, created, groups);
            }
        };
    }
}
