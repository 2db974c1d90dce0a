package dev.lamina.processor.lint;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.lamina.processor.lint.Javac.HEADER;
import static dev.lamina.processor.lint.Javac.assertLamina;
import static dev.lamina.processor.lint.Javac.compile;
import static dev.lamina.processor.lint.LintAssert.findings;
import static dev.lamina.processor.lint.LintAssert.where;
import static dev.lamina.processor.lint.TestModels.model;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import dev.lamina.processor.model.ActivationFn;
import dev.lamina.processor.shape.ShapedModel;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Rules whose pattern crosses a sub-model boundary see through it: a plain sub-model's layers are
 * inlined, and a layer at the end of a {@code @Residual} block meets the layers after its field in
 * the enclosing model. A finding on a layer declared in a sub-model is placed on the field (the use
 * site, whose composition causes it) and names the declaring layer, which the processor reports it
 * on too. {@link AcrossBoundariesTest} has a trigger and a near-miss per rule.
 */
class WholeNetworkTest {

    /** The model's one finding of rule {@code id} says every one of {@code words}. */
    private static void assertMessage(ShapedModel model, String id, String... words) {
        String message = findings(model, id).get(0).message();
        for (String word : words) {
            assertTrue(message.contains(word), () -> "'" + word + "' missing: " + message);
        }
    }

    private static ShapedModel block(String name, boolean endsInDropout) {
        var builder = model(name, 16, 8, 8)
                .field("c1").conv(16, 3, dev.lamina.processor.tensor.PaddingMode.SAME, false).bn().relu()
                .field("c2").conv(16, 3, dev.lamina.processor.tensor.PaddingMode.SAME, false).bn().relu();
        return (endsInDropout ? builder.field("drop").dropout(0.3) : builder).build();
    }

    @Test
    void dropoutAtTheEndOfOneResidualBlockBeforeTheNextBlocksBatchNormIsSeen() {
        var block = block("Block", true);
        var net = model("Net", 16, 8, 8)
                .field("block1").subModel(block, true)
                .field("block2").subModel(block, true)
                .gapHead()
                .build();
        assertEquals(List.of("block1 <- Block.drop"), where(net, "DropoutBeforeBatchNorm"));
        assertMessage(net, "DropoutBeforeBatchNorm", "'drop' (@Dropout) of Block ends sub-model 'block1' (@Residual)",
                "sub-model 'block2' (@Residual), which contains a @BatchNorm", "Fix: remove it from Block");
    }

    @Test
    void dropoutAtTheEndOfAPlainBlockBetweenConvsIsSeenButNotAfterAResidualsSkipPath() {
        var block = model("Features", 1, 8, 8).field("c").conv(8, 3).relu().field("drop").dropout(0.25).build();
        var plain = model("Net", 1, 8, 8).field("features").subModel(block, false)
                .field("conv").conv(8, 3).relu().gapHead().build();
        assertEquals(List.of("features <- Features.drop"), where(plain, "DropoutBetweenConvs"));
        assertTrue(findings(plain, "DropoutBetweenConvs").get(0).message()
                .contains("Fix: use @SpatialDropout(rate = 0.1) in Features"));
        var sameShape = model("Features8", 8, 8, 8).field("c").conv(8, 3).relu().field("drop").dropout(0.25).build();
        var residual = model("Net", 8, 8, 8).field("features").subModel(sameShape, true)
                .field("conv").conv(8, 3).relu().gapHead().build();
        assertEquals(List.of(), where(residual, "DropoutBetweenConvs"));
    }

    @Test
    void theEndOfAHeadSubModelIsTheClassifiersOutput() {
        var dropHead = model("Head", 64).field("fc").dense(32).relu().field("logits").dense(10)
                .field("drop").dropout(0.2).build();
        assertEquals(List.of("head <- Head.drop"),
                where(model("Net", 64).field("head").subModel(dropHead, false).build(), "DropoutOnOutput"));
        var softmaxHead = model("Head", 64).field("logits").dense(10).softmax().build();
        assertEquals(List.of("head <- Head.logits"),
                where(model("Net", 64).field("head").subModel(softmaxHead, false).build(), "DoubleSoftmax"));
        var reluHead = model("Head", 64).field("logits").dense(10).act(ActivationFn.RELU).build();
        assertEquals(List.of("head <- Head.logits"),
                where(model("Net", 64).field("head").subModel(reluHead, false).build(), "ActivationOnLogits"));
        var usedHead = model("Net", 64).field("head").subModel(dropHead, false).field("out").dense(10).build();
        assertEquals(List.of(), where(usedHead, "DropoutOnOutput"), "not the output when a layer follows");
    }

