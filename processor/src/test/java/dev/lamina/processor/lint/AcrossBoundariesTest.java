package dev.lamina.processor.lint;

import static dev.lamina.processor.lint.LintAssert.findings;
import static dev.lamina.processor.lint.LintAssert.where;
import static dev.lamina.processor.lint.TestModels.model;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lamina.processor.diag.Finding;
import dev.lamina.processor.shape.ShapedModel;
import dev.lamina.processor.tensor.PaddingMode;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every rule whose pattern can cross a sub-model boundary, on the whole network: a trigger whose
 * layers lie on both sides of a plain sub-model's boundary (or in two sub-models used one after
 * the other), one across a {@code @Residual} block where the pattern means something there, and a
 * near-miss. (ChannelsLastInput is about a model's declaration, not a layer pattern; the rules
 * not listed here are covered in {@link WholeNetworkTest} and their own tests.)
 */
class AcrossBoundariesTest {

    /** What the building block's own lint reports (the processor runs it when the block's class compiles). */
    private static List<Finding> ownLint(ShapedModel block) {
        return new Linter(LintConfig.defaults()).lint(block, dev.lamina.processor.model.ModelRole.BLOCK);
    }

    private static void assertSays(ShapedModel model, String id, String... words) {
        String message = findings(model, id).get(0).message();
        for (String word : words) {
            assertTrue(message.contains(word), () -> "'" + word + "' missing: " + message);
        }
    }

    private static ShapedModel features(String name) {
        return model(name, 1, 8, 8).field("c").conv(8, 3).relu().build();
    }

    // --- dropout at the start of a block: the block alone cannot know what feeds it -------------

    @Test
    void aBlockStartingWithADropoutUsedInTheMiddleIsNotInputDropout() {
        var block = model("Drop3", 64).field("drop").dropout(0.3).field("fc").dense(64).relu().build();
        assertEquals(List.of(), ownLint(block), "alone, the block does not know what feeds it");
        var middle = model("Net", 64).field("fc").dense(64).relu()
                .field("block").subModel(block, false).field("logits").dense(10).build();
        assertEquals(List.of(), LintAssert.lint(middle), "rate 0.3 on hidden units is fine");
        var first = model("Net", 64).field("block").subModel(block, false).field("logits").dense(10).build();
        assertEquals(List.of("block <- Drop3.drop"), where(first, "InputDropoutHigh"));
        assertSays(first, "InputDropoutHigh", "'drop' (@Dropout) of Drop3 in sub-model 'block'",
                "Fix: @Dropout(rate = 0.2) or lower in Drop3.");
        var residualFirst = model("Net", 64).field("block").subModel(block, true).field("logits").dense(10).build();
        assertEquals(List.of("block <- Drop3.drop"), where(residualFirst, "InputDropoutHigh"));
        assertSays(residualFirst, "InputDropoutHigh", "at the start of the main path of 'block' (@Residual)");
        var suppressed = model("Drop3", 64).field("drop").dropout(0.3).field("fc").dense(64).relu()
                .suppressField("drop", "lamina:InputDropoutHigh").build();
        var firstSuppressed = model("Net", 64).field("block").subModel(suppressed, false).field("logits").dense(10).build();
        assertEquals(List.of(), where(firstSuppressed, "InputDropoutHigh"), "suppressed where the dropout is declared");
        var wrapper = model("Wrapper", 64).field("inner").subModel(block, false)
                .suppressField("inner", "lamina:InputDropoutHigh").build();
        var throughWrapper = model("Net", 64).field("body").subModel(wrapper, false).field("logits").dense(10).build();
        assertEquals(List.of(), where(throughWrapper, "InputDropoutHigh"), "suppressed on the field of a block in between");
        var unsuppressed = model("Wrapper", 64).field("inner").subModel(block, false).build();
        assertEquals(List.of("body <- Drop3.drop"), where(model("Net", 64).field("body").subModel(unsuppressed, false)
                .field("logits").dense(10).build(), "InputDropoutHigh"));
    }

