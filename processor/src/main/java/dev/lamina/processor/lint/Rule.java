package dev.lamina.processor.lint;

import dev.lamina.processor.diag.Finding;
import dev.lamina.processor.diag.Fix;
import dev.lamina.processor.diag.Origin;
import dev.lamina.processor.diag.Severity;
import dev.lamina.processor.model.LayerSpec;
import dev.lamina.processor.model.ModelSpec;
import dev.lamina.processor.model.SubModelSpec;
import dev.lamina.processor.tensor.TensorShape;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.IntPredicate;
import java.util.function.Predicate;

/**
 * One placement lint: a stable id, a default severity, a one-line summary, a help paragraph (for
 * SARIF and IDEs; docs/lints.md has the long form) and the check itself. The metadata is declared
 * once, as the subclass's {@link LintRule} annotation; the id is the subclass's simple name.
 *
 * <p>A rule only finds problems: it returns findings at its default severity, and the
 * {@link Linter} applies options and {@code @SuppressWarnings}. Rules are stateless.
 */
public abstract class Rule {

    private final String id;
    private final Severity defaultSeverity;
    private final String summary;
    private final String help;

    /** Reads the metadata from the subclass's {@link LintRule} annotation. */
    protected Rule() {
        LintRule metadata = getClass().getAnnotation(LintRule.class);
        if (metadata == null) {
            throw new IllegalStateException(getClass().getName() + " lacks @" + LintRule.class.getSimpleName());
        }
        this.id = idOf(getClass());
        this.defaultSeverity = Objects.requireNonNull(metadata.severity());
        this.summary = Objects.requireNonNull(metadata.summary());
        this.help = Objects.requireNonNull(metadata.help());
    }

    /** The id of a rule class: its simple name, e.g. {@code DropoutBetweenConvs}. */
    public static String idOf(Class<? extends Rule> rule) {
        return rule.getSimpleName();
    }

    /** Stable id, e.g. {@code DropoutBetweenConvs}; shown as {@code [lamina:DropoutBetweenConvs]}. */
    public final String id() {
        return id;
    }

    /** Severity when no option overrides it. */
    public final Severity defaultSeverity() {
        return defaultSeverity;
    }

    /** One line: what the rule detects. */
    public final String summary() {
        return summary;
    }

    /** A paragraph: what, why (with the source) and the fix. */
    public final String help() {
        return help;
    }

    /** Findings on the model, at {@link #defaultSeverity()}, in layer order. */
    public abstract List<Finding> check(LayerSequence layers);

    /**
     * Findings about the model's declaration alone (e.g. its {@code @Model(input)}), which need no
     * shapes: the {@link Linter} runs this also for a model whose shapes could not be inferred, so
     * such a finding can explain the shape error it causes. None by default.
     */
    public List<Finding> checkDeclaration(ModelSpec model) {
        return List.of();
    }

    /**
     * One finding per index that {@code matches}, with {@code message} of that index: the shape
     * of most checks.
     */
    protected final List<Finding> findAt(LayerSequence layers, IntPredicate matches, IntFunction<Message> message) {
        return layers.indices()
                .filter(matches)
                .mapToObj(i -> finding(layers, i, message.apply(i)))
                .toList();
    }

    /**
     * Whole-network findings: for every {@code @Residual} block at an index that {@code where}
     * accepts, one finding per layer at the end of its main path ({@link LayerSequence#tail}) that
     * {@code matches}, placed on the block's use site and on the layer's declaration. (Plain
     * sub-models need no such look: their layers are inlined.)
     */
    protected final List<Finding> findInTails(LayerSequence layers, IntPredicate where, Predicate<LayerSpec> matches,
                                              BiFunction<Integer, LayerSequence.Inner, Message> message) {
        List<Finding> found = new ArrayList<>();
        for (int i = 0; i < layers.size(); i++) {
            if (layers.spec(i) instanceof SubModelSpec && where.test(i)) {
                for (LayerSequence.Inner inner : layers.tail(i)) {
                    if (matches.test(inner.spec())) {
                        found.add(findingAcross(layers, i, inner, message.apply(i, inner)));
                    }
                }
            }
        }
        return found;
    }

    /**
     * Whole-network findings at the start of {@code @Residual} blocks: for every block at an index
     * that {@code where} accepts, one finding per layer on its main path before the first weighted
     * layer there ({@link LayerSequence#residualHead}) that {@code matches}, placed on the block's
     * use site and on the layer's declaration.
     */
    protected final List<Finding> findInResidualHeads(LayerSequence layers, IntPredicate where, Predicate<LayerSpec> matches,
                                                      BiFunction<Integer, LayerSequence.Inner, Message> message) {
        List<Finding> found = new ArrayList<>();
        for (int i = 0; i < layers.size(); i++) {
            if (layers.isResidual(i) && where.test(i)) {
                for (LayerSequence.Inner inner : layers.residualHead(i)) {
                    if (matches.test(inner.spec())) {
                        found.add(findingAcross(layers, i, inner, message.apply(i, inner)));
                    }
                }
            }
        }
        return found;
    }

    /**
     * A layer a check reports, as its message needs it.
     *
     * @param words how the message names it, e.g. {@code 'drop' (@Dropout) of Block in sub-model 'block'}
     * @param spec the layer
     * @param in the shape it receives
     * @param where where to edit it, for the Fix: {@code " in Block"}, or "" for the model at hand
     */
    protected record Subject(String words, LayerSpec spec, TensorShape in, String where) {}

