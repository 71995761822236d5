package dev.livetools.catalog;

/**
 * Creates the one instance of a tool class that a catalog calls instance methods on. The default uses the public
 * no-argument constructor; supply another to take instances from a DI container.
 */
@FunctionalInterface
public interface InstanceFactory {

    /**
     * Creates or looks up the instance for {@code toolClass}.
     *
     * @param toolClass a class declaring at least one instance {@code @LiveTool} method
     * @return the instance; never {@code null}
     * @throws Exception if it cannot be created; discovery then fails naming the class
     */
    Object create(Class<?> toolClass) throws Exception;
}
