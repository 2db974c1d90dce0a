package dev.lamina.spark;

import dev.lamina.examples.cli.LaminaCli;
import dev.lamina.runtime.InvalidInputException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * Starts the Spark context a {@code --spark MASTER} names, the one place that configures Spark for
 * Lamina's jobs.
 */
public final class SparkJobs {
    /** The {@code --spark} value that takes the master {@code spark-submit} configured. */
    public static final String SUBMIT = "submit";

    private SparkJobs() {
    }

    /**
     * A Spark context on {@code master}. Every {@code spark.*} system property is read (what
     * {@code spark-submit} and {@code -Dspark...} set). On a cluster master, unless {@code
     * spark.jars} or {@code spark.executor.extraClassPath} is configured, the jars this JVM runs
     * Lamina from (lamina.jar and lamina-spark.jar) are shipped to the executors. Executors get
     * DJL's offline settings and headless AWT unless {@code spark.executor.extraJavaOptions} (or
     * {@code spark.executorEnv.*}) says otherwise.
     *
     * @throws InvalidInputException when {@code master} is {@value #SUBMIT} and no master is set
     */
    public static JavaSparkContext start(String master, String appName) {
        SparkConf conf = new SparkConf().setAppName(appName);
        if (SUBMIT.equals(master)) {
            if (!conf.contains("spark.master")) {
                throw new InvalidInputException("--spark " + SUBMIT + ": no Spark master is set; run the"
                        + " command under spark-submit --master ..., or give the master, e.g. --spark local[2]");
            }
        } else {
            conf.setMaster(master);
        }
        // Executors run Lamina as the CLI does: DJL never downloads nor phones home, charts headless.
        conf.setIfMissing("spark.executorEnv.DJL_OFFLINE", "true");
        conf.setIfMissing("spark.executorEnv.OPT_OUT_TRACKING", "true");
        conf.setIfMissing("spark.executor.extraJavaOptions",
                "-Djava.awt.headless=true -Dai.djl.offline=true -DOPT_OUT_TRACKING=true");
        String effective = conf.get("spark.master");
        if (!effective.startsWith("local") && !conf.contains("spark.jars")
                && !conf.contains("spark.executor.extraClassPath")) {
            conf.setJars(laminaJars().toArray(String[]::new));
        }
        return new JavaSparkContext(conf);
    }

    /** The jar files this JVM loads Lamina's CLI and lamina-spark from (class folders left out). */
    static List<String> laminaJars() {
        List<String> jars = new ArrayList<>();
        for (Class<?> type : List.of(LaminaCli.class, SparkJobs.class)) {
            try {
                Path source = Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
                if (Files.isRegularFile(source) && !jars.contains(source.toString())) {
                    jars.add(source.toString());
                }
            } catch (URISyntaxException | SecurityException | NullPointerException e) {
                // no jar to ship for this class: the cluster must provide it (spark.jars)
            }
        }
        return jars;
    }
}
