package dev.lamina.processor.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Fix closure with another rule's pattern nearby: each case is a model where one rule's trigger
 * sits next to (or on the same layer as) another rule's pattern (a finding of its own, or the
 * layers a careless Fix would turn into one: a batch norm after the pool where a ReLU is to be
 * added, a dropout already after the dense layer a dropout is to be moved after), the Fix of the first rule's
 * message as written, and the model after doing exactly that. The fixed model compiles with no
 * new finding: its Lamina diagnostics are among the original's, less the one fixed ({@code Id@field}).
 * The one-rule triggers are checked by {@link LintCompilationTest}, the stacks of findings on one
 * layer by {@link OneLayerOneFixTest}.
 */
class NeighbourFixClosureTest {

    private static final Pattern TAG = Pattern.compile("\\[lamina:([A-Za-z]+)\\]");
    private static final Pattern FIELD = Pattern.compile("\\s(\\w+);\\s*$");

    /**
     * One case: the model, the rule whose Fix is followed on the layer of field {@code field}, words
     * of that Fix, and the model with it followed.
     */
    record Case(String name, JavaFileObject model, String id, String field, String advice, JavaFileObject fixed) {}

    static final List<Case> CASES = List.of(
            // issue 22: a sigmoid on two binary logits; setting one unit leaves the sigmoid's own finding
            new Case("two binary logits with a sigmoid", JavacCase.withFields("SigmoidPair",
                    "{16}, task = Model.Task.BINARY",
                    "    @Dense(units = 32) @ReLU Layer fc;",
                    "    @Dense(units = 2) @Sigmoid Layer out;"), "MultiUnitBinaryOutput", "out",
                    "@Dense(units = 1), with no activation", JavacCase.withFields("SigmoidPair",
                            "{16}, task = Model.Task.BINARY",
                            "    @Dense(units = 32) @ReLU Layer fc;",
                            "    @Dense(units = 1) @Sigmoid Layer out;")),
            // a one-unit multi-class output with a ReLU: declaring the binary task leaves the ReLU's finding
            new Case("a one-unit output with a ReLU", JavacCase.vector("ReluUnit",
                    "    @Dense(units = 32) @ReLU Layer fc;",
                    "    @Dense(units = 1) @ReLU Layer out;"), "SingleUnitSoftmaxOutput", "out",
                    "declare the binary task", JavacCase.withFields("ReluUnit", "{16}, task = Model.Task.BINARY",
                            "    @Dense(units = 32) @ReLU Layer fc;",
                            "    @Dense(units = 1) @ReLU Layer out;")),
            // Network in Network's end: moving the dropout before the last conv would put it between convs
            new Case("dropout on the logits of a conv output", JavacCase.image("NinEnd",
                    "    @Conv(filters = 8) @ReLU Layer conv1;",
                    "    @Conv(filters = 10) Layer conv2;",
                    "    @Dropout(rate = 0.3) Layer drop;",
                    "    @GlobalAvgPool Layer gap;"), "DropoutOnOutput", "drop", "Fix: remove it.",
                    JavacCase.image("NinEnd",
                            "    @Conv(filters = 8) @ReLU Layer conv1;",
                            "    @Conv(filters = 10) Layer conv2;",
                            "    @GlobalAvgPool Layer gap;")),
            // a dropout between convs whose next conv has a redundant bias (a note that stays)
            new Case("dropout between convs next to a redundant bias", JavacCase.image("BetweenBias",
                    "    @Conv(filters = 8) @ReLU Layer conv1;",
                    "    @Dropout(rate = 0.3) Layer drop;",
                    "    @Conv(filters = 8) @BatchNorm @ReLU Layer conv2;",
                    "    @GlobalAvgPool Layer gap;",
                    "    @Dense(units = 10) Layer logits;"), "DropoutBetweenConvs", "drop", "move it after the last batch norm",
                    JavacCase.image("BetweenBias",
                            "    @Conv(filters = 8) @ReLU Layer conv1;",
                            "    @Conv(filters = 8) @BatchNorm @ReLU Layer conv2;",
                            "    @GlobalAvgPool Layer gap;",
                            "    @Dropout(rate = 0.3) Layer drop;",
                            "    @Dense(units = 10) Layer logits;")),
            // two linear convs, the second before a max pool: the first's Fix leaves the second's note
            new Case("a linear conv before a linear conv and a pool", JavacCase.image("TwoLinear",
                    "    @Conv(filters = 8) Layer conv1;",
                    "    @Conv(filters = 16) @MaxPool(2) Layer conv2;",
                    "    @Conv(filters = 16) @ReLU Layer conv3;",
                    "    @GlobalAvgPool Layer gap;",
                    "    @Dense(units = 10) Layer logits;"), "MissingActivation", "conv1", "add an activation after 'conv1'",
                    JavacCase.image("TwoLinear",
                            "    @Conv(filters = 8) @ReLU Layer conv1;",
                            "    @Conv(filters = 16) @MaxPool(2) Layer conv2;",
                            "    @Conv(filters = 16) @ReLU Layer conv3;",
                            "    @GlobalAvgPool Layer gap;",
                            "    @Dense(units = 10) Layer logits;")),
            // a linear conv, a pool, then a batch norm: the ReLU goes after the batch norm, or
            // BatchNormAfterActivation would report it
            new Case("a linear conv before a pool and a batch norm", JavacCase.image("PoolThenBn",
                    "    @Conv(filters = 8, bias = false) @MaxPool(2) Layer conv1;",
                    "    @BatchNorm Layer bn;",
                    "    @Conv(filters = 16) @ReLU Layer conv2;",
                    "    @GlobalAvgPool Layer gap;",
                    "    @Dense(units = 10) Layer logits;"), "LinearConvBeforePool", "conv1",
                    "add @ReLU after batch norm 'bn' (@BatchNorm), e.g. @BatchNorm @ReLU",
                    JavacCase.image("PoolThenBn",
                            "    @Conv(filters = 8, bias = false) @MaxPool(2) Layer conv1;",
                            "    @BatchNorm @ReLU Layer bn;",
                            "    @Conv(filters = 16) @ReLU Layer conv2;",
                            "    @GlobalAvgPool Layer gap;",
                            "    @Dense(units = 10) Layer logits;")),
            // a linear dense, a dropout, then a batch norm: the same for MissingActivation
            new Case("a linear dense before a dropout and a batch norm", JavacCase.vector("DropThenBn",
                    "    @Dense(units = 32, bias = false) Layer fc1;",
                    "    @Dropout(rate = 0.3) Layer drop;",
                    "    @BatchNorm Layer bn;",
                    "    @Dense(units = 10) Layer logits;"), "MissingActivation", "fc1",
                    "add an activation after batch norm 'bn' (@BatchNorm), e.g. @BatchNorm @ReLU",
                    JavacCase.vector("DropThenBn",
                            "    @Dense(units = 32, bias = false) Layer fc1;",
                            "    @Dropout(rate = 0.3) Layer drop;",
                            "    @BatchNorm @ReLU Layer bn;",
                            "    @Dense(units = 10) Layer logits;")),
            // a batch norm after ReLU and dropout: its Fix moves it between the conv and the ReLU, and
            // the dropout then follows the last batch norm
            new Case("a batch norm after an activation and a dropout", JavacCase.image("BnAfterDrop",
                    "    @Conv(filters = 8) @ReLU Layer conv1;",
                    "    @SpatialDropout(rate = 0.1) Layer drop;",
                    "    @BatchNorm Layer bn;",
                    "    @GlobalAvgPool Layer gap;",
                    "    @Dense(units = 10) Layer logits;"), "BatchNormAfterActivation", "bn",
                    "@Conv(..., bias = false) @BatchNorm @ReLU",
                    JavacCase.image("BnAfterDrop",
                            "    @Conv(filters = 8, bias = false) @BatchNorm @ReLU Layer conv1;",
                            "    @SpatialDropout(rate = 0.1) Layer drop;",
                            "    @GlobalAvgPool Layer gap;",
                            "    @Dense(units = 10) Layer logits;")),
            // two dropouts on a feature map: keeping one leaves the feature-map warning on it
            new Case("two dropouts on a feature map", JavacCase.image("MapsRun",
                    "    @Conv(filters = 8) @ReLU @MaxPool(2) Layer conv;",
                    "    @Dropout(rate = 0.3) Layer drop1;",
                    "    @Dropout(rate = 0.6) Layer drop2;",
                    "    @Flatten Layer flat;",
                    "    @Dense(units = 32) @ReLU Layer fc;",
                    "    @Dense(units = 10) Layer logits;"), "ConsecutiveDropout", "drop2",
                    "keep one dropout with the rate you want, e.g. @Dropout(rate = 0.5), and remove the other",
                    JavacCase.image("MapsRun",
                            "    @Conv(filters = 8) @ReLU @MaxPool(2) Layer conv;",
                            "    @Dropout(rate = 0.5) Layer drop2;",
                            "    @Flatten Layer flat;",
                            "    @Dense(units = 32) @ReLU Layer fc;",
                            "    @Dense(units = 10) Layer logits;")),
            // a high rate on a feature map: the spatial dropout the Fix names is at a rate no rule reports
            new Case("a high rate on a feature map", JavacCase.image("HighOnMaps",
                    "    @Conv(filters = 8) @ReLU @MaxPool(2) Layer conv;",
                    "    @Dropout(rate = 0.7) Layer drop;",
                    "    @GlobalAvgPool Layer gap;",
                    "    @Dense(units = 10) Layer logits;"), "DropoutRateHigh", "drop",
                    "use @SpatialDropout(rate = 0.5) here",
                    JavacCase.image("HighOnMaps",
                            "    @Conv(filters = 8) @ReLU @MaxPool(2) Layer conv;",
                            "    @SpatialDropout(rate = 0.5) Layer drop;",
                            "    @GlobalAvgPool Layer gap;",
                            "    @Dense(units = 10) Layer logits;")),
            // the feature-map dropout of a CNN whose dense layer already has one (issue 24)
            new Case("a feature-map dropout before a dense that has its dropout", JavacCase.image("MapsAndDense",
                    "    @Conv(filters = 8) @ReLU @MaxPool(2) Layer conv;",
                    "    @Dropout(rate = 0.25) Layer drop1;",
                    "    @Flatten Layer flat;",
                    "    @Dense(units = 32) @ReLU Layer fc1;",
                    "    @Dropout(rate = 0.5) Layer drop2;",
                    "    @Dense(units = 10) Layer logits;"), "DropoutOnFeatureMaps", "drop1",
                    "use @SpatialDropout(rate = 0.25) here",
                    JavacCase.image("MapsAndDense",
                            "    @Conv(filters = 8) @ReLU @MaxPool(2) Layer conv;",
                            "    @SpatialDropout(rate = 0.25) Layer drop1;",
                            "    @Flatten Layer flat;",
                            "    @Dense(units = 32) @ReLU Layer fc1;",
                            "    @Dropout(rate = 0.5) Layer drop2;",
                            "    @Dense(units = 10) Layer logits;")));

