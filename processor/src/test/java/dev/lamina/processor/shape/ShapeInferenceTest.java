package dev.lamina.processor.shape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.processor.diag.Origin;
import dev.lamina.processor.diag.Severity;
import dev.lamina.processor.model.ActivationFn;
import dev.lamina.processor.model.ActivationSpec;
import dev.lamina.processor.model.BatchNormSpec;
import dev.lamina.processor.model.ConvSpec;
import dev.lamina.processor.model.DenseSpec;
import dev.lamina.processor.model.DropoutSpec;
import dev.lamina.processor.model.FlattenSpec;
import dev.lamina.processor.model.GlobalAvgPoolSpec;
import dev.lamina.processor.model.LayerSpec;
import dev.lamina.processor.model.ModelSpec;
import dev.lamina.processor.model.PoolSpec;
import dev.lamina.processor.model.PoolType;
import dev.lamina.processor.model.SubModelSpec;
import dev.lamina.processor.tensor.PaddingMode;
import dev.lamina.processor.tensor.TensorShape;
import dev.lamina.processor.tensor.Window;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Shape formulas and parameter counts against hand-worked examples, on plain specs (no javac). */
class ShapeInferenceTest {

    private static final Origin AT = new Origin("f", "X", 0, null);

    private static ModelSpec model(List<Integer> input, LayerSpec... layers) {
        return new ModelSpec("p", "M", "p.M", "MNet", input, List.of(layers), Set.of(), Map.of());
    }

    private static ShapedLayer only(List<Integer> input, LayerSpec layer) {
        ShapeInference.Result result = ShapeInference.infer(model(input, layer));
        assertTrue(result.ok(), () -> "unexpected findings " + result.findings());
        return result.model().layers().get(0);
    }

    private static ConvSpec conv(int filters, int kernel, int stride, PaddingMode padding, int dilation, boolean bias) {
        return new ConvSpec("c", AT, filters, kernel, stride, padding, dilation, bias);
    }

    private static PoolSpec pool(int size, int stride, PaddingMode padding) {
        return new PoolSpec("p", AT, PoolType.MAX, size, stride, padding);
    }

    @Test
    void convSameKeepsSizeAtStrideOneAndIsCeilOfSizeOverStride() {
        assertEquals(TensorShape.of(32, 28, 28), only(List.of(1, 28, 28), conv(32, 3, 1, PaddingMode.SAME, 1, true)).out());
        // ceil(28 / 3) = 10, ceil(7 / 2) = 4
        assertEquals(TensorShape.of(8, 10, 10), only(List.of(1, 28, 28), conv(8, 5, 3, PaddingMode.SAME, 1, true)).out());
        assertEquals(TensorShape.of(8, 4, 4), only(List.of(3, 7, 7), conv(8, 3, 2, PaddingMode.SAME, 2, true)).out());
    }

    @Test
    void convValidFormula() {
        // floor((28 - 1*(3-1) - 1) / 1) + 1 = 26
        assertEquals(TensorShape.of(4, 26, 26), only(List.of(1, 28, 28), conv(4, 3, 1, PaddingMode.VALID, 1, true)).out());
        // floor((28 - 2*(3-1) - 1) / 2) + 1 = floor(23 / 2) + 1 = 12
        assertEquals(TensorShape.of(4, 12, 12), only(List.of(1, 28, 28), conv(4, 3, 2, PaddingMode.VALID, 2, true)).out());
        // exactly fits: 5x5 kernel on 5x5 -> 1x1
        assertEquals(TensorShape.of(4, 1, 1), only(List.of(2, 5, 5), conv(4, 5, 1, PaddingMode.VALID, 1, true)).out());
    }

    @Test
    void convParameters() {
        // 3*3*1*32 + 32 = 320 ; without bias 3*3*16*8 = 1152
        assertEquals(320, only(List.of(1, 28, 28), conv(32, 3, 1, PaddingMode.SAME, 1, true)).trainableParams());
        assertEquals(1152, only(List.of(16, 9, 9), conv(8, 3, 1, PaddingMode.SAME, 1, false)).trainableParams());
    }

    @Test
    void windowPaddingForDjl() {
        assertEquals(1, conv(1, 3, 1, PaddingMode.SAME, 1, true).window().pad());
        assertEquals(2, conv(1, 3, 1, PaddingMode.SAME, 2, true).window().pad());
        assertEquals(0, conv(1, 3, 1, PaddingMode.VALID, 1, true).window().pad());
        assertFalse(conv(1, 4, 1, PaddingMode.SAME, 1, true).window().sameSupported());
        assertTrue(pool(2, 2, PaddingMode.SAME).window().ceilMode());
        assertFalse(pool(2, 1, PaddingMode.SAME).window().sameSupported());
    }