    /** The shortcut of a projected residual is a 1x1 conv and a batch norm: a dropout before it feeds that batch norm. */
    @Test
    void aDropoutBeforeAProjectedResidualFeedsItsShortcutsBatchNorm() {
        var block = model("Down", 8, 8, 8).field("c").conv(16, 3).relu().build();
        var net = model("Net", 1, 8, 8).field("stem").conv(8, 3).relu()
                .field("drop").spatialDropout(0.1)
                .field("down").projectedResidual(block)
                .gapHead().build();
        assertEquals(List.of("drop"), where(net, "DropoutBeforeBatchNorm"));
        assertMessage(net, "DropoutBeforeBatchNorm", "sub-model 'down' (@Residual), whose projection shortcut ends in a batch norm");
        var plain = model("Net", 1, 8, 8).field("stem").conv(8, 3).relu()
                .field("drop").spatialDropout(0.1)
                .field("down").subModel(model("Same", 8, 8, 8).field("c").conv(8, 3).relu().build(), true)
                .gapHead().build();
        assertEquals(List.of(), where(plain, "DropoutBeforeBatchNorm"), "an identity shortcut has no batch norm");
    }

    /** A plain block ending in a conv (with its bias, without activation) or in an activation meets the layers after it. */
    @Test
    void theEndOfAPlainBlockMeetsTheActivationBatchNormAndPoolingAfterIt() {
        var endsInRelu = model("Features", 1, 8, 8).field("c").conv(8, 3).relu().build();
        var relu = model("Net", 1, 8, 8).field("features").subModel(endsInRelu, false)
                .field("act").relu().gapHead().build();
        assertEquals(List.of("act"), where(relu, "DuplicateActivation"));
        assertMessage(relu, "DuplicateActivation",
                "comes right after activation 'c_relu' (@ReLU on 'c') of Features in sub-model 'features'",
                "Fix: keep one activation (remove 'act' (@ReLU), or 'c_relu' (@ReLU on 'c') of Features");
        var bn = model("Net", 1, 8, 8).field("features").subModel(endsInRelu, false)
                .field("norm").bn().gapHead().build();
        assertEquals(List.of("norm <- Features.c"), where(bn, "BatchNormAfterActivation"),
                "on the batch norm, and on the activation in Features where the Fix moves it");
        assertMessage(bn, "BatchNormAfterActivation", "(batch norm first, moved into Features)");

        var endsInConv = model("Linear", 1, 8, 8).field("c").conv(8, 3).build();
        var biased = model("Net", 1, 8, 8).field("features").subModel(endsInConv, false)
                .field("norm").bn().relu().gapHead().build();
        assertEquals(List.of("features <- Linear.c"), where(biased, "RedundantBias"));
        assertMessage(biased, "RedundantBias", "@Conv(..., bias = false) in Linear");
        var pooled = model("Net", 1, 8, 8).field("features").subModel(endsInConv, false)
                .field("pool").maxPool(2).field("conv").conv(8, 3).relu().gapHead().build();
        assertEquals(List.of("features <- Linear.c"), where(pooled, "LinearConvBeforePool"));
        assertMessage(pooled, "LinearConvBeforePool", "Fix: add @ReLU on 'c' in Linear");

        var sameShape = model("Same", 8, 8, 8).field("c").conv(8, 3).relu().build();
        var residual = model("Net", 8, 8, 8).field("block").subModel(sameShape, true)
                .field("act").relu().field("norm").bn().gapHead().build();
        assertEquals(List.of(), where(residual, "DuplicateActivation"), "relu(x + relu(f(x))) is not relu twice");
        assertEquals(List.of(), where(residual, "BatchNormAfterActivation"));
    }