    @Test
    void aHighRateAtTheStartOfABlockIsJudgedWhereTheBlockIsUsed() {
        var block = model("Drop6", 64).field("drop").dropout(0.6).field("fc").dense(64).relu().build();
        assertEquals(List.of(), ownLint(block));
        var plain = model("Net", 64).field("fc").dense(64).relu()
                .field("block").subModel(block, false).field("logits").dense(10).build();
        assertEquals(List.of("block <- Drop6.drop"), where(plain, "DropoutRateHigh"));
        assertEquals(List.of(), where(plain, "InputDropoutHigh"));
        var residual = model("Net", 64).field("fc").dense(64).relu()
                .field("block").subModel(block, true).field("logits").dense(10).build();
        assertEquals(List.of("block <- Drop6.drop"), where(residual, "DropoutRateHigh"));
        assertSays(residual, "DropoutRateHigh", "Fix: @Dropout(rate = 0.5) or lower in Drop6.");
        var half = model("Drop5", 64).field("drop").dropout(0.5).field("fc").dense(64).relu().build();
        var nearMiss = model("Net", 64).field("fc").dense(64).relu()
                .field("block").subModel(half, false).field("logits").dense(10).build();
        assertEquals(List.of(), LintAssert.lint(nearMiss));
    }

    @Test
    void aDropoutAtTheStartOfABlockAfterAConvIsOnAFeatureMap() {
        var convAfter = model("DropConv", 8, 8, 8).field("drop").dropout(0.25).field("c").conv(8, 3).relu().build();
        assertEquals(List.of(), ownLint(convAfter));
        var between = model("Net", 1, 8, 8).field("stem").conv(8, 3).relu()
                .field("block").subModel(convAfter, false).gapHead().build();
        assertEquals(List.of("block <- DropConv.drop"), where(between, "DropoutBetweenConvs"));
        assertEquals(List.of(), where(between, "InputDropoutHigh"));

        var head = model("DropHead", 8, 8, 8).field("drop").dropout(0.2).field("flat").flatten()
                .field("fc").dense(10).build();
        var onMaps = model("Net", 1, 8, 8).field("stem").conv(8, 3).relu()
                .field("head").subModel(head, false).build();
        assertEquals(List.of("head <- DropHead.drop"), where(onMaps, "DropoutOnFeatureMaps"));
        var onInput = model("Net", 8, 8, 8).field("head").subModel(head, false).build();
        assertEquals(List.of(), LintAssert.lint(onInput), "on the network's input at rate 0.2: fine");
    }

    // --- two blocks used one after the other ----------------------------------------------------

    @Test
    void theEndOfOneBlockMeetsTheStartOfTheNext() {
        var endsInDropout = model("Features", 1, 8, 8).field("c").conv(8, 3).relu().field("drop").dropout(0.25).build();
        var conv = model("Conv8", 8, 8, 8).field("c").conv(8, 3).relu().build();
        var betweenConvs = model("Net", 1, 8, 8).field("block1").subModel(endsInDropout, false)
                .field("block2").subModel(conv, false).gapHead().build();
        assertEquals(List.of("block1 <- Features.drop"), where(betweenConvs, "DropoutBetweenConvs"));

        var startsWithBn = model("Pre", 8, 8, 8).field("pre").bn().relu().field("c").conv(8, 3).relu().build();
        var bnAfterRelu = model("Net", 1, 8, 8).field("block1").subModel(features("Features"), false)
                .field("block2").subModel(startsWithBn, false).gapHead().build();
        assertEquals(List.of("block2 <- Pre.pre"), where(bnAfterRelu, "BatchNormAfterActivation"));
        var linear = model("Linear", 1, 8, 8).field("c").conv(8, 3).build();
        var biasBeforeBn = model("Net", 1, 8, 8).field("block1").subModel(linear, false)
                .field("block2").subModel(startsWithBn, false).gapHead().build();
        assertEquals(List.of("block1 <- Linear.c"), where(biasBeforeBn, "RedundantBias"));
        assertSays(biasBeforeBn, "RedundantBias", "Fix: @Conv(..., bias = false) in Linear.");
        var noBias = model("NoBias", 1, 8, 8).field("c").conv(8, 3, PaddingMode.SAME, false).build();
        var nearMiss = model("Net", 1, 8, 8).field("block1").subModel(noBias, false)
                .field("block2").subModel(startsWithBn, false).gapHead().build();
        assertEquals(List.of(), where(nearMiss, "RedundantBias"));

        var startsWithRelu = model("Act", 8, 8, 8).field("act").relu().field("c").conv(8, 3).relu().build();
        var twice = model("Net", 1, 8, 8).field("block1").subModel(features("Features"), false)
                .field("block2").subModel(startsWithRelu, false).gapHead().build();
        assertEquals(List.of("block2 <- Act.act"), where(twice, "DuplicateActivation"));

        var startsWithPool = model("Pool", 8, 8, 8).field("pool").maxPool(2).field("c").conv(8, 3).relu().build();
        var pooled = model("Net", 1, 8, 8).field("block1").subModel(linear, false)
                .field("block2").subModel(startsWithPool, false).gapHead().build();
        assertEquals(List.of("block1 <- Linear.c"), where(pooled, "LinearConvBeforePool"));
        var activated = model("Net", 1, 8, 8).field("block1").subModel(features("Features"), false)
                .field("block2").subModel(startsWithPool, false).gapHead().build();
        assertEquals(List.of(), where(activated, "LinearConvBeforePool"));

        var collapsed = model("Net", 1, 8, 8).field("block1").subModel(linear, false)
                .field("block2").subModel(conv, false).gapHead().build();
        assertEquals(List.of("block1 <- Linear.c"), where(collapsed, "MissingActivation"));
        assertSays(collapsed, "MissingActivation", "Fix: add an activation after 'c' in Linear");
    }

