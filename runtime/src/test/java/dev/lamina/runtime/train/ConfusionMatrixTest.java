package dev.lamina.runtime.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ConfusionMatrixTest {

    /** 3 classes: 0 always right (4), 1 right 2 of 4 (twice called 2), 2 right 1 of 2 (once called 0). */
    private static ConfusionMatrix sample() {
        ConfusionMatrix m = new ConfusionMatrix(3);
        for (int i = 0; i < 4; i++) {
            m.add(0, 0);
        }
        m.add(1, 1);
        m.add(1, 1);
        m.add(1, 2);
        m.add(1, 2);
        m.add(2, 2);
        m.add(2, 0);
        return m;
    }

    @Test
    void recallPrecisionAndTheWorstConfusionPerClass() {
        ConfusionMatrix m = sample();

        assertEquals(10, m.total());
        assertEquals(1.0, m.recall(0));
        assertEquals(0.8, m.precision(0), 1e-12);
        assertEquals(0.5, m.recall(1));
        assertEquals(1.0, m.precision(1));
        assertEquals(1.0 / 3, m.precision(2), 1e-12);
        assertEquals(-1, m.mostConfusedWith(0));
        assertEquals(2, m.mostConfusedWith(1));
        assertEquals(0, m.mostConfusedWith(2));
    }

    @Test
    void aClassNeverSeenOrNeverPredictedHasNoRecallOrPrecision() {
        ConfusionMatrix m = new ConfusionMatrix(2);
        m.add(0, 0);

        assertTrue(Double.isNaN(m.recall(1)));
        assertTrue(Double.isNaN(m.precision(1)));
        assertTrue(m.format(List.of("a", "b")).lines().anyMatch(l -> l.matches("b\\s+0\\s+-\\s+-\\s+-")),
                m.format(List.of("a", "b")));
    }

    @Test
    void formatNamesTheClassesAndTheirWorstConfusion() {
        String table = sample().format(List.of("T-shirt/top", "Shirt", "Coat"));

        List<String> lines = table.lines().toList();
        assertEquals("class        examples   recall  precision  most often mistaken for", lines.get(0));
        assertEquals("T-shirt/top         4   1.0000     0.8000  -", lines.get(1));
        assertEquals("Shirt               4   0.5000     1.0000  Coat (2)", lines.get(2));
        assertEquals("Coat                2   0.5000     0.3333  T-shirt/top (1)", lines.get(3));
    }

    @Test
    void aClassOutsideTheMatrixIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ConfusionMatrix(3).add(3, 0));
        assertTrue(e.getMessage().contains("class out of range 0..2: true 3, predicted 0"), e.getMessage());
    }
}
