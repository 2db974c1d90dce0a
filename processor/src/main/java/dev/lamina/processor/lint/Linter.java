package dev.lamina.processor.lint;

import dev.lamina.processor.diag.Finding;
import dev.lamina.processor.diag.Origin;
import dev.lamina.processor.diag.Severity;
import dev.lamina.processor.model.LayerSpec;
import dev.lamina.processor.model.ModelSpec;
import dev.lamina.processor.model.SubModelSpec;
import dev.lamina.processor.shape.ShapedModel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Runs every registered placement rule on a shaped model, applies severity options and
 * {@code @SuppressWarnings}, and returns what is to be reported.
 *
 * <p>Rules see the whole network ({@link LayerSequence}): plain sub-models are inlined, and a
 * {@code @Residual} block is seen at its boundaries. A finding on a layer of a sub-model is kept
 * only when the composition causes it: what the sub-model's own lint finds on that layer (which
 * runs when its own {@code @Model} class is compiled) is not repeated at every use. Unknown
 * {@code @SuppressWarnings("lamina:...")} values are reported (see {@link Suppressions}) whenever
 * at least one rule runs.
 */
public final class Linter {

    private final LintConfig config;

    public Linter(LintConfig config) {
        this.config = config;
    }

    /**
     * Findings to report (severity already adjusted; suppressed and OFF ones removed): first the
     * unknown-suppression warnings, then rule findings ordered by the position of their field in
     * the model (registry order within a field).
     */
    public List<Finding> lint(ShapedModel model) {
        return lint(model, false);
    }

    /**
     * As {@link #lint(ShapedModel)}; {@code usedAsSubModel}: another model of the compilation
     * inlines this one, so it is a building block and the rules about a classifier's logits do not
     * apply to its output (see {@link LayerSequence#actsOnLogits}).
     */
    public List<Finding> lint(ShapedModel model, boolean usedAsSubModel) {
        return lint(model, usedAsSubModel, false);
    }

    /**
     * As {@link #lint(ShapedModel, boolean)}; {@code residualBody}: another model of the compilation
     * uses this one as the main path of a {@code @Residual} block (see
     * {@link LayerSequence#isInsideResidualBlockBetweenConvs}).
     */
    public List<Finding> lint(ShapedModel model, boolean usedAsSubModel, boolean residualBody) {
        return lint(model, usedAsSubModel, residualBody, Set.of());
    }

    /**
     * As {@link #lint(ShapedModel, boolean, boolean)}; {@code residualBodies}: qualified names of
     * the models that some model of the compilation uses as a {@code @Residual} main path (those
     * of this model's own tree are added), which the sub-models' own lints are run with.
     */
    public List<Finding> lint(ShapedModel model, boolean usedAsSubModel, boolean residualBody,
                              Set<String> residualBodies) {
        LayerSequence layers = new LayerSequence(model, usedAsSubModel, residualBody);
        Set<String> bodies = new HashSet<>(residualBodies);
        bodies.addAll(model.spec().residualBodyNames());
        Set<String> ownLints = subModelsOwnFindings(layers, bodies);
        return run(model.spec(), rule -> {
            List<Finding> found = new ArrayList<>(rule.checkDeclaration(model.spec()));
            for (Finding finding : rule.check(layers)) {
                if (finding.declaredIn() == null
                        || !ownLints.contains(key(finding)) && !suppressedOnTheWay(finding, layers)) {
                    found.add(finding);
                }
            }
            return found;
        });
    }

