package dev.lamina.processor;

import com.google.auto.service.AutoService;
import dev.lamina.processor.codegen.NetWriter;
import dev.lamina.processor.diag.Finding;
import dev.lamina.processor.diag.Problem;
import dev.lamina.processor.diag.Severity;
import dev.lamina.processor.lint.LintConfig;
import dev.lamina.processor.lint.Linter;
import dev.lamina.processor.lint.rules.ChannelsLastInput;
import dev.lamina.processor.model.LayerSpec;
import dev.lamina.processor.model.ModelReader;
import dev.lamina.processor.model.ModelSpec;
import dev.lamina.processor.model.SourceLocator;
import dev.lamina.processor.model.SpecValidator;
import dev.lamina.processor.model.SubModelSpec;
import dev.lamina.processor.model.UnresolvedSourceException;
import dev.lamina.processor.report.OptionCheck;
import dev.lamina.processor.report.Reporter;
import dev.lamina.processor.report.SarifWriter;
import dev.lamina.processor.report.SourcePositions;
import dev.lamina.processor.shape.ShapeInference;
import dev.lamina.processor.shape.ShapedLayer;
import dev.lamina.processor.shape.ShapedModel;
import dev.lamina.processor.shape.SummaryTable;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
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
 * Entry point of the Lamina annotation processor. For every {@code @Model} class: read it into
 * specs, check attribute ranges, infer shapes, run the lint rules, report every finding on its
 * annotation, and, when there is no error, generate {@code <Name>Net}. Each model is processed on
 * its own: an error or an unexpected exception on one model becomes an ERROR on that class and
 * never stops the others (nor crashes javac). A model with an annotation value javac has not
 * resolved (yet) is retried in the next round, and left to javac's own error if it never resolves.
 */
@AutoService(Processor.class)
public final class LaminaProcessor extends AbstractProcessor {

    private static final String MODEL = "dev.lamina.Model";

    private Reporter reporter;
    private ModelReader reader;
    private SourcePositions positions;
    private LintConfig lintConfig;
    private boolean printSummary;
    private final List<SarifWriter.Result> sarifResults = new ArrayList<>();
    /** Models whose Net this processor has written, in any round. */
    private final Set<String> generated = new HashSet<>();
    /** Models this processor has processed (generated or not), in any round. */
    private final Set<String> processedModels = new HashSet<>();
    /** Models whose annotation values javac had not resolved yet, retried in the next round. */
    private final Set<String> deferred = new java.util.LinkedHashSet<>();
    /** Models some model of any round uses as a sub-model, by qualified name. */
    private final Set<String> usedSubModels = new HashSet<>();
    /** Bodies (models without input) processed without error in any round, by qualified name. */
    private final Set<String> bodies = new java.util.LinkedHashSet<>();
    /** Where the models of the current round are, by qualified name. */
    private Map<String, SourceLocator> roundLocators = new HashMap<>();
    /** Whole-network findings already reported on the declaration of their layer. */
    private final Set<String> reportedDeclarations = new HashSet<>();

    @Override
    public synchronized void init(ProcessingEnvironment env) {
        super.init(env);
        reporter = new Reporter(env.getMessager());
        reader = new ModelReader(env.getElementUtils());
        positions = SourcePositions.of(env);
        List<Finding> problems = new ArrayList<>(OptionCheck.problems(env.getOptions()));
        lintConfig = LintConfig.fromOptions(env.getOptions(), problems);
        problems.forEach(reporter::report);
        printSummary = OptionCheck.summaryRequested(env.getOptions());
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
        List<Readout> readouts = new ArrayList<>();
        for (TypeElement type : models) {
            read(type).ifPresent(read -> readouts.add(new Readout(type, read)));
        }
        // A model another model of this round inlines is a building block, not a classifier.
        Set<String> subModels = new HashSet<>();
        readouts.forEach(r -> subModels.addAll(r.read().spec().subModelNames()));
        // A model another model of this round uses as @Residual is a residual block's main path.
        Set<String> residualBodies = new HashSet<>();
        readouts.forEach(r -> residualBodies.addAll(r.read().spec().residualBodyNames()));
        usedSubModels.addAll(subModels);
        Map<String, SourceLocator> locators = new HashMap<>();
        readouts.forEach(r -> locators.put(r.read().spec().qualifiedName(), r.read().locator()));
        roundLocators = locators;
        // sub-models first: a model's Net is generated only once those of its sub-models are
        // (a model has more sub-models, at any depth, than each of its sub-models has)
        readouts.sort(Comparator.comparingInt(r -> r.read().spec().subModelNames().size()));
        readouts.forEach(r -> processedModels.add(r.read().spec().qualifiedName()));
        for (Readout r : readouts) {
            String name = r.read().spec().qualifiedName();
            processModel(r.type(), r.read(), subModels.contains(name), residualBodies);
        }
        return true;
    }

