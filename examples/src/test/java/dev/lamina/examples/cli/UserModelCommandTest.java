package dev.lamina.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.processor.LaminaProcessor;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import javax.imageio.ImageIO;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A user's own {@code @Model}, compiled outside the CLI's jar, trained, summarized and predicted
 * with through {@code lamina --classpath} (issue 23 item 2).
 */
class UserModelCommandTest {
    private static final String MODEL = "com.example.model.Shapes";

    @TempDir
    static Path dir;
    static Path classes;
    static Path images;

    @BeforeAll
    static void compileTheUsersModelAndDrawTheirImages() throws IOException {
        Path source = dir.resolve("src/com/example/model/Shapes.java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, """
                package com.example.model;

                import dev.lamina.*;

                @Model(input = {3, 16, 16})
                public class Shapes {
                    @Conv(filters = 8, bias = false) @BatchNorm @ReLU   Layer conv1;
                    @MaxPool                                           Layer pool1;
                    @GlobalAvgPool                                     Layer gap;
                    @Dense(units = 2)                                  Layer logits;
                }
                """);
        classes = Files.createDirectories(dir.resolve("classes"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        try (StandardJavaFileManager files = javac.getStandardFileManager(null, Locale.ROOT, null)) {
            JavaCompiler.CompilationTask task = javac.getTask(null, files, null,
                    List.of("-d", classes.toString(), "-classpath", System.getProperty("java.class.path")),
                    null, files.getJavaFileObjects(source));
            task.setProcessors(List.of(new LaminaProcessor()));
            assertTrue(task.call(), "the user's model compiles");
        }
        assertTrue(Files.isRegularFile(classes.resolve("com/example/model/ShapesNet.class")));
        images = dir.resolve("images");
        Random random = new Random(3);
        for (String cls : List.of("blue", "red")) {
            Files.createDirectories(images.resolve(cls));
            for (int i = 0; i < 16; i++) {
                BufferedImage image = new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB);
                for (int y = 0; y < 16; y++) {
                    for (int x = 0; x < 16; x++) {
                        int strong = 160 + random.nextInt(90);
                        int weak = random.nextInt(60);
                        image.setRGB(x, y, cls.equals("red") ? strong << 16 | weak : weak << 16 | strong);
                    }
                }
                ImageIO.write(image, "png", images.resolve(cls).resolve(i + ".png").toFile());
            }
        }
    }

    @Test
    void theUsersModelTrainsAndPredictsThroughClasspath() throws IOException {
        CliRun summary = CliRun.of("--classpath", classes.toString(), "summary", MODEL);
        assertEquals(LaminaCli.OK, summary.code(), summary.both());
        assertTrue(summary.out().contains("Shapes") && summary.out().contains("conv1"), summary.out());

        Path run = dir.resolve("run");
        CliRun train = CliRun.of("--classpath", classes.toString(), "train", MODEL, "--dataset", "folder",
                "--data", images.toString(), "--epochs", "1", "--batch-size", "8", "--device", "cpu",
                "--out", run.toString());
        assertEquals(LaminaCli.OK, train.code(), train.both());
        assertTrue(Files.isDirectory(run.resolve("model")), train.out());

        String image = images.resolve("red/0.png").toString();
        CliRun predict = CliRun.of("--classpath", classes.toString(), "predict", run.resolve("model").toString(), image);
        assertEquals(LaminaCli.OK, predict.code(), predict.both());
        assertTrue(predict.out().contains("Shapes") && predict.out().contains(image + ": "), predict.out());

        CliRun without = CliRun.of("predict", run.resolve("model").toString(), image);
        assertEquals(LaminaCli.USAGE, without.code(), "the saved model's Net is not on the CLI's own class path: "
                + without.both());
        assertTrue(without.err().contains("com.example.model.ShapesNet"), without.err());
    }

    @Test
    void aClasspathEntryThatIsNotThereIsAUsageErrorNamingIt() {
        Path missing = dir.resolve("my-models/target/classes");
        CliRun run = CliRun.of("--classpath", missing.toString(), "summary", MODEL);
        assertEquals(LaminaCli.USAGE, run.code(), run.both());
        assertTrue(run.err().contains("--classpath: " + missing + " does not exist"), run.err());
        assertEquals(1, run.err().strip().lines().count(), run.err());

        CliRun empty = CliRun.of("--classpath", classes + "::" + classes, "summary", MODEL);
        assertEquals(LaminaCli.USAGE, empty.code(), "an empty entry would add the working directory: " + empty.both());
        assertTrue(empty.err().contains("--classpath: an empty entry"), empty.err());

        CliRun unknown = CliRun.of("summary", MODEL);
        assertEquals(LaminaCli.USAGE, unknown.code(), unknown.both());
        assertTrue(unknown.err().contains("Unknown model '" + MODEL + "'") && unknown.err().contains("lamina --classpath"),
                "a qualified name that is not there points to --classpath: " + unknown.err());
    }
}
