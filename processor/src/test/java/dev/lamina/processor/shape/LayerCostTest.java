package dev.lamina.processor.shape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.processor.diag.Origin;
import dev.lamina.processor.model.ActivationFn;
import dev.lamina.processor.model.ActivationSpec;
import dev.lamina.processor.model.BatchNormSpec;
import dev.lamina.processor.model.ConvSpec;
import dev.lamina.processor.model.DenseSpec;
import dev.lamina.processor.model.DepthwiseConvSpec;
import dev.lamina.processor.model.DropoutSpec;
import dev.lamina.processor.model.FlattenSpec;
import dev.lamina.processor.model.GlobalAvgPoolSpec;
import dev.lamina.processor.model.GlobalMaxPoolSpec;
import dev.lamina.processor.model.LayerKind;
import dev.lamina.processor.model.LayerNormSpec;
import dev.lamina.processor.model.LayerSpec;
import dev.lamina.processor.model.ModelSpec;
import dev.lamina.processor.model.PoolSpec;
import dev.lamina.processor.model.PoolType;
import dev.lamina.processor.model.SubModelSpec;
import dev.lamina.processor.tensor.PaddingMode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Each kind's multiply-accumulates and activations, and the summary's memory lines, against counts
 * worked by hand here (output elements x kernel area x input channels per filter; inputs x units),
 * on plain specs (no javac).
 */
class LayerCostTest {

    private static final Origin AT = new Origin("f", "X", 0, null);

    private static ModelSpec model(List<Integer> input, LayerSpec... layers) {
        return new ModelSpec("p", "M", "p.M", "MNet", input, List.of(layers), Set.of(), Map.of());
    }

    private static ShapedModel shaped(List<Integer> input, LayerSpec... layers) {
        ShapeInference.Result result = ShapeInference.infer(model(input, layers));
        assertTrue(result.ok(), () -> "unexpected findings " + result.findings());
        return result.model();
    }

    private static ShapedLayer only(List<Integer> input, LayerSpec layer) {
        return shaped(input, layer).layers().get(0);
    }

    @Test
    void convolutionsCountOutputElementsTimesKernelAreaTimesInputsPerFilter() {
        // (3, 32, 32), 8 filters 3x3 stride 2 SAME: out (8, 16, 16); 8*16*16 outputs of 3*3*3 products
        ShapedLayer strided = only(List.of(3, 32, 32), new ConvSpec("c", AT, 8, 3, 2, PaddingMode.SAME, 1, true));
        assertEquals(8 * 16 * 16 * 27, strided.macs());
        // (4, 20, 20), 6 filters 5x5 dilation 2 VALID: side 20 - 4*2 = 12; the bias adds no product
        ShapedLayer dilated = only(List.of(4, 20, 20), new ConvSpec("c", AT, 6, 5, 1, PaddingMode.VALID, 2, false));
        assertEquals(6 * 12 * 12 * 25 * 4, dilated.macs());
        // depthwise 3x3, multiplier 2 on (4, 10, 10): 8 output channels each reading one input channel
        ShapedLayer depthwise = only(List.of(4, 10, 10),
                new DepthwiseConvSpec("d", AT, 3, 1, PaddingMode.SAME, 1, 2, true));
        assertEquals(8 * 10 * 10 * 9, depthwise.macs());
    }

    @Test
    void denseCountsInputsTimesUnits() {
        assertEquals(100 * 10, only(List.of(100), new DenseSpec("d", AT, 10, true)).macs());
    }

    @Test
    void elementWiseAndDataMovementKindsCountNoMacButKeepTheirOutput() {
        List<Integer> map = List.of(4, 6, 6);
        List<LayerKind> kinds = List.of(new BatchNormSpec("b", AT, 0.9, 1e-5), new LayerNormSpec("l", AT, 1e-5, true, true),
                new ActivationSpec("a", AT, ActivationFn.RELU, 0), new DropoutSpec("o", AT, 0.5, false),
                new PoolSpec("p", AT, PoolType.AVG, 2, 2, PaddingMode.VALID), new GlobalAvgPoolSpec("g", AT),
                new GlobalMaxPoolSpec("m", AT), new FlattenSpec("f", AT));
        long[] outputs = {144, 144, 144, 144, 36, 4, 4, 144};
        for (int i = 0; i < kinds.size(); i++) {
            ShapedLayer layer = only(map, kinds.get(i));
            assertEquals(0, layer.macs(), kinds.get(i).kind());
            assertEquals(outputs[i], layer.activations(), kinds.get(i).kind());
        }
    }