    /** The start of a plain block meets the layer before its field; a residual's skip path bypasses it. */
    @Test
    void theStartOfAPlainBlockMeetsTheLayerBeforeIt() {
        var startsWithBn = model("Pre", 8, 8, 8).field("pre").bn().relu().field("c").conv(8, 3).relu().build();
        var plain = model("Net", 1, 8, 8).field("stem").conv(8, 3)
                .field("block").subModel(startsWithBn, false).gapHead().build();
        assertEquals(List.of("stem"), where(plain, "RedundantBias"), "the bias to remove is the stem's");
        assertMessage(plain, "RedundantBias", "directly followed by batch norm 'pre' (@BatchNorm) of Pre in sub-model 'block'",
                "Fix: @Conv(..., bias = false).");
        var residual = model("Net", 1, 8, 8).field("stem").conv(8, 3)
                .field("block").subModel(startsWithBn, true).gapHead().build();
        assertEquals(List.of(), where(residual, "RedundantBias"), "the skip path carries the bias past the batch norm");

        var startsWithRelu = model("Act", 8, 8, 8).field("act").relu().field("c").conv(8, 3).relu().build();
        var twice = model("Net", 1, 8, 8).field("stem").conv(8, 3).relu()
                .field("block").subModel(startsWithRelu, false).gapHead().build();
        assertEquals(List.of("block <- Act.act"), where(twice, "DuplicateActivation"));
        assertMessage(twice, "DuplicateActivation", "remove 'act' (@ReLU) of Act in sub-model 'block', or 'stem_relu' (@ReLU on 'stem')");

        var startsWithDropout = model("Drop", 64).field("drop").dropout(0.5).field("fc").dense(64).relu().build();
        var drops = model("Net", 64).field("fc").dense(64).relu().field("drop").dropout(0.5)
                .field("block").subModel(startsWithDropout, false).field("logits").dense(10).build();
        assertEquals(List.of("block <- Drop.drop"), where(drops, "ConsecutiveDropout"));
        assertMessage(drops, "ConsecutiveDropout", "0.75 of the units are dropped", "and remove 'drop' (@Dropout).");

        var startsWithPool = model("Pool", 8, 8, 8).field("pool").maxPool(2).field("c").conv(8, 3).relu().build();
        var pooled = model("Net", 1, 8, 8).field("stem").conv(8, 3)
                .field("block").subModel(startsWithPool, false).gapHead().build();
        assertEquals(List.of("stem"), where(pooled, "LinearConvBeforePool"));
        var activated = model("Net", 1, 8, 8).field("stem").conv(8, 3).relu()
                .field("block").subModel(startsWithPool, false).gapHead().build();
        assertEquals(List.of(), where(activated, "LinearConvBeforePool"));
    }

    @Test
    void aDropoutAfterABlockEndingInADropoutCompounds() {
        var block = model("Mlp", 64).field("fc").dense(64).relu().field("drop").dropout(0.5).build();
        var net = model("Net", 64).field("block").subModel(block, false)
                .field("drop").dropout(0.5).field("logits").dense(10).build();
        assertEquals(List.of("drop"), where(net, "ConsecutiveDropout"));
        assertMessage(net, "ConsecutiveDropout", "follows dropout 'drop' (@Dropout) of Mlp in sub-model 'block'",
                "0.75 of the units are dropped", "@Dropout(rate = 0.5) as 'drop' (@Dropout), and remove 'drop' (@Dropout) of Mlp");
    }

    @Test
    void aSuppressionWhereTheLayerIsDeclaredSilencesTheWholeNetworkFinding() {
        var block = model("Block", 16, 8, 8)
                .field("c1").conv(16, 3, dev.lamina.processor.tensor.PaddingMode.SAME, false).bn().relu()
                .field("drop").dropout(0.3)
                .suppressField("drop", "lamina:DropoutBeforeBatchNorm")
                .build();
        var net = model("Net", 16, 8, 8).field("block1").subModel(block, true)
                .field("block2").subModel(block, true).gapHead().build();
        assertEquals(List.of(), where(net, "DropoutBeforeBatchNorm"));
    }

    /** In javac: on the use site and on the declaration, once, though the block is used twice. */
    @Test
    void javacReportsItOnTheUseSiteAndOnceOnTheDeclaration() {
        JavaFileObject block = Javac.model("Block",
                "@Model(input = {16, 8, 8})",
                "public class Block {",
                "    @Conv(filters = 16, bias = false) @BatchNorm @ReLU Layer c1;",
                "    @SpatialDropout(rate = 0.1) Layer drop;",
                "}");
        JavaFileObject net = Javac.model("Net",
                "@Model(input = {16, 8, 8})",
                "public class Net {",
                "    @Residual Block block1;",
                "    @Residual Block block2;",
                "    @Residual Block block3;",
                "    @GlobalAvgPool Layer gap;",
                "    @Dense(units = 10) Layer logits;",
                "}");
        Compilation compilation = compile(block, net);
        assertThat(compilation).succeeded();
        assertLamina(compilation,
                "WARNING " + (HEADER + 3) + ":5 [lamina:DropoutBeforeBatchNorm]",
                "WARNING " + (HEADER + 4) + ":5 [lamina:DropoutBeforeBatchNorm]",
                "WARNING " + (HEADER + 4) + ":5 [lamina:DropoutBeforeBatchNorm]");
        assertEquals(1, compilation.warnings().stream().filter(d -> d.getSource().getName().endsWith("Block.java")).count(),
                "the declaration gets it once");
        assertThat(compilation).hadWarningContaining("'drop' (@SpatialDropout) of Block ends sub-model 'block1'")
                .inFile(net).onLine(HEADER + 3);
        assertThat(compilation).hadWarningContaining("'drop' (@SpatialDropout) of Block ends sub-model 'block2'")
                .inFile(net).onLine(HEADER + 4);
        assertThat(compilation).hadWarningContaining("'drop' (@SpatialDropout) of Block ends sub-model 'block1'")
                .inFile(block).onLine(HEADER + 4);
    }
}