    @Test
    void aDropoutAtTheEndOfOneBlockMeetsTheNextBlocksDropoutOrBatchNorm() {
        var mlp = model("Mlp", 64).field("fc").dense(64).relu().field("drop").dropout(0.5).build();
        var startsWithDropout = model("Drop", 64).field("drop").dropout(0.5).field("fc").dense(64).relu().build();
        var compound = model("Net", 64).field("block1").subModel(mlp, false)
                .field("block2").subModel(startsWithDropout, false).field("logits").dense(10).build();
        assertEquals(List.of("block2 <- Drop.drop"), where(compound, "ConsecutiveDropout"));
        assertSays(compound, "ConsecutiveDropout", "0.75 of the units are dropped");

        var bnMlp = model("BnMlp", 64).field("fc").dense(64, false).bn().relu().build();
        var variance = model("Net", 64).field("block1").subModel(mlp, false)
                .field("block2").subModel(bnMlp, false).field("logits").dense(10).build();
        assertEquals(List.of("block1 <- Mlp.drop"), where(variance, "DropoutBeforeBatchNorm"));
        assertSays(variance, "DropoutBeforeBatchNorm", "Fix: move it out of Mlp after the last batch norm, just before 'logits' (@Dense)");
        var plainMlp = model("PlainMlp", 64).field("fc").dense(64).relu().build();
        var nearMiss = model("Net", 64).field("block1").subModel(mlp, false)
                .field("block2").subModel(plainMlp, false).field("logits").dense(10).build();
        assertEquals(List.of(), LintAssert.lint(nearMiss));
    }

    // --- flatten at the end of a block -----------------------------------------------------------

    @Test
    void aFlattenAtTheEndOfABlockFeedsTheDenseAfterIt() {
        var flat = model("Flat", 1, 28, 28).field("c").conv(64, 3).relu().field("flat").flatten().build();
        var net = model("Net", 1, 28, 28).field("features").subModel(flat, false)
                .field("fc").dense(32).relu().field("logits").dense(10).build();
        assertEquals(List.of("fc <- Flat.flat"), where(net, "LargeDenseHead"), "on the dense, and on the flatten to replace");
        assertSays(net, "LargeDenseHead", "'flat' (@Flatten) of Flat in sub-model 'features'",
                "Fix: replace @Flatten in Flat with @GlobalAvgPool");

        var dense = model("Head", 50176).field("fc").dense(32).relu().field("logits").dense(10).build();
        var flattenBefore = model("Net", 1, 28, 28).field("c").conv(64, 3).relu().field("flat").flatten()
                .field("head").subModel(dense, false).build();
        assertEquals(List.of("head <- Head.fc"), where(flattenBefore, "LargeDenseHead"));

        var pooled = model("Pooled", 1, 28, 28).field("c").conv(64, 3).relu().field("gap").globalAvgPool().build();
        var nearMiss = model("Net", 1, 28, 28).field("features").subModel(pooled, false)
                .field("fc").dense(32).relu().field("logits").dense(10).build();
        assertEquals(List.of(), LintAssert.lint(nearMiss));
    }

    // --- the network's output, at any depth ------------------------------------------------------

