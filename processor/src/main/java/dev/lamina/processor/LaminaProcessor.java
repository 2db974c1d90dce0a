package dev.lamina.processor;

import com.google.auto.service.AutoService;
import dev.lamina.processor.codegen.NetWriter;
import dev.lamina.processor.diag.Finding;
import dev.lamina.processor.diag.Problem;
import dev.lamina.processor.diag.Severity;
import dev.lamina.processor.graph.ModelGraph;
import dev.lamina.processor.lint.LintConfig;
import dev.lamina.processor.model.ModelReader;
import dev.lamina.processor.model.ModelSpec;
import dev.lamina.processor.model.SourceLocator;
import dev.lamina.processor.model.UnresolvedSourceException;
import dev.lamina.processor.report.OptionCheck;
import dev.lamina.processor.report.Reporter;
import dev.lamina.processor.report.SarifWriter;
import dev.lamina.processor.report.SourcePositions;
import dev.lamina.processor.shape.ShapedModel;
import dev.lamina.processor.shape.SummaryTable;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.tools.JavaFileObject;

/**
 * Entry point of the Lamina annotation processor, a short pipeline per round: read every
 * {@code @Model} class into specs ({@link ModelReader}, once per round), build the round's
 * {@link ModelGraph} (each model validated and shaped once per input, linted once per input and
 * role, with its verdict), report each node's findings on the classes they are about, print the
 * summary, and generate {@code <Name>Net} for each node whose verdict allows it. Each model is
 * processed on its own: an error or an unexpected exception on one model becomes an ERROR on that
 * class and never stops the others (nor crashes javac). A model with an annotation value javac has
 * not resolved (yet) is retried in the next round, and left to javac's own error if it never
 * resolves.
 *
 * <p>Across rounds the processor keeps only deferred elements: the models to retry, and the
 * bodies (models without input) that no model has used yet, which get a note when processing is
 * over. (The SARIF log collects the lint findings printed, and is written then.)
 */
@AutoService(Processor.class)
public final class LaminaProcessor extends AbstractProcessor {

    private static final String MODEL = "dev.lamina.Model";

    private Reporter reporter;
    private SourcePositions positions;
    private LintConfig lintConfig;
    private boolean printSummary;
    /** The batch of the summaries' activation memory ({@code -Alamina.summary.batch}). */
    private int summaryBatch;
    private final List<SarifWriter.Result> sarifResults = new ArrayList<>();
    /** Models whose annotation values javac had not resolved yet, retried in the next round. */
    private final Set<String> deferred = new LinkedHashSet<>();
    /** Bodies (models without input) read without error that no model has used yet, by qualified name. */
    private final Set<String> unusedBodies = new LinkedHashSet<>();

    @Override
    public synchronized void init(ProcessingEnvironment env) {
        super.init(env);
        reporter = new Reporter(env.getMessager());
        positions = SourcePositions.of(env);
        List<Finding> problems = new ArrayList<>(OptionCheck.problems(env.getOptions()));
        lintConfig = LintConfig.fromOptions(env.getOptions(), problems);
        problems.forEach(reporter::report);
        printSummary = OptionCheck.summaryRequested(env.getOptions());
        summaryBatch = OptionCheck.summaryBatch(env.getOptions());
    }

    @Override
    public Set<String> getSupportedAnnotationTypes() {
        // All Lamina annotations are claimed (no other processor has a use for them), and so is
        // the @Generated this processor puts on its output: otherwise javac's -Xlint:processing
        // warns that nothing claimed them, which fails user builds that use -Xlint:all -Werror.
        return Set.of("dev.lamina.*", "javax.annotation.processing.Generated");
    }