    @Test
    void aResidualCountsItsLayersItsProjectionAndTheSum() {
        // main: 16 filters 3x3 stride 2 on (8, 8, 8): out (16, 4, 4), 256 outputs of 72 products
        ModelSpec down = model(List.of(8, 8, 8), new ConvSpec("c", AT, 16, 3, 2, PaddingMode.SAME, 1, false));
        ShapedLayer projected = only(List.of(8, 8, 8), new SubModelSpec("r", AT, down, true, true));
        // projection: 1x1 stride 2 to 16 channels, 256 outputs of 8 products; its batch norm none
        assertEquals(256 * 72 + 256 * 8, projected.macs());
        // main conv's output, the projection's conv and batch norm outputs, the sum: 4 x 256
        assertEquals(4 * 256, projected.activations());
        ShapedLayer plain = only(List.of(8, 8, 8), new SubModelSpec("r", AT, down, false, false));
        assertEquals(256 * 72, plain.macs());
        assertEquals(256, plain.activations());
    }

    @Test
    void modelTotalsAreTheLayersSums() {
        ShapedModel model = shaped(List.of(1, 4, 4), new ConvSpec("c", AT, 2, 3, 1, PaddingMode.SAME, 1, true),
                new FlattenSpec("f", AT), new DenseSpec("d", AT, 3, true));
        assertEquals(2 * 16 * 9 + 32 * 3, model.macs());
        assertEquals(32 + 32 + 3, model.activations());
    }

    @Test
    void theSummaryPrintsCostsPerLayerAndTotalsForTheBatch() {
        // conv 2x3x3 on (1, 4, 4): 20 params, 288 MACs, 32 outputs; flatten 32; dense 32->3: 99 params, 96 MACs
        ShapedModel model = shaped(List.of(1, 4, 4), new ConvSpec("c", AT, 2, 3, 1, PaddingMode.SAME, 1, true),
                new FlattenSpec("f", AT), new DenseSpec("d", AT, 3, true));
        String summary = SummaryTable.render(model, 8);
        assertTrue(summary.startsWith("Model: \"M\"  input (1, 4, 4)  (fp32; activations for a batch of 8)\n"), summary);
        // conv: 20 * 4 B = 80 B; 32 outputs * 4 B * 8 = 1 KiB forward, 2 KiB with gradients
        assertTrue(summary.contains("\nc (Conv)      (2, 4, 4)     20       80 B       288   1.00 KiB  2.00 KiB\n"), summary);
        assertTrue(summary.contains("\nd (Dense)     (3)           99       396 B      96    96 B      192 B\n"), summary);
        assertTrue(summary.contains("\nMACs per example: 384\n"), summary);
        // 119 params * 4 = 476 B; input 16 * 4 * 8 = 512 B; forward 67 * 4 * 8 = 2,144 B = 2.09 KiB
        assertTrue(summary.contains("\nParams size: 476 B\n"), summary);
        assertTrue(summary.contains("\nInput size (batch 8): 512 B\n"), summary);
        assertTrue(summary.contains("\nForward pass size (batch 8): 2.09 KiB\n"), summary);
        assertTrue(summary.contains("\nForward/backward pass size (batch 8): 4.19 KiB\n"), summary);
        // inference 512 + 2,144 + 476 = 3,132 B = 3.06 KiB; training 512 + 4,288 + 476 + 3 * 476 = 6,704 B = 6.55 KiB
        assertTrue(summary.contains("\nEstimated total, inference: 3.06 KiB (input"), summary);
        assertTrue(summary.contains("\nEstimated total, training: 6.55 KiB (input"), summary);
    }

    @Test
    void unitsAreKiloForMacsAndKibiForMemory() {
        assertEquals("999", SummaryTable.macs(999));
        assertEquals("1.00K", SummaryTable.macs(1000));
        assertEquals("7.23M", SummaryTable.macs(7_225_344));
        assertEquals("1.50G", SummaryTable.macs(1_500_000_000));
        assertEquals("1023 B", SummaryTable.bytes(1023));
        assertEquals("1.00 KiB", SummaryTable.bytes(1024));
        assertEquals("1.05 KiB", SummaryTable.bytes(1075));
        assertEquals("3.00 MiB", SummaryTable.bytes(3 * 1024 * 1024));
    }

    @Test
    void aCountTooLargeForALongSaturates() {
        assertEquals(Long.MAX_VALUE, LayerKind.product(1L << 40, 1L << 30));
        assertEquals(6, LayerKind.product(2, 3));
    }
}
