package dev.lamina.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import dev.lamina.processor.diag.Origin;
import dev.lamina.processor.model.GlobalMaxPoolSpec;
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

/** {@code @GlobalMaxPool}: its shape rule, its generated DJL block, and its error on a vector. */
class GlobalMaxPoolKindTest {

    @Test
    void keepsTheChannelsAndHasNoParameters() {
        ModelSpec model = new ModelSpec("p", "M", "p.M", "MNet", List.of(64, 7, 5),
                List.of(new GlobalMaxPoolSpec("g", new Origin("g", "GlobalMaxPool", 0, null))), Set.of(), Map.of());
        ShapeInference.Result result = ShapeInference.infer(model);
        assertTrue(result.ok(), () -> "unexpected findings " + result.findings());
        ShapedLayer gmp = result.model().layers().get(0);
        assertEquals(TensorShape.of(64), gmp.out());
        assertEquals(0, gmp.params());
    }

    @Test
    void generatesDjlsGlobalMaxPoolWithoutLints() throws IOException {
        Compilation compilation = Sources.compile(Sources.model("MaxHead",
                "@Model(input = {3, 16, 16})",
                "public class MaxHead {",
                "    @Conv(filters = 8, bias = false) @BatchNorm @ReLU Layer conv;",
                "    @GlobalMaxPool Layer gmp;",
                "    @Dense(units = 4) Layer logits;",
                "}"));
        assertThat(compilation).succeededWithoutWarnings();
        String net = compilation.generatedSourceFile("test.MaxHeadNet").orElseThrow().getCharContent(true).toString();
        assertThat(net).contains("block.add(\"gmp\", ai.djl.nn.pooling.Pool.globalMaxPool2dBlock());");
        assertThat(net).containsMatch("gmp \\(GlobalMaxPool\\) +\\(8\\) +0 +0 B +0 +1\\.00 KiB +2\\.00 KiB\\n");
        assertThat(net).contains("return new ai.djl.ndarray.types.Shape(1, 4);");
    }

    @Test
    void onAVectorIsAnErrorOnTheAnnotation() {
        JavaFileObject source = Sources.model("Bad", "@Model(input = {16})", "public class Bad {",
                "    @GlobalMaxPool Layer gmp;", "}");
        Compilation compilation = Sources.compile(source);
        assertThat(compilation).failed();
        assertThat(compilation).hadErrorContaining("[lamina:SpatialLayerOnVector] layer 'gmp' (@GlobalMaxPool): "
                + "receives a vector (16) but global max pooling needs a (C, H, W) feature map")
                .inFile(source).onLine(7);
    }
}