    /**
     * The fixed options plus every {@code lamina.*} key actually given: per-rule keys
     * ({@code lamina.lint.<RuleId>}) cannot be listed in advance, and unknown keys get Lamina's
     * own warning (naming the valid options) instead of javac's generic one.
     */
    @Override
    public Set<String> getSupportedOptions() {
        Set<String> supported = new java.util.TreeSet<>(OptionCheck.SUPPORTED);
        if (processingEnv != null) {
            processingEnv.getOptions().keySet().stream().filter(k -> k.startsWith("lamina.")).forEach(supported::add);
        }
        return supported;
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        if (round.processingOver()) {
            // Models still unresolved: javac reports the unresolved symbols itself.
            deferred.clear();
            reportUnusedBodies();
            writeSarif();
            return true;
        }
        reportLayersOutsideModels(annotations, round);
        Round here = new Round(new ModelReader(processingEnv.getElementUtils()));
        List<ModelGraph.Root> roots = new ArrayList<>();
        for (TypeElement type : modelsOf(annotations, round)) {
            here.read(type).ifPresent(read -> roots.add(new ModelGraph.Root(read.spec(), read.problems())));
        }
        ModelGraph graph = ModelGraph.build(roots, lintConfig, here);
        Set<String> used = graph.usedModels();
        unusedBodies.removeAll(used);
        for (ModelGraph.Node node : graph.nodes()) {
            try {
                emit(node, here, used);
            } catch (RuntimeException | LinkageError | AssertionError e) {
                String name = node.spec().qualifiedName();
                reporter.report(Problem.internalError(node.spec().simpleName(), e), here.locatorOf(name));
            }
        }
        return true;
    }

    /** The models to process this round: those deferred from the last one, then the round's own. */
    private List<TypeElement> modelsOf(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        List<TypeElement> models = new ArrayList<>();
        for (String name : deferred) {
            TypeElement type = processingEnv.getElementUtils().getTypeElement(name);
            if (type != null) {
                models.add(type);
            }
        }
        deferred.clear();
        for (TypeElement annotation : annotations) {
            if (annotation.getQualifiedName().contentEquals(MODEL)) {
                for (Element element : round.getElementsAnnotatedWith(annotation)) {
                    if (element instanceof TypeElement type) {
                        models.add(type);
                    }
                }
            }
        }
        return models;
    }

    /** One node's reports, summary and Net; {@code used}: the models the round's models use as fields. */
    private void emit(ModelGraph.Node node, Round here, Set<String> used) {
        ModelSpec spec = node.spec();
        for (ModelGraph.Report report : node.reports()) {
            SourceLocator where = here.locatorOf(report.model());
            if (where == null) {
                continue; // declared in no source of this compilation: its use site has the finding
            }
            reporter.report(report.finding(), where);
            if (report.lint()) {
                Finding finding = report.finding();
                positions.locate(finding, where)
                        .map(result -> positions.replacement(finding.fix(), fixedIn(finding, where, here))
                                .map(result::withReplacement).orElse(result))
                        .ifPresent(sarifResults::add);
            }
        }
        if (node.body()) {
            boolean ownError = node.reports().stream().anyMatch(r -> r.model().equals(spec.qualifiedName())
                    && r.finding().severity() == Severity.ERROR);
            if (!ownError && !used.contains(spec.qualifiedName())) {
                unusedBodies.add(spec.qualifiedName()); // unused ones get a note when processing is over
            }
            return;
        }
        if (node.shaped() == null) {
            return;
        }
        TypeElement type = here.typeOf(spec.qualifiedName());
        if (printSummary) {
            reporter.report(Problem.summary(spec.netName(), SummaryTable.render(node.shaped(), summaryBatch)), type, null);
        }
        if (node.missingNet() != null) {
            reporter.report(node.missingNet(), here.locatorOf(spec.qualifiedName()));
        } else {
            generate(node.shaped(), type, here.locatorOf(spec.qualifiedName()));
        }
    }

    /** The class in which {@code finding}'s Fix is carried out: its target's model, else {@code where}. */
    private static SourceLocator fixedIn(Finding finding, SourceLocator where, Round here) {
        String model = finding.fix() == null || finding.fix().target() == null ? null : finding.fix().target().model();
        return model == null ? where : here.locatorOf(model);
    }

    /**
     * What this round knows of the compilation: its reader (each model read once), where its
     * models are, and the answers the {@link ModelGraph} asks for.
     */
    private final class Round implements ModelGraph.Compilation {
        private final ModelReader reader;
        private final Map<String, TypeElement> types = new HashMap<>();
        private final Map<String, SourceLocator> locators = new HashMap<>();