    @Test
    void poolFormulas() {
        assertEquals(TensorShape.of(3, 14, 14), only(List.of(3, 28, 28), pool(2, 2, PaddingMode.VALID)).out());
        // VALID 3/2 on 7: floor((7 - 3) / 2) + 1 = 3 ; SAME 2/2 on 7: ceil(7 / 2) = 4 ; SAME 3/1 keeps 7
        assertEquals(TensorShape.of(3, 3, 3), only(List.of(3, 7, 7), pool(3, 2, PaddingMode.VALID)).out());
        assertEquals(TensorShape.of(3, 4, 4), only(List.of(3, 7, 7), pool(2, 2, PaddingMode.SAME)).out());
        assertEquals(TensorShape.of(3, 7, 7), only(List.of(3, 7, 7), pool(3, 1, PaddingMode.SAME)).out());
        assertEquals(0, only(List.of(3, 7, 7), pool(3, 1, PaddingMode.SAME)).params());
    }

    @Test
    void globalAvgPoolFlattenDense() {
        assertEquals(TensorShape.of(64), only(List.of(64, 7, 7), new GlobalAvgPoolSpec("g", AT)).out());
        assertEquals(TensorShape.of(3136), only(List.of(64, 7, 7), new FlattenSpec("f", AT)).out());
        ShapedLayer dense = only(List.of(64), new DenseSpec("d", AT, 128, true));
        assertEquals(TensorShape.of(128), dense.out());
        assertEquals(64 * 128 + 128, dense.trainableParams());
        assertEquals(64 * 10, only(List.of(64), new DenseSpec("d", AT, 10, false)).trainableParams());
    }

    @Test
    void identityLayersAndBatchNormCounts() {
        List<Integer> in = List.of(32, 14, 14);
        ShapedLayer bn = only(in, new BatchNormSpec("b", AT, 0.9, 1e-5));
        assertEquals(TensorShape.of(32, 14, 14), bn.out());
        assertEquals(64, bn.trainableParams());
        assertEquals(64, bn.nonTrainableParams());
        assertEquals(4 * 128, only(List.of(128), new BatchNormSpec("b", AT, 0.9, 1e-5)).params());
        assertEquals(TensorShape.of(32, 14, 14), only(in, new DropoutSpec("d", AT, 0.5, false)).out());
        assertEquals(TensorShape.of(32, 14, 14), only(in, new DropoutSpec("d", AT, 0.1, true)).out());
        assertEquals(TensorShape.of(32, 14, 14), only(in, new ActivationSpec("a", AT, ActivationFn.RELU, 0)).out());
    }

    @Test
    void fashionCnnTotals() {
        ModelSpec fashion = model(List.of(1, 28, 28),
                conv(32, 3, 1, PaddingMode.SAME, 1, true), new BatchNormSpec("b1", AT, 0.9, 1e-5),
                conv(32, 3, 1, PaddingMode.SAME, 1, true), new BatchNormSpec("b2", AT, 0.9, 1e-5),
                pool(2, 2, PaddingMode.VALID),
                conv(64, 3, 1, PaddingMode.SAME, 1, true), new BatchNormSpec("b3", AT, 0.9, 1e-5),
                new GlobalAvgPoolSpec("g", AT), new DenseSpec("fc1", AT, 128, true),
                new DropoutSpec("d", AT, 0.5, false), new DenseSpec("logits", AT, 10, true));
        ShapedModel shaped = ShapeInference.infer(fashion).model();
        assertEquals(TensorShape.of(10), shaped.output());
        // 320 + 64 + 9248 + 64 + 18496 + 128 + 8320 + 1290
        assertEquals(37_930, shaped.trainableParams());
        assertEquals(256, shaped.nonTrainableParams());
        String summary = SummaryTable.render(shaped, 32);
        assertTrue(summary.contains("\nTotal params: 38,186\nTrainable params: 37,930\nNon-trainable params: 256\n"),
                summary);
    }

