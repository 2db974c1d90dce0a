package dev.lamina.examples.cli;

import dev.lamina.runtime.InvalidInputException;
import java.io.IOException;
import java.io.PrintStream;
import java.util.List;

/**
 * {@code lamina predict --spark MASTER}: batch prediction as a distributed job, implemented by
 * lamina-spark (found through {@link java.util.ServiceLoader}); the CLI knows no Spark class.
 */
public interface DistributedPredict {

    /**
     * What {@code lamina predict --spark} was asked.
     *
     * @param master the Spark master ({@code local[N]}, {@code spark://...}, {@code submit})
     * @param modelDir the saved model directory (a path or Hadoop file system URI)
     * @param inputs image folders, image files, or manifests ({@code .txt}: one image path or URI
     *     a line)
     * @param out the output directory (path or URI): {@code parquet/} and {@code csv/} go in it
     * @param topK classes per image
     * @param batchSize images per forward pass
     * @param resize {@code none}, {@code stretch}, {@code crop}, or null for the model's policy
     */
    record Request(String master, String modelDir, List<String> inputs, String out, int topK, int batchSize,
                   String resize) {}

    /** Runs the job; returns the command's exit code. */
    int run(Request request, PrintStream out) throws IOException;

    /**
     * The implementation on the class path.
     *
     * @throws InvalidInputException when lamina-spark is not on the class path, saying how to add it
     */
    static DistributedPredict find(String master) {
        return dev.lamina.examples.experiment.SparkServices.find(DistributedPredict.class, master);
    }
}