    @Test
    void theOutputOfABlockNestedTwoDeepIsTheLogits() {
        var head = model("Head", 64).field("logits").dense(10).softmax().build();
        var middle = model("Middle", 64).field("fc").dense(64).relu().field("head").subModel(head, false).build();
        var net = model("Net", 64).field("body").subModel(middle, false).build();
        assertEquals(List.of("body <- Head.logits"), where(net, "DoubleSoftmax"));
        assertSays(net, "DoubleSoftmax", "'logits_softmax' (@Softmax on 'logits') of Head in sub-model 'body'",
                "Fix: remove the softmax in Head");
        assertEquals(List.of(), ownLint(middle), "a building block's output is not the network's logits");

        var residual = model("Res", 10).field("fc").dense(10).softmax().build();
        var residualNet = model("Net", 64).field("fc").dense(10).field("res").subModel(residual, true).build();
        assertEquals(List.of("res <- Res.fc"), where(residualNet, "DoubleSoftmax"));
        var notLast = model("Net", 64).field("body").subModel(middle, false).field("out").dense(10).build();
        assertEquals(List.of(), where(notLast, "DoubleSoftmax"));
        for (String id : new String[] {"DropoutOnOutput", "ActivationOnLogits", "SingleUnitSoftmaxOutput"}) {
            var last = switch (id) {
                case "DropoutOnOutput" -> model("Head", 64).field("logits").dense(10).field("drop").dropout(0.2).build();
                case "ActivationOnLogits" -> model("Head", 64).field("logits").dense(10).relu().build();
                default -> model("Head", 64).field("logits").dense(1).build();
            };
            var inMiddle = model("Middle", 64).field("fc").dense(64).relu().field("head").subModel(last, false).build();
            var deep = model("Net", 64).field("body").subModel(inMiddle, false).build();
            assertEquals(List.of("body <- Head." + (id.equals("DropoutOnOutput") ? "drop" : "logits")), where(deep, id), id);
        }
    }

    /** A residual block that ends a classifier: the end of its main path acts on the logits too. */
    @Test
    void theEndOfAResidualBlockEndingAClassifierActsOnTheLogits() {
        var dropped = model("ResDrop", 10).field("fc").dense(10).field("drop").dropout(0.2).build();
        var net = model("Net", 64).field("fc").dense(10).field("res").subModel(dropped, true).build();
        assertEquals(List.of("res <- ResDrop.drop"), where(net, "DropoutOnOutput"));
        var relu = model("ResRelu", 10).field("fc").dense(10).relu().build();
        var reluNet = model("Net", 64).field("fc").dense(10).field("res").subModel(relu, true).build();
        assertEquals(List.of("res <- ResRelu.fc"), where(reluNet, "ActivationOnLogits"));
        var followed = model("Net", 64).field("fc").dense(10).field("res").subModel(relu, true)
                .field("out").dense(10).build();
        assertEquals(List.of(), where(followed, "ActivationOnLogits"), "not the output when a layer follows");
    }

    // --- what a block finds in itself is reported once, where it is declared ----------------------

    @Test
    void aFindingInsideABlockIsNotRepeatedAtEveryUse() {
        var block = model("Twice", 64).field("fc").dense(64).relu().field("d1").dropout(0.5)
                .field("d2").dropout(0.5).field("fc2").dense(64).relu().build();
        assertEquals(List.of("d2"), ownLint(block).stream().filter(f -> f.id().equals("ConsecutiveDropout"))
                .map(LintAssert::where).toList());
        var net = model("Net", 64).field("block1").subModel(block, false)
                .field("block2").subModel(block, false).field("logits").dense(10).build();
        assertEquals(List.of(), LintAssert.lint(net));
        var middle = model("Middle", 64).field("inner").subModel(block, false).build();
        var deep = model("Net", 64).field("body").subModel(middle, false).field("logits").dense(10).build();
        assertEquals(List.of(), LintAssert.lint(deep), "nor at the uses of a block that uses it");
        var features = model("Features", 1, 8, 8).field("c").conv(8, 3).relu().build();
        var normed = model("Normed", 1, 8, 8).field("features").subModel(features, false).field("norm").bn().build();
        assertEquals(List.of("norm <- Features.c"), ownLint(normed).stream()
                .filter(f -> f.id().equals("BatchNormAfterActivation")).map(LintAssert::where).toList());
        var outer = model("Net", 1, 8, 8).field("block").subModel(normed, false).gapHead().build();
        assertEquals(List.of(), where(outer, "BatchNormAfterActivation"), "Normed's own finding, not the outer model's");
    }
}