    @Test
    void residualWithProjectionCountsTheSkipPath() {
        ModelSpec down = model(List.of(8, 8, 8), conv(16, 3, 2, PaddingMode.SAME, 1, false));
        ShapedLayer res = only(List.of(8, 8, 8), new SubModelSpec("r", AT, down, true, true));
        assertEquals(TensorShape.of(16, 4, 4), res.out());
        // main 3*3*8*16 = 1152 ; projection 1x1: 8*16 = 128 + BN gamma/beta 32 ; running stats 32
        assertEquals(1152 + 128 + 32, res.trainableParams());
        assertEquals(32, res.nonTrainableParams());
        assertEquals(2, Projection.stride(TensorShape.of(8, 8, 8), TensorShape.of(16, 4, 4)).getAsInt());
        assertEquals(3, Projection.stride(TensorShape.of(8, 7, 7), TensorShape.of(16, 3, 3)).getAsInt());
    }

    @Test
    void errorsStopTheWalkAndWarningsDoNot() {
        ShapeInference.Result dense = ShapeInference.infer(model(List.of(1, 4, 4), new DenseSpec("d", AT, 2, true)));
        assertNull(dense.model());
        assertEquals("DenseOnFeatureMap", dense.findings().get(0).id());
        ShapeInference.Result flatten = ShapeInference.infer(model(List.of(4), new FlattenSpec("f", AT)));
        assertTrue(flatten.ok());
        assertEquals(Severity.WARNING, flatten.findings().get(0).severity());
        ShapeInference.Result shrink = ShapeInference.infer(model(List.of(1, 2, 9), pool(3, 3, PaddingMode.VALID)));
        assertEquals("KernelLargerThanInput", shrink.findings().get(0).id());
        assertTrue(shrink.findings().get(0).message().contains("(1, 2, 9)"));
    }

    @Test
    void projectionStrideIsTheSmallestThatFitsBothSidesOrNone() {
        // ceil(9/s) = 3 for s = 3, 4 and ceil(6/s) = 2 for s = 3, 4, 5: the smallest common one is 3.
        assertEquals(3, Projection.stride(TensorShape.of(1, 9, 6), TensorShape.of(2, 3, 2)).getAsInt());
        assertEquals(1, Projection.stride(TensorShape.of(1, 5, 5), TensorShape.of(2, 5, 5)).getAsInt());
        // ceil(8/s) = 3 needs s = 3; ceil(8/s) = 2 needs s = 4..7: no common stride.
        assertTrue(Projection.stride(TensorShape.of(1, 8, 8), TensorShape.of(2, 3, 2)).isEmpty());
        assertTrue(Projection.stride(TensorShape.of(1, 4, 4), TensorShape.of(2, 5, 5)).isEmpty());
        // Huge sides are answered at once (no search over every stride).
        assertEquals(1 << 20, Projection.stride(TensorShape.of(1, 1, Integer.MAX_VALUE),
                TensorShape.of(1, 1, 2048)).getAsInt());
        assertTrue(Projection.stride(TensorShape.of(4), TensorShape.of(4)).isEmpty());
    }

    @Test
    void sizesBeyondAnIntAndCountsBeyondALongAreErrorsNotCrashes() {
        ShapeInference.Result wide = ShapeInference.infer(model(List.of(1, 40000, 40000),
                conv(4, 1, 1, PaddingMode.SAME, 1, false)));
        assertEquals("ShapeTooLarge", wide.findings().get(0).id());
        ShapeInference.Result params = ShapeInference.infer(model(List.of(2_000_000_000, 1, 1),
                conv(1, 99_999, 1, PaddingMode.SAME, 1, false)));
        assertEquals("ParameterCountOverflow", params.findings().get(0).id());
        // 3 * 3 * 2e9 * 1e8 = 1.8e18 float32 parameters: their bytes fit a long, but one weight of that
        // many values is more than DJL saves as one array (issue 21.25; before, only the sum of two such
        // layers was an error, ParameterCountOverflow)
        ConvSpec big = conv(100_000_000, 3, 1, PaddingMode.SAME, 1, false);
        ShapeInference.Result total = ShapeInference.infer(model(List.of(2_000_000_000, 1, 1),
                big, new ConvSpec("c2", AT, 2_000_000_000, 3, 1, PaddingMode.SAME, 1, false),
                new ConvSpec("c3", AT, 200_000_000, 3, 1, PaddingMode.SAME, 1, false)));
        assertEquals("ParameterTooLarge", total.findings().get(0).id());
        assertEquals(Long.MAX_VALUE, TensorShape.of(Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE).size());
    }

    @Test
    void summaryNumbersHaveThousandsSeparators() {
        for (long n : new long[] {0, 7, 999, 1_000, 38_186, 1_234_567, -1_000, Long.MAX_VALUE, Long.MIN_VALUE}) {
            assertEquals(String.format(java.util.Locale.ROOT, "%,d", n), SummaryTable.number(n));
        }
    }
}
