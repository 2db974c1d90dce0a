package dev.lamina.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import dev.lamina.processor.diag.Origin;
import dev.lamina.processor.model.DepthwiseConvSpec;
import dev.lamina.processor.model.ModelSpec;
import dev.lamina.processor.shape.ShapeInference;
import dev.lamina.processor.shape.ShapedLayer;
import dev.lamina.processor.tensor.PaddingMode;
import dev.lamina.processor.tensor.TensorShape;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * {@code @DepthwiseConv}: its shape rule and parameter count, its generated DJL block (a
 * {@code Conv2d} with one group per input channel), and its errors.
 */
class DepthwiseConvKindTest {

    private static ShapedLayer only(List<Integer> input, int kernel, int stride, PaddingMode padding, int dilation,
                                    int multiplier, boolean bias) {
        DepthwiseConvSpec dw = new DepthwiseConvSpec("dw", new Origin("dw", "DepthwiseConv", 0, null), kernel, stride,
                padding, dilation, multiplier, bias);
        ShapeInference.Result result = ShapeInference.infer(
                new ModelSpec("p", "M", "p.M", "MNet", input, List.of(dw), Set.of(), Map.of()));
        assertTrue(result.ok(), () -> "unexpected findings " + result.findings());
        return result.model().layers().get(0);
    }

    @Test
    void outputChannelsAreInputChannelsTimesMultiplierAndSidesFollowTheConvFormulas() {
        // SAME stride 2 on 16: ceil(16 / 2) = 8; 3*3 weights per channel, no bias
        ShapedLayer same = only(List.of(8, 16, 16), 3, 2, PaddingMode.SAME, 1, 1, false);
        assertEquals(TensorShape.of(8, 8, 8), same.out());
        assertEquals(3 * 3 * 8, same.trainableParams());
        // VALID 5x5 on 8x6, multiplier 2: floor((8 - 5) / 1) + 1 = 4, floor((6 - 5) / 1) + 1 = 2
        ShapedLayer valid = only(List.of(16, 8, 6), 5, 1, PaddingMode.VALID, 1, 2, true);
        assertEquals(TensorShape.of(32, 4, 2), valid.out());
        assertEquals(5 * 5 * 16 * 2 + 32, valid.trainableParams());
        // dilation 2 spans 5 with a 3x3 kernel: VALID on 9 gives 5
        assertEquals(TensorShape.of(4, 5, 5), only(List.of(4, 9, 9), 3, 1, PaddingMode.VALID, 2, 1, true).out());
    }

    @Test
    void generatesAConv2dWithOneGroupPerInputChannelWithoutLints() throws IOException {
        Compilation compilation = Sources.compile(Sources.model("MobileBlock",
                "@Model(input = {8, 16, 16})",
                "public class MobileBlock {",
                "    @DepthwiseConv(stride = 2, bias = false) @BatchNorm @ReLU Layer dw;",
                "    @Conv(filters = 16, kernel = 1, bias = false) @BatchNorm @ReLU Layer pw;",
                "    @DepthwiseConv(kernel = 5, multiplier = 2, padding = Padding.VALID, activation = Act.RELU) Layer dw2;",
                "    @GlobalAvgPool Layer gap;",
                "    @Dense(units = 4) Layer logits;",
                "}"));
        assertThat(compilation).succeededWithoutWarnings();
        String net = compilation.generatedSourceFile("test.MobileBlockNet").orElseThrow()
                .getCharContent(true).toString();
        assertThat(net).contains("block.add(\"dw\", ai.djl.nn.convolutional.Conv2d.builder().setKernelShape(new ai.djl.ndarray.types.Shape(3, 3))"
                + ".optStride(new ai.djl.ndarray.types.Shape(2, 2)).optPadding(new ai.djl.ndarray.types.Shape(1, 1)).optDilation(new ai.djl.ndarray.types.Shape(1, 1))"
                + ".setFilters(8).optGroups(8).optBias(false).build());");
        assertThat(net).contains("block.add(\"dw2\", ai.djl.nn.convolutional.Conv2d.builder().setKernelShape(new ai.djl.ndarray.types.Shape(5, 5))"
                + ".optStride(new ai.djl.ndarray.types.Shape(1, 1)).optPadding(new ai.djl.ndarray.types.Shape(0, 0)).optDilation(new ai.djl.ndarray.types.Shape(1, 1))"
                + ".setFilters(32).optGroups(16).optBias(true).build());");
        assertThat(net).contains("block.add(\"dw2_relu\", ai.djl.nn.Activation.reluBlock());");
        // dw: 3*3*8 = 72 params (288 B), 8*8*8 outputs of 3*3 products = 4,608 MACs; 512 outputs * 4 B * 32 = 64 KiB
        // dw2: (16, 8, 8) -> (32, 4, 4), 5*5*16*2 + 32 = 832 params (3.25 KiB), 512 outputs of 25 products = 12,800
        assertThat(net).containsMatch("dw \\(DepthwiseConv\\) +\\(8, 8, 8\\) +72 +288 B +4\\.61K +64\\.00 KiB +128\\.00 KiB\\n");
        assertThat(net).containsMatch("dw2 \\(DepthwiseConv\\) +\\(32, 4, 4\\) +832 +3\\.25 KiB +12\\.80K +64\\.00 KiB +128\\.00 KiB\\n");
    }

    /** One field on the given input fails with the expected error on that field's line. */
    private static void assertError(String input, String field, String expected) {
        JavaFileObject source = Sources.model("Bad", "@Model(input = " + input + ")", "public class Bad {",
                "    " + field, "}");
        Compilation compilation = Sources.compile(source);
        assertThat(compilation).failed();
        assertThat(compilation).hadErrorContaining(expected).inFile(source).onLineContaining(field);
    }

    @Test
    void aMultiplierBelowOneIsAnErrorOnTheValue() {
        assertError("{4, 8, 8}", "@DepthwiseConv(multiplier = 0) Layer dw;",
                "[lamina:AttributeOutOfRange] layer 'dw' (@DepthwiseConv): multiplier = 0 is out of range, "
                        + "it must be at least 1");
    }

    @Test
    void onAVectorIsAnError() {
        assertError("{16}", "@DepthwiseConv Layer dw;", "[lamina:SpatialLayerOnVector] layer 'dw' (@DepthwiseConv): "
                + "receives a vector (16) but a depthwise convolution needs a (C, H, W) feature map");
    }
}