    /**
     * One finding per layer that {@code matches} at an index {@code where} accepts, and per such
     * layer at the start of the main path of a {@code @Residual} block at an index {@code where}
     * accepts ({@link #findInResidualHeads}): for the rules about a layer that the context before
     * it decides (what feeds it), which a residual block's start shares with the block's field.
     */
    protected final List<Finding> findWithResidualHeads(LayerSequence layers, IntPredicate where,
                                                        Predicate<LayerSpec> matches, Function<Subject, Message> message) {
        return concat(findAt(layers, i -> matches.test(layers.spec(i)) && where.test(i),
                        i -> message.apply(new Subject(layers.describe(i), layers.spec(i), layers.in(i),
                                layers.declaredWhere(i)))),
                findInResidualHeads(layers, where, matches, (i, inner) -> message.apply(new Subject(
                        inner.describe() + " at the start of the main path of " + layers.describe(i),
                        inner.spec(), inner.in(), " in " + inner.declaredIn().simpleName()))));
    }

    /** The findings of every list, in order. */
    @SafeVarargs
    protected static List<Finding> concat(List<Finding>... lists) {
        List<Finding> all = new ArrayList<>();
        for (List<Finding> list : lists) {
            all.addAll(list);
        }
        return List.copyOf(all);
    }

    /**
     * A finding of this rule on {@code origin} of the model at hand (e.g. its {@code @Model(input)}),
     * fixed there.
     */
    protected final Finding finding(Origin origin, Message message) {
        return new Finding(id, defaultSeverity, origin, message.text(), Fix.of(message.fix()).at(null, origin));
    }

    /**
     * A whole-network finding about {@code inner}, a layer inside the {@code @Residual} block at
     * {@code index}: placed where that block's field is used in the model at hand (the use site
     * whose composition causes it), reported on {@code inner}'s declaration too, and fixed there.
     */
    protected final Finding findingAcross(LayerSequence layers, int index, LayerSequence.Inner inner, Message message) {
        String declaredIn = inner.declaredIn().qualifiedName();
        Origin origin = inner.spec().origin();
        Fix fix = Fix.of(message.fix()).at(declaredIn, origin);
        return new Finding(id, defaultSeverity, placement(layers, index), message.text(),
                message.attribute() == null ? fix : fix.replacing(origin.withAttribute(message.attribute()), message.value()),
                new Finding.Declaration(declaredIn, inner.spec().origin()));
    }

    /**
     * A finding of this rule on the layer at {@code index}: on that layer's annotation, or, for a
     * layer inlined from a sub-model, on the field that uses the sub-model (the use site) and
     * reported on the layer's declaration too (a whole-network finding, see
     * {@link LayerSequence}); fixed on that layer where it is declared.
     */
    protected final Finding finding(LayerSequence layers, int index, Message message) {
        LayerSequence.Entry entry = layers.entry(index);
        Fix fix = fixAt(layers, index, message);
        if (!entry.inner()) {
            return new Finding(id, defaultSeverity, layers.spec(index).origin(), message.text(), fix);
        }
        return new Finding(id, defaultSeverity, entry.useSite().origin(), message.text(), fix,
                new Finding.Declaration(entry.declaredIn().qualifiedName(), layers.spec(index).origin()));
    }

    /**
     * A finding on the layer at {@code index} whose Fix is carried out on the layer at
     * {@code fixedAt}: as {@link #finding}, and when the layer at {@code index} is the model's own
     * but the one at {@code fixedAt} is declared in a sub-model, reported on that declaration too
     * (so whoever reads the sub-model's class sees what to change there).
     */
    protected final Finding finding(LayerSequence layers, int index, int fixedAt, Message message) {
        LayerSequence.Entry fixed = layers.entry(fixedAt);
        if (layers.isInner(index) || !fixed.inner()) {
            Finding found = finding(layers, index, message);
            return found.withText(found.text(), fixAt(layers, fixedAt, message));
        }
        return new Finding(id, defaultSeverity, layers.spec(index).origin(), message.text(),
                fixAt(layers, fixedAt, message),
                new Finding.Declaration(fixed.declaredIn().qualifiedName(), layers.spec(fixedAt).origin()));
    }

    /**
     * A finding on the layer at {@code index}, placed as {@link #finding(LayerSequence, int, Message)}
     * places it, whose Fix is carried out on the {@code @Model} annotation of the model at hand: it
     * sets {@code attribute} to {@code value} (e.g. {@code task} to {@code Model.Task.BINARY}).
     */
    protected final Finding findingFixedOnModel(LayerSequence layers, int index, Message message, String attribute,
                                                String value) {
        Finding found = finding(layers, index, new Message(message.text(), message.fix()));
        Origin origin = Origin.ofModel(attribute);
        return found.withText(found.text(), Fix.of(message.fix()).at(layers.model().spec().qualifiedName(), origin)
                .replacing(origin, value));
    }

    /** The message's Fix, carried out on the layer at {@code index} where it is declared. */
    private static Fix fixAt(LayerSequence layers, int index, Message message) {
        LayerSequence.Entry entry = layers.entry(index);
        Origin origin = layers.spec(index).origin();
        Fix fix = Fix.of(message.fix()).at(entry.inner() ? entry.declaredIn().qualifiedName() : null, origin);
        return message.attribute() == null ? fix : fix.replacing(origin.withAttribute(message.attribute()), message.value());
    }

    /** Where a finding about the entry at {@code index} is placed in the model at hand. */
    private static Origin placement(LayerSequence layers, int index) {
        LayerSequence.Entry entry = layers.entry(index);
        return entry.inner() ? entry.useSite().origin() : layers.spec(index).origin();
    }

    @Override
    public String toString() {
        return id;
    }
}
