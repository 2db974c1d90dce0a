package dev.lamina.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.launcher.JavaModuleOptions;
import org.junit.jupiter.api.Test;

/** The Java 17 flags the build gives a driver started without spark-submit are Spark's own. */
class SparkOptionsTest {
    @Test
    void theDriversJavaOptionsAreSparksModuleOptions() {
        assertEquals(JavaModuleOptions.defaultModuleOptions(), System.getProperty("lamina.spark.javaOptions"),
                "spark/pom.xml's spark.java.options must be Spark's JavaModuleOptions for this Spark version");
    }

    @Test
    void theLauncherReadsThemWhenACommandHasSpark() throws IOException {
        String launcher = Files.readString(Path.of("..", "lamina"));
        assertTrue(launcher.contains("$(cat \"$spark_dist/java-options\")"), "./lamina passes the flags");
        assertTrue(launcher.contains("-cp \"$jar:$spark_dist/jars/*\""), "./lamina adds Spark's jars");
    }
}
