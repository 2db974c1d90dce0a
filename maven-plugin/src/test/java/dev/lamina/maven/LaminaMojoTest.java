package dev.lamina.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.runtime.InvalidInputException;
import dev.lamina.runtime.train.TrainingDivergedException;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.junit.jupiter.api.Test;

import java.io.PrintStream;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.List;

/** How a goal reports a failure, and how the runtime's output reaches Maven's log. */
class LaminaMojoTest {

    @Test
    void inputTheUserCanFixIsABuildFailureWithTheMessageOnOneLine() {
        MojoFailureException e = assertThrows(MojoFailureException.class, () -> LaminaMojo.rethrow(
                new InvalidInputException("--epochs must be at least 1,\n  got 0")));
        assertEquals("--epochs must be at least 1, got 0", e.getMessage());
        assertEquals("file not found: images/a.png", assertThrows(MojoFailureException.class,
                () -> LaminaMojo.rethrow(new NoSuchFileException("images/a.png"))).getMessage());
    }

    @Test
    void aDivergedRunIsABuildFailureAndAnythingElseAnExecutionError() {
        assertThrows(MojoFailureException.class, () -> LaminaMojo.rethrow(
                new TrainingDivergedException(1, 2, "the training loss", Double.NaN, 0.003f, "no checkpoint was written")));
        // DJL and PyTorch throw plain IllegalArgumentExceptions for their own failures
        MojoExecutionException e = assertThrows(MojoExecutionException.class,
                () -> LaminaMojo.rethrow(new IllegalArgumentException("engine broke")));
        assertTrue(e.getMessage().contains("engine broke"), e.getMessage());
    }

    @Test
    void eachLineOfTheRuntimesOutputIsOneInfoLineWithoutCarriageReturns() {
        List<String> lines = new ArrayList<>();
        SystemStreamLog log = new SystemStreamLog() {
            @Override
            public void info(CharSequence content) {
                lines.add(content.toString());
            }
        };
        try (PrintStream out = new LogStream(log).printStream()) {
            out.println("epoch 1/1: train loss 0.5");
            out.print("\rbar [==>   ] ");
            out.print("almost\n");
            out.print("Ωmega, no newline");
        }
        assertEquals(List.of("epoch 1/1: train loss 0.5", "bar [==>   ] almost", "Ωmega, no newline"), lines);
    }
}