    /** Lamina findings as {@code Id@field}, and the Fix of {@code id} on {@code field} when asked. */
    private static List<String> findings(Compilation compilation) {
        List<String> found = new ArrayList<>();
        for (Diagnostic<? extends JavaFileObject> d : compilation.diagnostics()) {
            Matcher tag = TAG.matcher(d.getMessage(Locale.ROOT));
            if (tag.find() && d.getSource() != null) {
                found.add(tag.group(1) + "@" + field(d));
            }
        }
        return found;
    }

    private static String field(Diagnostic<? extends JavaFileObject> d) {
        try {
            String line = d.getSource().getCharContent(true).toString().split("\n", -1)[(int) d.getLineNumber() - 1];
            Matcher field = FIELD.matcher(line);
            return field.find() ? field.group(1) : "?";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String fixOf(Compilation compilation, String id, String field) {
        return compilation.diagnostics().stream()
                .filter(d -> d.getMessage(Locale.ROOT).contains("[lamina:" + id + "]") && field(d).equals(field))
                .map(d -> d.getMessage(Locale.ROOT))
                .map(m -> m.substring(m.indexOf("Fix: ")))
                .findFirst().orElseThrow(() -> new AssertionError(id + " does not fire on " + field));
    }

    @TestFactory
    Stream<DynamicTest> followingAFixNextToAnotherRulesPatternGivesNoNewFinding() {
        return CASES.stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> {
            Compilation original = Javac.compile(c.model());
            String fix = fixOf(original, c.id(), c.field());
            assertTrue(fix.contains(c.advice()), () -> "the Fix should say '" + c.advice() + "': " + fix);
            List<String> before = new ArrayList<>(findings(original));
            before.remove(c.id() + "@" + c.field());
            List<String> after = findings(Javac.compile(c.fixed()));
            List<String> added = new ArrayList<>(after);
            before.forEach(added::remove);
            assertEquals(List.of(), added, () -> "new findings after following " + c.id() + "'s Fix; before " + before);
        }));
    }
}
