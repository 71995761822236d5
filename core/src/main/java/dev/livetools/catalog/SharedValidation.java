package dev.livetools.catalog;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import org.hibernate.validator.HibernateValidator;

/**
 * One Hibernate Validator per JVM, created on first use. Bootstrapping costs a few hundred milliseconds cold (EL,
 * resource bundles, metadata), so dispatchers share it instead of paying per session; a factory is thread-safe and
 * caches class metadata, which sharing also shares.
 */
final class SharedValidation {

    private SharedValidation() {
    }

    private static final class Holder {
        static final ValidatorFactory FACTORY = Validation.byProvider(HibernateValidator.class).configure()
                .buildValidatorFactory();
    }

    static Validator validator() {
        return Holder.FACTORY.getValidator();
    }
}
