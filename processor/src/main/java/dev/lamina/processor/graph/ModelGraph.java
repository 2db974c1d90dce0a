package dev.lamina.processor.graph;

import dev.lamina.processor.diag.Finding;
import dev.lamina.processor.diag.Problem;
import dev.lamina.processor.diag.Severity;
import dev.lamina.processor.lint.LintConfig;
import dev.lamina.processor.lint.Linter;
import dev.lamina.processor.lint.Rule;
import dev.lamina.processor.lint.rules.ChannelsLastInput;
import dev.lamina.processor.model.LayerSpec;
import dev.lamina.processor.model.ModelRole;
import dev.lamina.processor.model.ModelSpec;
import dev.lamina.processor.model.ModelTask;
import dev.lamina.processor.model.SpecValidator;
import dev.lamina.processor.model.SubModelSpec;
import dev.lamina.processor.shape.ShapeInference;
import dev.lamina.processor.shape.ShapedLayer;
import dev.lamina.processor.shape.ShapedModel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The models of one processing round, each validated and shaped once per input and linted once per
 * input and role, and what the processor is to report and generate for each: the round's model
 * graph (as Dagger's binding graph, built once, then only read). The {@code @Model} classes of the
 * round are its {@link Node nodes}; the sub-models they use (of the round, of earlier rounds or
 * of jars) are shaped and linted through them. The graph is plain Java: the processor reads the
 * classes into specs before and turns {@link Report reports} into diagnostics after.
 *
 * <p>Whether a model is a network or a building block comes from its own declaration
 * ({@link ModelSpec#role()}), never from the other models of the round, so a model gets the same
 * findings and the same Net alone or with its users.
 */
public final class ModelGraph {

    /** A {@code @Model} class of the round as read: its spec and what reading it found. */
    public record Root(ModelSpec spec, List<Finding> problems) {

        public Root {
            problems = List.copyOf(problems);
        }
    }

    /** What the graph asks of the compilation, by qualified name. */
    public interface Compilation {

        /** Whether a generated class of this simple name would shadow a type (see {@link SpecValidator}). */
        boolean shadowsAType(String simpleName);

        /**
         * Whether the model is declared in a source file of this compilation (of this round or an
         * earlier one), so that a finding can be reported on its class; false for one of a jar.
         */
        boolean declaredHere(String model);

        /** Whether the class exists already: a Net generated in an earlier round, or on the classpath. */
        boolean classExists(String qualifiedName);
    }

    /**
     * A finding to report on the class of {@code model} (qualified name).
     *
     * @param lint whether it is a lint finding (or a body's shape warning): those go to the SARIF log too
     */
    public record Report(Finding finding, String model, boolean lint) {}

    /**
     * One {@code @Model} class of the round and its verdict.
     *
     * @param spec the model
     * @param reports what to report, in order, on this model and on the models that declare the
     *     layers the findings are about
     * @param shaped the model with its shapes when it has no error (its summary is printed); null otherwise
     * @param missingNet the error that stops its generation although it has no error of its own: a
     *     sub-model whose Net the generated code would call does not exist; null when there is none
     */
    public record Node(ModelSpec spec, List<Report> reports, ShapedModel shaped, Finding missingNet) {

        public Node {
            reports = List.copyOf(reports);
        }

        /** Whether the Net is to be generated. */
        public boolean generates() {
            return shaped != null && missingNet == null;
        }

        /** Whether the model takes its input from where it is used (a body: it has no Net of its own). */
        public boolean body() {
            return spec.inputFromUseSite();
        }
    }

    private final Compilation compilation;
    private final Linter linter;
    private final ShapeInference.Memo shapes = new ShapeInference.Memo();
    private final Map<String, List<Finding>> validated = new HashMap<>();
    /** Findings already reported where their layer is declared (an error once per text). */
    private final Set<Reported> reported = new HashSet<>();
    /** Models of this round whose Net is generated, by qualified name. */
    private final Set<String> generated = new HashSet<>();
    /** Models of this round, by qualified name. */
    private final Set<String> inRound = new HashSet<>();
    private final List<Node> nodes = new ArrayList<>();

    /** A report already made where a layer is declared; {@code message} set for errors (one per text). */
    private record Reported(Finding.Key key, String message) {}

    private ModelGraph(Compilation compilation, LintConfig config) {
        this.compilation = compilation;
        this.linter = new Linter(config);
    }

    /**
     * The graph of one round's models, sub-models first (a model's Net is generated only once
     * those of its sub-models are). A model on which the processor fails gets a node whose only
     * new report is an {@code InternalError}; the others are built all the same.
     */
    public static ModelGraph build(List<Root> roots, LintConfig config, Compilation compilation) {
        ModelGraph graph = new ModelGraph(compilation, config);
        List<Root> ordered = new ArrayList<>(roots);
        // a model has more sub-models, at any depth, than each of its sub-models has
        ordered.sort(Comparator.comparingInt(r -> r.spec().subModelNames().size()));
        ordered.forEach(r -> graph.inRound.add(r.spec().qualifiedName()));
        for (Root root : ordered) {
            graph.nodes.add(graph.node(root));
        }
        return graph;
    }

    /** The round's models with their verdicts, sub-models first. */
    public List<Node> nodes() {
        return List.copyOf(nodes);
    }

    /** Qualified names of the models that the round's models use as fields, at any depth. */
    public Set<String> usedModels() {
        Set<String> used = new LinkedHashSet<>();
        nodes.forEach(n -> used.addAll(n.spec().subModelNames()));
        return used;
    }

    private Node node(Root root) {
        List<Report> reports = new ArrayList<>();
        ModelSpec spec = root.spec();
        try {
            return spec.inputFromUseSite() ? body(root, reports) : network(root, reports);
        } catch (RuntimeException | LinkageError | AssertionError e) {
            reports.add(new Report(Problem.internalError(spec.simpleName(), e), spec.qualifiedName(), false));
            return new Node(spec, reports, null, null);
        }
    }

    /**
     * A model with its own input: read problems and attribute errors, shapes, lints, the findings of
     * the bodies it shapes, and whether its Net can be generated.
     */
    private Node network(Root root, List<Report> reports) {
        ModelSpec spec = root.spec();
        String name = spec.qualifiedName();
        List<Finding> findings = new ArrayList<>(root.problems());
        List<Finding> attributeErrors = SpecValidator.validate(spec, compilation::shadowsAType, validated);
        findings.addAll(attributeErrors);
        ShapedModel shaped = null;
        List<Finding> shapeFindings = List.of();
        // Every independent error in one compile: shapes are inferred around layers with
        // attribute errors; only a broken model structure or input stops them.
        if (!hasError(root.problems()) && attributeErrors.stream().noneMatch(ModelGraph::isInputError)) {
            ShapeInference.Result result = ShapeInference.infer(spec, attributeErrors, shapes);
            shapeFindings = result.findings();
            shaped = hasError(attributeErrors) ? null : result.model();
        }
        List<Finding> lints = shaped == null ? linter.lintDeclaration(spec) : linter.lint(shaped);
        String channelsLast = Rule.idOf(ChannelsLastInput.class);
        boolean transposed = lints.stream().anyMatch(f -> f.id().equals(channelsLast));
        for (Finding finding : shapeFindings) {
            findings.add(transposed && finding.severity() == Severity.ERROR
                    ? ChannelsLastInput.explain(finding, spec) : finding);
        }
        findings.sort(Comparator.comparingInt(f -> layerPosition(spec, f)));
        for (Finding finding : findings) {
            reports.add(new Report(finding, name, false));
            reportWhereDeclared(finding, false, reports);
        }
        for (Finding lint : lints) {
            reports.add(new Report(lint, name, true));
            reportWhereDeclared(lint, true, reports);
        }
        if (shaped != null) {
            reportBodiesFromUseSite(shaped, reports);
            reportUndeclaredRoles(shaped, reports);
        }
        if (shaped == null || hasError(findings) || hasError(lints)) {
            return new Node(spec, reports, null, null);
        }
        Finding missing = missingSubModelNet(spec);
        if (missing == null) {
            generated.add(name);
        }
        return new Node(spec, reports, shaped, missing);
    }

    /**
     * A model without {@code @Model(input)}: it takes its input shape from each model that uses it
     * as a field, which shapes it, lints it ({@link #reportBodiesFromUseSite}) and builds it in its
     * own Net. On its own, only what does not depend on shapes is checked; it gets no Net.
     */
    private Node body(Root root, List<Report> reports) {
        ModelSpec spec = root.spec();
        List<Finding> findings = new ArrayList<>(root.problems());
        findings.addAll(SpecValidator.validate(spec, compilation::shadowsAType, validated));
        findings.sort(Comparator.comparingInt(f -> layerPosition(spec, f)));
        findings.forEach(f -> reports.add(new Report(f, spec.qualifiedName(), false)));
        linter.lintDeclaration(spec).forEach(f -> reports.add(new Report(f, spec.qualifiedName(), true)));
        return new Node(spec, reports, null, null);
    }

    /** A body shaped at a use site, with the role it has there and the field of the model at hand that brings it. */
    private record BodyUse(ShapedModel body, ModelRole role, LayerSpec useSite) {}

    /**
     * The bodies {@code shaped} builds (at any depth through bodies), each once per input and role,
     * with the field of {@code shaped} through which it is reached.
     */
    private static List<BodyUse> bodyUses(ShapedModel shaped) {
        Map<Object, BodyUse> uses = new LinkedHashMap<>();
        for (ShapedLayer layer : shaped.layers()) {
            collectBodies(layer, layer.spec(), uses);
        }
        return List.copyOf(uses.values());
    }

    private static void collectBodies(ShapedLayer layer, LayerSpec useSite, Map<Object, BodyUse> uses) {
        ShapedModel inner = layer.inside();
        if (inner == null || !inner.spec().inputFromUseSite() || !(layer.spec() instanceof SubModelSpec sub)) {
            return;
        }
        ModelRole role = Linter.roleAtUse(inner.spec(), sub.residual());
        if (uses.putIfAbsent(List.of(inner.spec().qualifiedName(), inner.input(), role),
                new BodyUse(inner, role, useSite)) == null) {
            for (ShapedLayer nested : inner.layers()) {
                collectBodies(nested, useSite, uses);
            }
        }
    }

    /**
     * The findings of each sub-model of {@code shaped} that takes its input from where it is used,
     * shaped with the input it receives there and linted as the role it has there: its shape
     * warnings and its own lints, reported where it is declared when it is declared in this
     * compilation, once per round; else (a jar) on the field of {@code shaped} that shapes it.
     * Their use sites do not repeat them ({@link Linter} leaves a sub-model's own findings to it).
     */
    private void reportBodiesFromUseSite(ShapedModel shaped, List<Report> reports) {
        String at = shaped.spec().qualifiedName();
        for (BodyUse use : bodyUses(shaped)) {
            ShapedModel body = use.body();
            String name = body.spec().qualifiedName();
            // what does not depend on shapes was reported when the body itself was processed
            Set<Finding> declarationOnly = new HashSet<>(linter.lintDeclaration(body.spec()));
            List<Finding> own = new ArrayList<>(body.warnings());
            linter.lint(body, use.role()).stream().filter(f -> !declarationOnly.contains(f)).forEach(own::add);
            for (Finding finding : own) {
                if (!compilation.declaredHere(name)) {
                    // compiled elsewhere, where nothing shaped it: its own lints are reported on the use site
                    LayerSpec useSite = use.useSite();
                    Finding here = Problem.inBodyCompiledElsewhere(finding, useSite.origin(), useSite.name(),
                            body.spec().simpleName(), body.input().dims());
                    if (reported.add(new Reported(here.keyIn(at), here.message()))) {
                        reports.add(new Report(here, at, true));
                    }
                    continue;
                }
                if (reported.add(new Reported(new Finding.Key(finding.id(), name, finding.origin()), null))) {
                    reports.add(new Report(finding, name, true));
                }
                reportWhereDeclared(finding, true, reports);
            }
        }
    }

    /**
     * A warning on each field of {@code shaped}, and of the bodies it builds, that uses a model
     * with its own input and no role on which the rules about a whole network fire only because it
     * is linted as one: the field says that it is a building block, so its class should say so too.
     * A body's field gets it on the body's class (once), when that is declared in this compilation.
     */
    private void reportUndeclaredRoles(ShapedModel shaped, List<Report> reports) {
        String at = shaped.spec().qualifiedName();
        for (ShapedLayer layer : shaped.layers()) {
            Finding finding = undeclaredRole(layer);
            if (finding != null) {
                reports.add(new Report(finding, at, false));
            }
        }
        for (BodyUse use : bodyUses(shaped)) {
            String body = use.body().spec().qualifiedName();
            for (ShapedLayer layer : use.body().layers()) {
                Finding finding = undeclaredRole(layer);
                if (finding != null && compilation.declaredHere(body)
                        && reported.add(new Reported(finding.keyIn(body), null))) {
                    reports.add(new Report(finding, body, false));
                }
            }
        }
    }

    /** The {@code SubModelRoleUndeclared} warning on {@code layer}, or null when it does not apply. */
    private Finding undeclaredRole(ShapedLayer layer) {
        if (!(layer.spec() instanceof SubModelSpec sub) || layer.inside() == null
                || sub.model().inputFromUseSite() || sub.model().declaredRole() != null
                || sub.model().task() != ModelTask.MULTI_CLASS) { // a declared task says it is a whole network
            return null;
        }
        ModelRole role = Linter.roleAtUse(sub.model(), sub.residual());
        List<String> ids = linter.onlyAsNetwork(layer.inside(), role).stream().map(Finding::id).distinct().toList();
        ModelSpec inner = sub.model();
        return ids.isEmpty() ? null : Problem.subModelRoleUndeclared(sub.origin(), sub.name(), usage(sub),
                inner.simpleName(), inner.input(), ids, role.declaration());
    }

    /**
     * A finding about a layer declared in a sub-model (a whole-network lint, or the error of a
     * sub-model that cannot take the input its use site gives it) is reported on the annotation
     * that declares that layer too, when that sub-model is declared in this compilation (else only
     * its use site has it): a lint once per round, an error once per use site (its message names it).
     */
    private void reportWhereDeclared(Finding finding, boolean lint, List<Report> reports) {
        Finding.Declaration declared = finding.declaredIn();
        if (declared == null || !compilation.declaredHere(declared.model())) {
            return;
        }
        Reported key = new Reported(finding.keyIn(null),
                finding.severity() == Severity.ERROR ? finding.message() : null);
        if (reported.add(key)) {
            reports.add(new Report(finding.at(declared.origin()), declared.model(), lint));
        }
    }

    /**
     * The first sub-model whose Net the generated code would call but that does not exist: one of
     * this round whose own errors stopped its generation, or one compiled elsewhere without the
     * processor. Null when every sub-model has its Net.
     */
    private Finding missingSubModelNet(ModelSpec spec) {
        for (LayerSpec layer : spec.layers()) {
            if (!(layer instanceof SubModelSpec sub)) {
                continue;
            }
            ModelSpec inner = sub.model();
            if (inner.inputFromUseSite()) {
                // built by this Net from its layers: the Nets it needs are those of its own sub-models
                Finding missing = missingSubModelNet(inner);
                if (missing != null) {
                    return Problem.inBody(missing, sub.origin(), sub.name(), inner.simpleName());
                }
                continue;
            }
            String name = inner.qualifiedName();
            boolean ofRound = inRound.contains(name);
            if (generated.contains(name) || (!ofRound && compilation.classExists(inner.qualifiedNetName()))) {
                continue;
            }
            return Problem.subModelWithoutNet(sub.origin(), sub.name(), usage(sub), inner.simpleName(),
                    inner.qualifiedNetName(), ofRound || compilation.declaredHere(name));
        }
        return null;
    }

    private static String usage(SubModelSpec sub) {
        return sub.residual() ? "@Residual" : "field of type " + sub.model().simpleName();
    }

    private static boolean isInputError(Finding finding) {
        return finding.severity() == Severity.ERROR && finding.origin().isModel()
                && "input".equals(finding.origin().attribute());
    }

    /** Position of the finding's field among the model's layers; the model itself first. */
    private static int layerPosition(ModelSpec spec, Finding finding) {
        String field = finding.origin().field();
        for (int i = 0; field != null && i < spec.layers().size(); i++) {
            if (field.equals(spec.layers().get(i).field())) {
                return i;
            }
        }
        return -1;
    }

    private static boolean hasError(List<Finding> findings) {
        return findings.stream().anyMatch(f -> f.severity() == Severity.ERROR);
    }
}
