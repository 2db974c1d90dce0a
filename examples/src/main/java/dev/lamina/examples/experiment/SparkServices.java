package dev.lamina.examples.experiment;

import dev.lamina.runtime.InvalidInputException;
import java.util.ServiceLoader;

/**
 * lamina-spark's implementations, found through {@link ServiceLoader} so that the CLI names no
 * Spark type: the experiment's distributed {@link RunScheduler.Provider} and the CLI's distributed
 * predict.
 */
public final class SparkServices {

    private SparkServices() {
    }

    /**
     * The implementation of {@code type} on the class path.
     *
     * @param master the {@code --spark} value, for the message
     * @throws InvalidInputException when none is there (lamina-spark's jars are not on the class
     *     path), saying how to add them
     */
    public static <T> T find(Class<T> type, String master) {
        return ServiceLoader.load(type).findFirst()
                .orElseThrow(() -> new InvalidInputException("--spark " + master
                        + ": Spark is not on the class path. Run ./lamina, which adds"
                        + " spark/target/lamina-spark/jars when --spark is given, or put lamina-spark"
                        + " and Spark's jars on the class path yourself (docs/scale-out.md)."));
    }
}