    /**
     * Keys ({@link #key}) of what every rule finds in each plain sub-model of the model at hand
     * linted as a building block (as its own {@code @Model} class is, by the processor): a finding
     * on an inlined layer with such a key is internal to the sub-model, reported where it is
     * declared, not at each use.
     */
    private static Set<String> subModelsOwnFindings(LayerSequence layers, Set<String> residualBodies) {
        Set<String> keys = new HashSet<>();
        for (ShapedModel block : layers.plainSubModels().values()) {
            String name = block.spec().qualifiedName();
            LayerSequence own = new LayerSequence(block, true, residualBodies.contains(name));
            for (Rule rule : Rules.all()) {
                for (Finding finding : rule.check(own)) {
                    // the layer it is about: the block's own (on its origin), or one inlined into the
                    // block (its declaration); a finding on the block's own layer may name a declaration
                    // too (where its Fix is carried out), so both keys are the block's
                    keys.add(key(finding.id(), name, finding.origin()));
                    if (finding.declaredIn() != null) {
                        keys.add(key(finding));
                    }
                }
            }
        }
        return keys;
    }

    /**
     * Whether a sub-model between the model at hand and the one declaring a whole-network
     * finding's layer suppresses it on the field through which it inlines the next one (e.g.
     * {@code @SuppressWarnings("lamina:X") Inner inner;} in a block that the model at hand uses).
     */
    private static boolean suppressedOnTheWay(Finding finding, LayerSequence layers) {
        List<SubModelSpec> path = layers.pathTo(finding.origin(), finding.declaredIn().model(),
                finding.declaredIn().origin());
        for (int k = 1; k < path.size(); k++) {
            Finding there = finding.at(path.get(k).origin());
            if (new Suppressions(path.get(k - 1).model()).suppresses(there)) {
                return true;
            }
        }
        return false;
    }

    /** Rule id, declaring model and origin of a whole-network finding's layer. */
    private static String key(Finding finding) {
        return key(finding.id(), finding.declaredIn().model(), finding.declaredIn().origin());
    }

    private static String key(String id, String model, Origin origin) {
        return id + " " + model + " " + origin;
    }

    /**
     * The findings about the declaration alone ({@link Rule#checkDeclaration}) of a model whose
     * shapes could not be inferred, with options and suppressions applied as in {@link #lint}.
     */
    public List<Finding> lintDeclaration(ModelSpec model) {
        return run(model, rule -> rule.checkDeclaration(model));
    }

    private List<Finding> run(ModelSpec model, Function<Rule, List<Finding>> check) {
        if (!config.anyEnabled()) {
            return List.of();
        }
        Suppressions suppressions = new Suppressions(model);
        Map<String, ModelSpec> subModels = model.subModels();
        List<Finding> findings = new ArrayList<>();
        for (Rule rule : Rules.all()) {
            Severity severity = config.severityOf(rule);
            if (severity == Severity.OFF) {
                continue;
            }
            for (Finding finding : check.apply(rule)) {
                if (!suppressions.suppresses(finding) && !suppressedWhereDeclared(finding, subModels)) {
                    findings.add(finding.withSeverity(severity));
                }
            }
        }
        findings.sort(Comparator.comparingInt(fieldPositions(model)::position));
        List<Finding> result = new ArrayList<>(suppressions.unknownIds());
        result.addAll(findings);
        return List.copyOf(result);
    }

    /** Whether the sub-model that declares a whole-network finding's layer suppresses it there. */
    private static boolean suppressedWhereDeclared(Finding finding, Map<String, ModelSpec> subModels) {
        Finding.Declaration declared = finding.declaredIn();
        return declared != null && new Suppressions(subModels.get(declared.model())).suppresses(
                finding.at(declared.origin()));
    }

    private static FieldPositions fieldPositions(ModelSpec model) {
        Map<String, Integer> positions = new HashMap<>();
        List<LayerSpec> specs = model.layers();
        for (int i = 0; i < specs.size(); i++) {
            positions.putIfAbsent(specs.get(i).field(), i);
        }
        return new FieldPositions(positions);
    }

    /** Position of a finding's field in the model; the class itself comes first. */
    private record FieldPositions(Map<String, Integer> positions) {
        int position(Finding finding) {
            return positions.getOrDefault(finding.origin().field(), -1);
        }
    }
}