        Round(ModelReader reader) {
            this.reader = reader;
        }

        /** The model read into specs; empty when it is deferred to the next round or reading failed (reported). */
        Optional<ModelReader.Read> read(TypeElement type) {
            try {
                ModelReader.Read read = reader.read(type);
                types.put(read.spec().qualifiedName(), type);
                locators.put(read.spec().qualifiedName(), read.locator());
                return Optional.of(read);
            } catch (UnresolvedSourceException e) {
                deferred.add(type.getQualifiedName().toString()); // retried next round
            } catch (RuntimeException | LinkageError | AssertionError e) {
                reporter.report(Problem.internalError(type.getSimpleName().toString(), e), type, null);
            }
            return Optional.empty();
        }

        TypeElement typeOf(String model) {
            return types.get(model);
        }

        /**
         * Where model {@code name} is declared, to report on it: a model of this round, or one of an
         * earlier round of the compilation (read again, once per round); null for a model compiled
         * elsewhere (a jar, an earlier compilation).
         */
        SourceLocator locatorOf(String name) {
            SourceLocator known = locators.get(name);
            if (known != null || !declaredHere(name)) {
                return known;
            }
            try {
                SourceLocator read = reader.read(processingEnv.getElementUtils().getTypeElement(name)).locator();
                locators.put(name, read);
                return read;
            } catch (RuntimeException e) {
                return null; // it was read in its own round; whatever fails now was reported then
            }
        }

        @Override
        public boolean shadowsAType(String simpleName) {
            return LaminaProcessor.this.shadowsAType(simpleName);
        }

        @Override
        public boolean declaredHere(String model) {
            if (locators.containsKey(model)) {
                return true;
            }
            TypeElement type = processingEnv.getElementUtils().getTypeElement(model);
            return type != null && positions.inSource(type);
        }

        @Override
        public boolean classExists(String qualifiedName) {
            return processingEnv.getElementUtils().getTypeElement(qualifiedName) != null;
        }
    }

    /**
     * Layer annotations on fields of classes without {@code @Model} would be lost without a word:
     * each is an error on its annotation. (Local and anonymous classes are never handed to
     * processors, so what they declare cannot be diagnosed here; see docs/dsl.md.)
     */
    private void reportLayersOutsideModels(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        Set<Element> fields = new java.util.LinkedHashSet<>();
        // a superclass of a model: that model's LayersInSuperclass covers its layers (and
        // "annotate it with @Model" would not remove that error)
        Set<TypeElement> extended = new java.util.HashSet<>();
        ModelReader reader = new ModelReader(processingEnv.getElementUtils());
        for (TypeElement annotation : annotations) {
            String name = annotation.getQualifiedName().toString();
            if (name.startsWith("dev.lamina.") && !name.equals(MODEL)) {
                fields.addAll(round.getElementsAnnotatedWith(annotation));
            } else if (name.equals(MODEL)) {
                round.getElementsAnnotatedWith(annotation).stream().filter(TypeElement.class::isInstance)
                        .forEach(model -> extended.addAll(reader.superclassesWithLayers((TypeElement) model)));
            }
        }
        for (Element field : fields) {
            if (!(field.getEnclosingElement() instanceof TypeElement type) || ModelReader.isModel(type)
                    || extended.contains(type)) {
                continue;
            }
            javax.lang.model.element.AnnotationMirror first = field.getAnnotationMirrors().stream()
                    .filter(m -> m.getAnnotationType().toString().startsWith("dev.lamina."))
                    .findFirst().orElseThrow();
            Finding finding = Problem.layerOutsideModel(field.getSimpleName().toString(),
                    first.getAnnotationType().asElement().getSimpleName().toString(), type.getQualifiedName().toString(),
                    type.getSimpleName().toString());
            reporter.report(finding, field, first);
        }
    }

