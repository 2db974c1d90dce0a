package dev.lamina.examples.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Block;
import dev.lamina.examples.catalog.GeneratedNet;
import dev.lamina.examples.catalog.ModelCatalog;
import dev.lamina.runtime.model.LaminaModel;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The inference benchmark's protocol (timings themselves are not asserted). */
class InferenceBenchmarkTest {

    @Test
    void everyVariantIsMeasuredAtBothBatchSizesAndPrintedAsATable(@TempDir Path dir) throws Exception {
        GeneratedNet net = ModelCatalog.resolve("FashionCnn");
        try (NDManager manager = NDManager.newBaseManager()) {
            Block block = net.newBlock();
            block.initialize(manager, DataType.FLOAT32, net.inputShape());
            LaminaModel.save(dir, net.netClass(), block, IntStream.range(0, 10).mapToObj(i -> "c" + i).toList(),
                    null, Map.of("epoch", 1));
        }
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        List<InferenceBenchmark.Measurement> rows;
        try (LaminaModel model = LaminaModel.load(dir)) {
            rows = InferenceBenchmark.run(model, new InferenceBenchmark.Settings(2, 1, 1, 7),
                    new PrintStream(log, true, StandardCharsets.UTF_8));
        }
        assertEquals(2 * InferenceBenchmark.VARIANTS.size(), rows.size());
        for (int i = 0; i < rows.size(); i++) {
            InferenceBenchmark.Measurement m = rows.get(i);
            assertEquals(InferenceBenchmark.VARIANTS.get(i % InferenceBenchmark.VARIANTS.size()), m.variant());
            assertEquals(i < InferenceBenchmark.VARIANTS.size() ? 1 : 64, m.batch());
            assertTrue(m.imagesPerSecond() > 0 && Double.isFinite(m.imagesPerSecond()), m.toString());
        }
        String printed = log.toString(StandardCharsets.UTF_8);
        assertTrue(printed.contains("| 64 | raw onnxruntime | "), printed);
        assertTrue(printed.contains("| 1 | pytorch before | "), printed);
    }

    @Test
    void eachCallRunsEveryVariantOnceAndEachTakesEachPlaceOfItsGroup() {
        Map<String, Integer> seen = new HashMap<>();
        for (int call = 0; call < 24; call++) {
            List<Integer> order = InferenceBenchmark.order(call);
            assertEquals(List.of(0, 1, 2, 3, 4, 5, 6), order.stream().sorted().toList(), "call " + call);
            for (int place = 0; place < order.size(); place++) {
                seen.merge(order.get(place) + "@" + place, 1, Integer::sum);
            }
            // a group's variants run back to back
            int ort = order.indexOf(0);
            assertEquals(1, Math.abs(order.indexOf(1) - ort), "call " + call + ": " + order);
        }
        // over 24 calls the ONNX Runtime predictor and ONNX Runtime called directly each open their
        // group, and so follow another group, equally often
        long ortFirst = IntStream.range(0, 24).filter(c -> {
            List<Integer> o = InferenceBenchmark.order(c);
            return o.indexOf(0) < o.indexOf(1);
        }).count();
        assertEquals(12, ortFirst);
        assertTrue(seen.size() > 7, "the places change: " + seen);
    }
}