    /**
     * Layer annotations on fields of classes without {@code @Model} would be lost without a word:
     * each is an error on its annotation. (Local and anonymous classes are never handed to
     * processors, so what they declare cannot be diagnosed here; see docs/dsl.md.)
     */
    private void reportLayersOutsideModels(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        Set<Element> fields = new java.util.LinkedHashSet<>();
        for (TypeElement annotation : annotations) {
            String name = annotation.getQualifiedName().toString();
            if (name.startsWith("dev.lamina.") && !name.equals(MODEL)) {
                fields.addAll(round.getElementsAnnotatedWith(annotation));
            }
        }
        for (Element field : fields) {
            if (!(field.getEnclosingElement() instanceof TypeElement type) || ModelReader.isModel(type)) {
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

    /** A model class and what {@link ModelReader} read from it. */
    private record Readout(TypeElement type, ModelReader.Read read) {}

    /** The model read into specs; empty when it is deferred to the next round or reading failed (reported). */
    private Optional<ModelReader.Read> read(TypeElement type) {
        try {
            return Optional.of(reader.read(type));
        } catch (UnresolvedSourceException e) {
            deferred.add(type.getQualifiedName().toString()); // retried next round
        } catch (RuntimeException | LinkageError | AssertionError e) {
            reportInternalError(type, null, e);
        }
        return Optional.empty();
    }

    private void processModel(TypeElement type, ModelReader.Read read, boolean usedAsSubModel,
                              Set<String> residualBodies) {
        SourceLocator locator = read.locator();
        try {
            ModelSpec spec = read.spec();
            if (spec.inputFromUseSite()) {
                processBody(read);
                return;
            }
            List<Finding> findings = new ArrayList<>(read.problems());
            List<Finding> attributeErrors = SpecValidator.validate(spec, this::shadowsAType);
            findings.addAll(attributeErrors);
            ShapedModel shaped = null;
            List<Finding> shapeFindings = List.of();
            // Every independent error in one compile: shapes are inferred around layers with
            // attribute errors; only a broken model structure or input stops them.
            if (!hasError(read.problems()) && attributeErrors.stream().noneMatch(LaminaProcessor::isInputError)) {
                ShapeInference.Result shapes = ShapeInference.infer(spec, attributeErrors);
                shapeFindings = shapes.findings();
                shaped = hasError(attributeErrors) ? null : shapes.model();
            }
            Linter linter = new Linter(lintConfig);
            List<Finding> lints = shaped == null ? linter.lintDeclaration(spec)
                    : linter.lint(shaped, usedAsSubModel, residualBodies.contains(spec.qualifiedName()), residualBodies);
            boolean channelsLast = lints.stream().anyMatch(f -> f.id().equals("ChannelsLastInput"));
            for (Finding finding : shapeFindings) {
                findings.add(channelsLast && finding.severity() == Severity.ERROR
                        ? ChannelsLastInput.explain(finding, spec) : finding);
            }
            findings.sort(Comparator.comparingInt(f -> layerPosition(spec, f)));
            for (Finding finding : findings) {
                reporter.report(finding, locator);
                reportWhereDeclared(finding, false);
            }
            for (Finding lint : lints) {
                reportLint(lint, locator);
                reportWhereDeclared(lint, true);
            }
            if (shaped != null) {
                reportBodiesFromUseSite(shaped, linter, residualBodies, locator);
            }
            if (shaped == null || hasError(findings) || hasError(lints)) {
                return;
            }
            if (printSummary) {
                reporter.report(Problem.summary(spec.netName(), SummaryTable.render(shaped)), type, null);
            }
            Finding missing = missingSubModelNet(spec);
            if (missing != null) {
                reporter.report(missing, locator);
                return;
            }
            if (generate(shaped, type, locator)) {
                generated.add(spec.qualifiedName());
            }
        } catch (RuntimeException | LinkageError | AssertionError e) {
            reportInternalError(type, locator, e);
        }
    }

    /**
     * A model without {@code @Model(input)}: it takes its input shape from each model that uses it
     * as a field, which shapes it, lints it ({@link #reportBodiesFromUseSite}) and builds it in its
     * own Net. On its own, only what does not depend on shapes is checked; it gets no Net. When no
     * model of any round uses it, a note says so at the end ({@link #reportUnusedBodies}).
     */
    private void processBody(ModelReader.Read read) {
        ModelSpec spec = read.spec();
        List<Finding> findings = new ArrayList<>(read.problems());
        findings.addAll(SpecValidator.validate(spec, this::shadowsAType));
        findings.sort(Comparator.comparingInt(f -> layerPosition(spec, f)));
        for (Finding finding : findings) {
            reporter.report(finding, read.locator());
        }
        for (Finding lint : new Linter(lintConfig).lintDeclaration(spec)) {
            reportLint(lint, read.locator());
        }
        if (!hasError(findings)) {
            bodies.add(spec.qualifiedName()); // unused ones get a note when processing is over
        }
    }

    /**
     * The note on each body that no model of any round used: it may be a model whose input was
     * forgotten. Given when processing is over, since a model of a later round may use it.
     */
    private void reportUnusedBodies() {
        for (String name : bodies) {
            TypeElement type = processingEnv.getElementUtils().getTypeElement(name);
            if (usedSubModels.contains(name) || type == null) {
                continue;
            }
            try {
                ModelReader.Read read = reader.read(type);
                reporter.report(Problem.inputFromUseSiteUnused(read.spec().simpleName(), read.spec().netName()),
                        read.locator());
            } catch (RuntimeException e) {
                reportInternalError(type, null, e);
            }
        }
        bodies.clear();
    }

    /**
     * Where model {@code name} is declared, to report on it: a model of this round, or one this
     * processor processed in an earlier round of the compilation (read again from the current
     * round's element); null for a model compiled elsewhere (a jar, an earlier compilation).
     */
    private SourceLocator locatorOf(String name) {
        SourceLocator here = roundLocators.get(name);
        if (here != null || !processedModels.contains(name)) {
            return here;
        }
        TypeElement type = processingEnv.getElementUtils().getTypeElement(name);
        try {
            SourceLocator read = type == null ? null : reader.read(type).locator();
            if (read != null) {
                roundLocators.put(name, read); // read once per round, however many findings it gets
            }
            return read;
        } catch (RuntimeException e) {
            return null; // it was read in its own round; whatever fails now was reported then
        }
    }

    /**
     * The findings of each sub-model of {@code shaped} that takes its input from where it is used,
     * shaped with the input it receives there: its shape warnings and its own lints (as a building
     * block), reported where it is declared when it is compiled in this round, once per round.
     * Their use sites do not repeat them ({@link Linter} leaves a sub-model's own findings to it).
     */
    private void reportBodiesFromUseSite(ShapedModel shaped, Linter linter, Set<String> residualBodies,
                                         SourceLocator locator) {
        Map<String, LayerSpec> useSites = new HashMap<>();
        for (ShapedLayer layer : shaped.layers()) {
            ShapedModel inner = layer.inside();
            if (inner != null && inner.spec().inputFromUseSite()) {
                useSites.putIfAbsent(inner.key(), layer.spec());
                inner.bodiesFromUseSite().forEach(nested -> useSites.putIfAbsent(nested.key(), layer.spec()));
            }
        }
        for (ShapedModel body : shaped.bodiesFromUseSite()) {
            String name = body.spec().qualifiedName();
            SourceLocator where = locatorOf(name);
            // what does not depend on shapes was reported when the body itself was processed
            Set<Finding> declarationOnly = new HashSet<>(linter.lintDeclaration(body.spec()));
            List<Finding> own = new ArrayList<>(body.warnings());
            linter.lint(body, true, residualBodies.contains(name), residualBodies).stream()
                    .filter(f -> !declarationOnly.contains(f))
                    .forEach(own::add);
            for (Finding finding : own) {
                if (where == null) {
                    // compiled elsewhere, where nothing shaped it: its own lints are reported on the use site
                    LayerSpec useSite = useSites.get(body.key());
                    Finding here = Problem.inBodyCompiledElsewhere(finding, useSite.origin(), useSite.name(),
                            body.spec().simpleName(), body.input().dims());
                    if (reportedDeclarations.add(shaped.spec().qualifiedName() + " " + here)) {
                        reportLint(here, locator);
                    }
                    continue;
                }
                if (reportedDeclarations.add(finding.id() + " " + name + " " + finding.origin())) {
                    reportLint(finding, where);
                }
                reportWhereDeclared(finding, true);
            }
        }
    }

    /**
     * A finding about a layer declared in a sub-model (a whole-network lint, or the error of a
     * sub-model that cannot take the input its use site gives it) is reported on the annotation
     * that declares that layer too, when that sub-model is compiled in this round (else only its
     * use site has it): a lint once per round, an error once per use site (its message names it).
     */
    private void reportWhereDeclared(Finding finding, boolean lint) {
        Finding.Declaration declared = finding.declaredIn();
        if (declared == null) {
            return;
        }
        SourceLocator where = locatorOf(declared.model());
        Finding there = finding.at(declared.origin());
        String key = finding.id() + " " + declared.model() + " " + declared.origin()
                + (finding.severity() == Severity.ERROR ? " " + finding.message() : "");
        if (where != null && reportedDeclarations.add(key)) {
            if (lint) {
                reportLint(there, where);
            } else {
                reporter.report(there, where);
            }
        }
    }

    /** A lint finding (or a body's shape warning), printed and, where it has a position, in the SARIF log. */
    private void reportLint(Finding finding, SourceLocator where) {
        reporter.report(finding, where);
        positions.locate(finding, where).ifPresent(sarifResults::add);
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

    /** An unexpected exception on one model: an ERROR on its class (on its source when known). */
    private void reportInternalError(TypeElement type, SourceLocator locator, Throwable e) {
        Finding failure = Problem.internalError(type.getSimpleName().toString(), e);
        if (locator != null) {
            reporter.report(failure, locator);
        } else {
            reporter.report(failure, type, null);
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
            boolean inRound = processedModels.contains(name);
            if (generated.contains(name)
                    || (!inRound && processingEnv.getElementUtils().getTypeElement(inner.qualifiedNetName()) != null)) {
                continue;
            }
            return Problem.subModelWithoutNet(sub.origin(), sub.name(),
                    sub.residual() ? "@Residual" : "field of type " + inner.simpleName(), inner.simpleName(),
                    inner.qualifiedNetName(), inRound);
        }
        return null;
    }

    /** Writes the Net; false when it could not be written (reported). */
    private boolean generate(ShapedModel shaped, TypeElement type, SourceLocator locator) {
        String netName = shaped.spec().qualifiedNetName();
        try {
            JavaFileObject file = processingEnv.getFiler().createSourceFile(netName, type);
            String source = NetWriter.write(shaped).toString(); // one write: the Filer's writer is unbuffered per char
            try (Writer writer = file.openWriter()) {
                writer.write(source);
            }
            return true;
        } catch (IOException e) {
            reporter.report(Problem.netNotWritten(type.getSimpleName().toString(), netName, e), locator);
            return false;
        }
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