    /**
     * The note on each body that no model of any round used: it may be a model whose input was
     * forgotten. Given when processing is over, since a model of a later round may use it.
     */
    private void reportUnusedBodies() {
        ModelReader reader = new ModelReader(processingEnv.getElementUtils());
        for (String name : unusedBodies) {
            TypeElement type = processingEnv.getElementUtils().getTypeElement(name);
            if (type == null) {
                continue;
            }
            try {
                ModelReader.Read read = reader.read(type);
                reporter.report(Problem.inputFromUseSiteUnused(read.spec().simpleName(), read.spec().netName()),
                        read.locator());
            } catch (RuntimeException e) {
                reporter.report(Problem.internalError(type.getSimpleName().toString(), e), type, null);
            }
        }
        unusedBodies.clear();
    }

    /**
     * Whether a generated class of this simple name, in a model's package, would shadow a type
     * that code there refers to by its simple name: one of {@code java.lang} (implicitly imported
     * everywhere), one of {@code dev.lamina} (what {@code import dev.lamina.*} brings into model
     * files) or one the generated Net imports.
     */
    private boolean shadowsAType(String simpleName) {
        javax.lang.model.util.Elements elements = processingEnv.getElementUtils();
        return NetWriter.importedSimpleNames().contains(simpleName)
                || elements.getTypeElement("java.lang." + simpleName) != null
                || elements.getTypeElement("dev.lamina." + simpleName) != null;
    }

    /** Writes the Net (a failure is reported). */
    private void generate(ShapedModel shaped, TypeElement type, SourceLocator locator) {
        String netName = shaped.spec().qualifiedNetName();
        try {
            JavaFileObject file = processingEnv.getFiler().createSourceFile(netName, type);
            String source = NetWriter.write(shaped, summaryBatch, generatedVisibleIn(type)).toString(); // one write: the Filer's writer is unbuffered per char
            try (Writer writer = file.openWriter()) {
                writer.write(source);
            }
        } catch (IOException e) {
            reporter.report(Problem.netNotWritten(type.getSimpleName().toString(), netName, e), locator);
        }
    }

    /**
     * Whether the Net of {@code model} may carry {@code @javax.annotation.processing.Generated}:
     * it exists in the compilation, and the model's module reads {@code java.compiler}, its
     * module. Code on the class path and automatic modules read every module; a named module
     * reads it only when it requires it, directly or through a chain of {@code requires
     * transitive} (as {@code requires java.se} does). Elsewhere the Net has no {@code @Generated},
     * as Dagger does where it is unavailable: a user's named module needs no {@code requires
     * java.compiler} for it.
     */
    private boolean generatedVisibleIn(TypeElement model) {
        javax.lang.model.util.Elements elements = processingEnv.getElementUtils();
        if (elements.getTypeElement(NetWriter.GENERATED) == null) {
            return false;
        }
        javax.lang.model.element.ModuleElement module = elements.getModuleOf(model);
        if (module == null || module.isUnnamed() || elements.isAutomaticModule(module)) {
            return true;
        }
        return javax.lang.model.util.ElementFilter.requiresIn(module.getDirectives()).stream()
                .anyMatch(requires -> impliesReadability(requires.getDependency(), GENERATED_MODULE, new java.util.HashSet<>()));
    }

    /** The module of {@code @Generated}. */
    private static final String GENERATED_MODULE = "java.compiler";

    /** Whether requiring {@code module} makes a module read {@code target}: it is it, or requires it transitively. */
    private static boolean impliesReadability(javax.lang.model.element.ModuleElement module, String target,
                                              Set<String> seen) {
        if (module.getQualifiedName().contentEquals(target)) {
            return true;
        }
        if (!seen.add(module.getQualifiedName().toString())) {
            return false;
        }
        return javax.lang.model.util.ElementFilter.requiresIn(module.getDirectives()).stream()
                .filter(javax.lang.model.element.ModuleElement.RequiresDirective::isTransitive)
                .anyMatch(requires -> impliesReadability(requires.getDependency(), target, seen));
    }

    private void writeSarif() {
        String path = processingEnv.getOptions().get(OptionCheck.SARIF);
        if (path == null || path.isBlank()) {
            return;
        }
        try {
            SarifWriter.write(Path.of(path), sarifResults);
        } catch (IOException | RuntimeException e) {
            reporter.report(Problem.sarifNotWritten(path, e, OptionCheck.SARIF));
        }
    }

}
