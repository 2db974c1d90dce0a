package dev.lamina.processor.lint;

import static dev.lamina.processor.lint.LintAssert.assertFires;
import static dev.lamina.processor.lint.LintAssert.assertSilent;
import static dev.lamina.processor.lint.TestModels.model;

import dev.lamina.processor.diag.Severity;
import dev.lamina.processor.model.ActivationFn;
import java.util.List;
import javax.tools.Diagnostic;
import org.junit.jupiter.api.Test;

class LinearConvBeforePoolTest {

    private static final String ID = "LinearConvBeforePool";

    /** In javac (run by {@link LintCompilationTest}): a model that triggers the rule, and near-misses. */
    static final List<JavacCase> JAVAC = List.of(
            JavacCase.fires(JavacCase.image("PoolOnly",
                            "    @Conv(filters = 8) Layer conv1;",
                            "    @MaxPool(2) Layer pool;",
                            "    @Conv(filters = 8) @ReLU Layer conv2;",
                            "    @GlobalAvgPool Layer gap;",
                            "    @Dense(units = 10) Layer logits;"),
                    Diagnostic.Kind.NOTE, 3, 5,
                    "[lamina:LinearConvBeforePool] layer 'conv1' (@Conv) has no activation",
                    "max pooling 'pool' (@MaxPool)", "before 'conv2' (@Conv)")
                    .fixedBy("add @ReLU on 'conv1', e.g. @Conv(...) @ReLU", JavacCase.image("PoolOnly",
                            "    @Conv(filters = 8) @ReLU Layer conv1;",
                            "    @MaxPool(2) Layer pool;",
                            "    @Conv(filters = 8) @ReLU Layer conv2;",
                            "    @GlobalAvgPool Layer gap;",
                            "    @Dense(units = 10) Layer logits;")),
            JavacCase.clean(JavacCase.image("PoolThenRelu",
                    "    @Conv(filters = 8) @MaxPool(2) @ReLU Layer conv1;",
                    "    @Conv(filters = 8) @ReLU Layer conv2;",
                    "    @GlobalAvgPool Layer gap;",
                    "    @Dense(units = 10) Layer logits;")),
            JavacCase.fires(JavacCase.image("DepthwisePoolOnly",
                            "    @Conv(filters = 8) @ReLU Layer conv;",
                            "    @DepthwiseConv(bias = false) @BatchNorm Layer dw;",
                            "    @MaxPool(2) Layer pool;",
                            "    @Conv(filters = 16, kernel = 1) @ReLU Layer pw;",
                            "    @GlobalAvgPool Layer gap;",
                            "    @Dense(units = 10) Layer logits;"),
                    Diagnostic.Kind.NOTE, 4, 5,
                    "[lamina:LinearConvBeforePool] layer 'dw' (@DepthwiseConv) has no activation",
                    "max pooling 'pool' (@MaxPool)", "before 'pw' (@Conv)")
                    .fixedBy("add @ReLU on 'dw', e.g. @DepthwiseConv(...) @BatchNorm @ReLU",
                            JavacCase.image("DepthwisePoolOnly",
                                    "    @Conv(filters = 8) @ReLU Layer conv;",
                                    "    @DepthwiseConv(bias = false) @BatchNorm @ReLU Layer dw;",
                                    "    @MaxPool(2) Layer pool;",
                                    "    @Conv(filters = 16, kernel = 1) @ReLU Layer pw;",
                                    "    @GlobalAvgPool Layer gap;",
                                    "    @Dense(units = 10) Layer logits;")),
            JavacCase.clean(JavacCase.image("DepthwisePoolThenRelu",
                    "    @Conv(filters = 8) @ReLU Layer conv;",
                    "    @DepthwiseConv @MaxPool(2) @ReLU Layer dw;",
                    "    @Conv(filters = 16, kernel = 1) @ReLU Layer pw;",
                    "    @GlobalAvgPool Layer gap;",
                    "    @Dense(units = 10) Layer logits;")),
            // a pre-activation residual main path (He et al. 2016b; Keras's Xception-style example) ends
            // conv, max pool; the add follows, and the next block starts with its own ReLU
            JavacCase.clean(Javac.model("PreActPoolBlock",
                    "@Model(input = {16, 16, 16}, role = Model.Role.RESIDUAL_BLOCK)",
                    "public class PreActPoolBlock {",
                    "    @ReLU Layer pre;",
                    "    @DepthwiseConv(bias = false) Layer dw;",
                    "    @Conv(filters = 32, kernel = 1, bias = false) @BatchNorm"
                            + " @MaxPool(value = 3, stride = 2, padding = Padding.SAME) Layer pw;",
                    "}")),
            // the same end in a whole network, with nothing after it but the head: reported
            JavacCase.fires(JavacCase.withFields("PoolAtTheEnd", "{16, 16, 16}",
                            "    @ReLU Layer pre;",
                            "    @Conv(filters = 32, bias = false) @BatchNorm @MaxPool(2) Layer conv;",
                            "    @GlobalAvgPool Layer gap;",
                            "    @Dense(units = 10) Layer logits;"),
                    Diagnostic.Kind.NOTE, 4, 5,
                    "[lamina:LinearConvBeforePool] layer 'conv' (@Conv) has no activation")
                    .fixedBy("add @ReLU on 'conv'", JavacCase.withFields("PoolAtTheEnd", "{16, 16, 16}",
                            "    @ReLU Layer pre;",
                            "    @Conv(filters = 32, bias = false) @BatchNorm @ReLU @MaxPool(2) Layer conv;",
                            "    @GlobalAvgPool Layer gap;",
                            "    @Dense(units = 10) Layer logits;")));

    @Test
    void aConvWhoseOnlyNonlinearityIsAMaxPoolIsNoted() {
        var model = model(1, 28, 28)
                .field("conv1").conv(8, 3).maxPool(2)
                .field("flat").flatten()
                .field("logits").dense(10)
                .build();
        assertFires(model, ID, Severity.NOTE, "conv1", "Conv", "'conv1_pool' (@MaxPool on 'conv1')",
                "before 'logits' (@Dense)", "@Conv(...) @ReLU");
    }

    @Test
    void withBatchNormTheFixPutsReluAfterIt() {
        var model = model(1, 28, 28)
                .field("conv1").conv(8, 3, dev.lamina.processor.tensor.PaddingMode.SAME, false).bn().maxPool(2)
                .field("conv2").conv(8, 3).relu()
                .gapHead()
                .build();
        assertFires(model, ID, Severity.NOTE, "conv1", "Conv", "@Conv(...) @BatchNorm @ReLU");
    }

    @Test
    void anActivationAnywhereBeforeTheNextWeightedLayerIsEnough() {
        assertSilent(model(1, 28, 28).field("c").conv(8, 3).relu().maxPool(2).gapHead().build(), ID);
        assertSilent(model(1, 28, 28).field("c").conv(8, 3).maxPool(2).relu().gapHead().build(), ID);
        assertSilent(model(1, 28, 28).field("c").conv(8, 3).withActivation(ActivationFn.TANH)
                .field("p").maxPool(2).gapHead().build(), ID);
    }

    @Test
    void averagePoolingIsMissingActivationsNotThisRule() {
        var model = model(1, 28, 28).field("c").conv(8, 3).avgPool(2).field("c2").conv(8, 3).relu().gapHead().build();
        assertSilent(model, ID);
        assertFires(model, "MissingActivation", Severity.WARNING, "c", "Conv");
    }
}
