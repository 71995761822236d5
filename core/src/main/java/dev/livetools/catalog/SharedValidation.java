package dev.livetools.catalog;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.hibernate.validator.HibernateValidator;

/**
 * One Hibernate Validator per JVM, created on first use. Bootstrapping costs a few hundred milliseconds cold (EL,
 * resource bundles, metadata), so dispatchers share it instead of paying per session; a factory is thread-safe and
 * caches class metadata, which sharing also shares.
 */
final class SharedValidation {

    private SharedValidation() {
    }

    /**
     * Hibernate Validator announces itself ("HV000001: Hibernate Validator 9.x") at INFO on first use, through JBoss
     * Logging, whose fallback without Log4j or Logback is java.util.logging on stderr: a library must not print into
     * its user's terminal. That one logger is raised to WARNING unless the application set its level; held here
     * because java.util.logging keeps loggers only weakly. Hosts logging through Logback or Log4j set it there.
     */
    private static final Logger HV_VERSION_LOGGER = Logger.getLogger("org.hibernate.validator.internal.util.Version");

    private static final class Holder {
        static final ValidatorFactory FACTORY = build();

        private static ValidatorFactory build() {
            if (HV_VERSION_LOGGER.getLevel() == null) {
                HV_VERSION_LOGGER.setLevel(Level.WARNING);
            }
            return Validation.byProvider(HibernateValidator.class).configure().buildValidatorFactory();
        }
    }

    static Validator validator() {
        return Holder.FACTORY.getValidator();
    }
}
