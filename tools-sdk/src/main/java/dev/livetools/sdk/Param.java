package dev.livetools.sdk;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names and describes a tool parameter, or a component or field of a record or class used as a parameter type.
 *
 * <p>Without {@code name} the Java name is used, which for method parameters needs classes compiled with
 * {@code -parameters}; discovery fails with a message naming the parameter otherwise.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.PARAMETER, ElementType.FIELD, ElementType.RECORD_COMPONENT})
public @interface Param {

    /**
     * The name the model sees and sends back in {@code args}.
     *
     * @return the name, or empty for the Java name
     */
    String name() default "";

    /**
     * What the value means, written for the model (units, format, examples).
     *
     * @return the description, or empty for none
     */
    String description() default "";

    /**
     * Whether the model must supply the value. A parameter whose type is {@code Optional} or which carries an
     * annotation named {@code Nullable} is optional whatever this says; set {@code false} to make any other
     * parameter optional (it then receives {@code null}, or its default for primitives: prefer a box).
     *
     * @return {@code false} to make the parameter optional
     */
    boolean required() default true;
}
