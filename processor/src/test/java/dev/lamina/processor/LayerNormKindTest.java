package dev.lamina.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import dev.lamina.processor.diag.Origin;
import dev.lamina.processor.model.LayerNormSpec;
import dev.lamina.processor.model.ModelSpec;
import dev.lamina.processor.shape.ShapeInference;
import dev.lamina.processor.shape.ShapedLayer;
import dev.lamina.processor.tensor.TensorShape;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * {@code @LayerNorm}: its shape rule (over the whole example, a gamma and beta of its shape), its
 * DJL block and ONNX recipe in the generated Net, and its epsilon error.
 */
class LayerNormKindTest {

    private static ShapedLayer shaped(List<Integer> input, boolean center, boolean scale) {
        ModelSpec model = new ModelSpec("p", "M", "p.M", "MNet", input,
                List.of(new LayerNormSpec("ln", new Origin("ln", "LayerNorm", 0, null), 1e-5, center, scale)),
                Set.of(), Map.of());
        ShapeInference.Result result = ShapeInference.infer(model);
        assertTrue(result.ok(), () -> "unexpected findings " + result.findings());
        return result.model().layers().get(0);
    }

    @Test
    void keepsTheShapeWithAGammaAndBetaOfEveryValueOfTheExample() {
        ShapedLayer map = shaped(List.of(8, 5, 3), true, true);
        assertEquals(TensorShape.of(8, 5, 3), map.out());
        assertEquals(2 * 8 * 5 * 3, map.trainableParams());
        assertEquals(0, map.nonTrainableParams());
        ShapedLayer vector = shaped(List.of(16), true, true);
        assertEquals(TensorShape.of(16), vector.out());
        assertEquals(32, vector.trainableParams());
    }

    @Test
    void aFrozenGammaOrBetaIsStillADjlParameterButNotTrained() {
        ShapedLayer noShift = shaped(List.of(16), false, true);
        assertEquals(16, noShift.trainableParams());
        assertEquals(16, noShift.nonTrainableParams());
        ShapedLayer neither = shaped(List.of(16), false, false);
        assertEquals(0, neither.trainableParams());
        assertEquals(32, neither.nonTrainableParams());
    }

    @Test
    void generatesDjlsLayerNormAndOnnxLayerNormalizationWithoutLints() throws IOException {
        Compilation compilation = Sources.compile(Sources.model("Normed",
                "@Model(input = {3, 8, 8})",
                "public class Normed {",
                "    @Conv(filters = 4) @LayerNorm(epsilon = 1e-3, center = false) @ReLU Layer conv;",
                "    @Flatten Layer flat;",
                "    @Dense(units = 4) Layer logits;",
                "}"));
        assertThat(compilation).succeededWithoutWarnings();
        String net = compilation.generatedSourceFile("test.NormedNet").orElseThrow().getCharContent(true).toString();
        assertThat(net).contains("block.add(\"conv_ln\", ai.djl.nn.norm.LayerNorm.builder().optEpsilon(0.001f).optCenter(false)"
                + ".optScale(true).build());");
        assertThat(net).contains("dev.lamina.runtime.descriptor.OnnxRecipe.node(\"LayerNormalization\", java.util.List.of(dev.lamina.runtime.descriptor.OnnxRecipe.input(),"
                + " dev.lamina.runtime.descriptor.OnnxRecipe.parameter(\"gamma\"), dev.lamina.runtime.descriptor.OnnxRecipe.parameter(\"beta\")), dev.lamina.runtime.descriptor.OnnxRecipe.intAttribute(\"axis\", 1),"
                + " dev.lamina.runtime.descriptor.OnnxRecipe.floatAttribute(\"epsilon\", 0.001f))");
        assertThat(net).contains("LayerDescriptor.attributes(\"epsilon\", 0.001, \"center\", false, \"scale\", true)");
        // 512 params (2 KiB), no MAC; 256 outputs * 4 B * 32 = 32 KiB, twice that with gradients
        assertThat(net).containsMatch("conv_ln \\(LayerNorm\\) +\\(4, 8, 8\\) +512 +2\\.00 KiB +0 +32\\.00 KiB +64\\.00 KiB\\n");
    }

    @Test
    void aNonPositiveEpsilonIsAnErrorOnTheAttribute() {
        JavaFileObject source = Sources.model("Bad", "@Model(input = {16})", "public class Bad {",
                "    @LayerNorm(epsilon = 0) Layer ln;", "}");
        Compilation compilation = Sources.compile(source);
        assertThat(compilation).failed();
        assertThat(compilation).hadErrorContaining("layer 'ln' (@LayerNorm)").inFile(source).onLine(7);
        assertThat(compilation).hadErrorContaining("epsilon");
    }
}
