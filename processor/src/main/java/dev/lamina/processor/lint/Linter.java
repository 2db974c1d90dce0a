package dev.lamina.processor.lint;

import dev.lamina.processor.diag.Finding;
import dev.lamina.processor.diag.Severity;
import dev.lamina.processor.model.LayerSpec;
import dev.lamina.processor.model.ModelRole;
import dev.lamina.processor.model.ModelSpec;
import dev.lamina.processor.model.SubModelSpec;
import dev.lamina.processor.shape.ShapedModel;
import dev.lamina.processor.tensor.TensorShape;
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
 * only when the composition causes it: what the rules find in that sub-model on its own, as the
 * building block it is there, is the sub-model's own finding, reported where it is declared and
 * not repeated at every use. The rules run once per model, input and role for as long as this
 * linter lives (the processor keeps one per round), so that comparison reads what was found once,
 * also when the sub-model's own lint is reported. Unknown {@code @SuppressWarnings("lamina:...")}
 * values are reported (see {@link Suppressions}) whenever at least one rule runs.
 */
public final class Linter {

    private final LintConfig config;
    /** What every rule found, at its default severity, per model, input and role, by rule id. */
    private final Map<Checked, Map<String, List<Finding>>> checked = new HashMap<>();

    /** A model shaped for one input, linted as one role. */
    private record Checked(String model, TensorShape input, ModelRole role) {}

    public Linter(LintConfig config) {
        this.config = config;
    }

    /**
     * Findings to report (severity already adjusted; suppressed and OFF ones removed), the model
     * linted as what it declares itself to be ({@link ModelSpec#role()}): first the
     * unknown-suppression warnings, then rule findings ordered by the position of their field in
     * the model (registry order within a field).
     */
    public List<Finding> lint(ShapedModel model) {
        return lint(model, model.spec().role());
    }

    /**
     * As {@link #lint(ShapedModel)}, the model linted as {@code role}: its declared role, or, for a
     * body (a model without input) shaped at a use site, the role it has there
     * ({@link #roleAtUse}).
     */
    public List<Finding> lint(ShapedModel model, ModelRole role) {
        LayerSequence layers = new LayerSequence(model, role);
        Set<Finding.Key> ownLints = subModelsOwnFindings(layers);
        Map<String, List<Finding>> found = checked(model, role);
        return run(model.spec(), rule -> {
            List<Finding> kept = new ArrayList<>(rule.checkDeclaration(model.spec()));
            for (Finding finding : found.getOrDefault(rule.id(), List.of())) {
                if (finding.declaredIn() == null
                        || !ownLints.contains(finding.keyIn(null)) && !suppressedOnTheWay(finding, layers)) {
                    kept.add(finding);
                }
            }
            return kept;
        });
    }

    /**
     * The role a sub-model has where a model uses it: its declared building-block role; else (a
     * whole network used as a field, or a body) {@code RESIDUAL_BLOCK} as a {@code @Residual} main
     * path and {@code BLOCK} otherwise.
     */
    public static ModelRole roleAtUse(ModelSpec subModel, boolean residual) {
        if (subModel.declaredRole() != null) {
            return subModel.declaredRole(); // never NETWORK: that is what DEFAULT means with an input
        }
        return residual ? ModelRole.RESIDUAL_BLOCK : ModelRole.BLOCK;
    }

    /**
     * The findings of {@code model}'s own lint ({@link #lint(ShapedModel)}, as the whole network
     * it declares itself to be) that its lint as {@code blockRole} does not have: what the rules
     * about a network's input and a classifier's output say about a model that other models use
     * as a building block without declaring it one.
     */
    public List<Finding> onlyAsNetwork(ShapedModel model, ModelRole blockRole) {
        Set<Finding.Key> asBlock = new HashSet<>();
        checked(model, blockRole).values().forEach(list -> list.forEach(f -> asBlock.add(f.keyIn(null))));
        return lint(model).stream()
                .filter(f -> f.origin() != null && Rules.byId(f.id()).isPresent() && !asBlock.contains(f.keyIn(null)))
                .toList();
    }

    /** What every rule finds in {@code model} linted as {@code role}, by rule id: computed once per linter. */
    private Map<String, List<Finding>> checked(ShapedModel model, ModelRole role) {
        Checked key = new Checked(model.spec().qualifiedName(), model.input(), role);
        Map<String, List<Finding>> found = checked.get(key);
        if (found == null) {
            LayerSequence layers = new LayerSequence(model, role);
            found = new HashMap<>();
            for (Rule rule : Rules.all()) {
                found.put(rule.id(), rule.check(layers));
            }
            checked.put(key, found);
        }
        return found;
    }

    /**
     * Keys of what the rules find in each plain sub-model of the model at hand, as the building
     * block it is there ({@link #roleAtUse}): a finding on an inlined layer with such a key is
     * internal to the sub-model, reported where it is declared, not at each use.
     */
    private Set<Finding.Key> subModelsOwnFindings(LayerSequence layers) {
        Set<Finding.Key> keys = new HashSet<>();
        for (ShapedModel block : layers.plainSubModels().values()) {
            String name = block.spec().qualifiedName();
            for (List<Finding> findings : checked(block, roleAtUse(block.spec(), false)).values()) {
                for (Finding finding : findings) {
                    // the layer it is about: the block's own (on its origin), or one inlined into the
                    // block (its declaration); a finding on the block's own layer may name a declaration
                    // too (where its Fix is carried out), so both keys are the block's
                    keys.add(new Finding.Key(finding.id(), name, finding.origin()));
                    if (finding.declaredIn() != null) {
                        keys.add(finding.keyIn(name));
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
