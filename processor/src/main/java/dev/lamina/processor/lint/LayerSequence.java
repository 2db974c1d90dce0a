package dev.lamina.processor.lint;

import dev.lamina.processor.diag.Origin;
import dev.lamina.processor.model.ActivationSpec;
import dev.lamina.processor.model.BatchNormSpec;
import dev.lamina.processor.model.ConvSpec;
import dev.lamina.processor.model.DenseSpec;
import dev.lamina.processor.model.DepthwiseConvSpec;
import dev.lamina.processor.model.DropoutSpec;
import dev.lamina.processor.model.LayerSpec;
import dev.lamina.processor.model.ModelRole;
import dev.lamina.processor.model.ModelSpec;
import dev.lamina.processor.model.ModelTask;
import dev.lamina.processor.model.SubModelSpec;
import dev.lamina.processor.shape.ShapedLayer;
import dev.lamina.processor.shape.ShapedModel;
import dev.lamina.processor.tensor.TensorShape;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * A shaped model as rules see it: the whole network's operations in order, by index, with the
 * traversal helpers rules share (nearest weighted layer before/after an index, "is linear", how to
 * name a layer in a message). Immutable.
 *
 * <p><b>Whole network.</b> A plain (not {@code @Residual}) sub-model field is inlined: its layers
 * (and those of plain sub-models nested in it, at any depth) take its place, each an entry that
 * knows the model declaring it and the field of this model through which it is used (its use
 * site). A rule therefore sees a pattern that crosses a plain sub-model boundary as if the layers
 * were written in one model; {@link Rule#finding} places a finding on an inlined layer on its use
 * site and reports it on the declaring annotation too. A {@code @Residual} field stays one
 * weighted entry (its output adds the skip path, so the layers around it do not form one chain);
 * rules look into it at its boundary ({@link #exitWeighted}, {@link #entryWeighted}, {@link #tail},
 * {@link #residualHead}).
 *
 * <p>"Weighted" means {@code @Conv}, {@code @DepthwiseConv}, {@code @Dense} or a {@code @Residual}
 * block (a block holds weights, so it ends a "between"). "A conv" means {@code @Conv} or
 * {@code @DepthwiseConv} ({@link LayerSpec#isConvolution}).
 */
public final class LayerSequence {

    /**
     * One operation of the flattened network.
     *
     * @param layer the layer with its shapes in this network
     * @param declaredIn the model whose field declares it
     * @param path the sub-model fields through which it is inlined: empty for a layer of the model
     *     at hand; else the field of the model at hand (the use site), then the field of that
     *     sub-model, and so on down to {@code declaredIn}
     */
    public record Entry(ShapedLayer layer, ModelSpec declaredIn, List<SubModelSpec> path) {

        public Entry {
            path = List.copyOf(path);
        }

        /** Whether the layer is declared inside a sub-model. */
        public boolean inner() {
            return !path.isEmpty();
        }

        /** The field of the model at hand that brings the layer in; null for the model's own layer. */
        public SubModelSpec useSite() {
            return path.isEmpty() ? null : path.get(0);
        }
    }

    private final ShapedModel model;
    private final List<Entry> layers;
    private final ModelRole role;

    /** A model linted as what it declares itself to be ({@link ModelSpec#role()}). */
    public LayerSequence(ShapedModel model) {
        this(model, model.spec().role());
    }

    /**
     * @param role what the model is linted as: its declared role, or, for a body (a model without
     *     input) shaped at a use site, the role it has there ({@code RESIDUAL_BLOCK} as a
     *     {@code @Residual} main path)
     */
    public LayerSequence(ShapedModel model, ModelRole role) {
        this.model = model;
        this.layers = flatten(model, List.of());
        this.role = role;
    }

    /** The entries of {@code model}'s layers, plain sub-models inlined, all reached through {@code path}. */
    private static List<Entry> flatten(ShapedModel model, List<SubModelSpec> path) {
        List<Entry> entries = new ArrayList<>();
        for (ShapedLayer layer : model.layers()) {
            if (layer.spec() instanceof SubModelSpec sub && !sub.residual() && layer.inside() != null) {
                List<SubModelSpec> deeper = new ArrayList<>(path);
                deeper.add(sub);
                entries.addAll(flatten(layer.inside(), deeper));
            } else {
                entries.add(new Entry(layer, model.spec(), path));
            }
        }
        return List.copyOf(entries);
    }

    /**
     * The plain sub-model fields of the model at hand (not nested ones) with their shaped insides,
     * each model once per input ({@link ShapedModel#key()}): the building blocks whose own lint this
     * network's lint must not repeat.
     */
    public Map<String, ShapedModel> plainSubModels() {
        Map<String, ShapedModel> blocks = new LinkedHashMap<>();
        for (ShapedLayer layer : model.layers()) {
            // by model and input: a body (no @Model(input)) used at two inputs is two blocks
            if (layer.spec() instanceof SubModelSpec sub && !sub.residual() && layer.inside() != null) {
                blocks.putIfAbsent(layer.inside().key(), layer.inside());
            }
        }
        return blocks;
    }

    /** The entry at {@code index}: the layer, the model declaring it and its use site. */
    public Entry entry(int index) {
        return layers.get(index);
    }

    /**
     * The sub-model fields through which the layer declared in {@code declaredIn} at {@code origin}
     * is inlined when the model at hand uses it through its field at {@code useSite}; empty when no
     * entry is that layer.
     */
    public List<SubModelSpec> pathTo(Origin useSite, String declaredIn, Origin origin) {
        for (Entry entry : layers) {
            if (entry.inner() && entry.useSite().origin().equals(useSite)
                    && entry.declaredIn().qualifiedName().equals(declaredIn)
                    && entry.layer().spec().origin().equals(origin)) {
                return entry.path();
            }
        }
        return List.of();
    }

    /** Whether the layer at {@code index} is declared inside a (plain) sub-model of the model at hand. */
    public boolean isInner(int index) {
        return layers.get(index).inner();
    }

    /**
     * Whether the model is a building block (its declared role): its input is not known to be the
     * network's input, and its output is not a classifier's logits.
     */
    public boolean isBlock() {
        return role.isBlock();
    }

    /**
     * Where to change the layer at {@code index}, for a Fix: {@code " in Block"} for a layer
     * declared inside a sub-model, else "".
     */
    public String declaredWhere(int index) {
        return isInner(index) ? " in " + layers.get(index).declaredIn().simpleName() : "";
    }

    /** Whether a use site of the model at hand brings in both entries, or neither (same place to edit). */
    public boolean sameDeclaration(int a, int b) {
        return layers.get(a).path().equals(layers.get(b).path())
                && layers.get(a).declaredIn().qualifiedName().equals(layers.get(b).declaredIn().qualifiedName());
    }

    /** Whether the model is the main path of a {@code @Residual} block (its declared role). */
    public boolean isResidualBody() {
        return role == ModelRole.RESIDUAL_BLOCK;
    }

    /**
     * Whether the spec at {@code index} lies between two convs ({@code @Conv}, {@code @DepthwiseConv}) of this model's
     * layers and this model is the main path of a {@code @Residual} block (its declared role,
     * {@link ModelRole#RESIDUAL_BLOCK}): the place where Wide
     * ResNet puts its dropout (Zagoruyko &amp; Komodakis 2016), which the dropout rules accept (see
     * docs/lints.md, "Dropout inside residual blocks").
     */
    public boolean isInsideResidualBlockBetweenConvs(int index) {
        return isResidualBody() && isConv(previousWeighted(index)) && isConv(nextWeighted(index));
    }

    /**
     * Whether the model is a classifier: its output is a vector and it is a whole network, not a
     * building block (its declared role, never what other models do with it): then the last
     * weighted layer's outputs are what training feeds to the task's loss ({@link #task}): logits,
     * or for a regression model the predicted values.
     */
    public boolean isClassifier() {
        return !isBlock() && model.output().isVector();
    }

    /**
     * What the network predicts ({@code @Model(task)}), which fixes the loss its output feeds: the
     * logits of softmax cross-entropy ({@link ModelTask#MULTI_CLASS}), of sigmoid cross-entropy
     * ({@link ModelTask#BINARY}, {@link ModelTask#MULTI_LABEL}), or the values of a squared error
     * ({@link ModelTask#REGRESSION}). Only a whole network has one ({@link #isClassifier}).
     */
    public ModelTask task() {
        return model.spec().task();
    }

    /**
     * Whether the output is logits that the task's loss takes ({@link #isClassifier}, and a task
     * other than regression, whose outputs are the predicted values).
     */
    public boolean hasLogits() {
        return isClassifier() && task() != ModelTask.REGRESSION;
    }

    public ShapedModel model() {
        return model;
    }

    public int size() {
        return layers.size();
    }

    /** Indices 0 .. size - 1. */
    public IntStream indices() {
        return IntStream.range(0, layers.size());
    }

    public ShapedLayer layer(int index) {
        return layers.get(index).layer();
    }

    public LayerSpec spec(int index) {
        return layers.get(index).layer().spec();
    }

    /** Shape the operation at {@code index} receives. */
    public TensorShape in(int index) {
        return layers.get(index).layer().in();
    }

    /** Whether a spec holds weights: {@code @Conv}, {@code @DepthwiseConv}, {@code @Dense} or a sub-model (after flattening, a {@code @Residual} one). */
    public static boolean isWeighted(LayerSpec spec) {
        return spec.isWeighted() || spec instanceof SubModelSpec;
    }

    /**
     * Whether a spec is linear (affine at inference) in its input, so two weighted layers with
     * only such specs between them compose into one linear map: batch norm, dropout, flatten,
     * average pooling and global average pooling. Activations, max pooling and sub-models are
     * not.
     */
    public static boolean isLinear(LayerSpec spec) {
        return spec.isLinear();
    }

    /** Whether the spec at {@code index} is element-wise {@code @Dropout} (not spatial). */
    public boolean isElementwiseDropout(int index) {
        return spec(index) instanceof DropoutSpec d && !d.spatial();
    }

    /** Whether the spec at {@code index} is a {@code @Residual} sub-model. */
    public boolean isResidual(int index) {
        return spec(index) instanceof SubModelSpec sub && sub.residual();
    }

    /** Whether the spec at {@code index} is a conv: {@code @Conv} or {@code @DepthwiseConv}. */
    public boolean isConv(int index) {
        return index >= 0 && spec(index).isConvolution();
    }

    public boolean isDense(int index) {
        return index >= 0 && spec(index) instanceof DenseSpec;
    }

    /**
     * Whether the nearest weighted specs on both sides of {@code index} are convs ({@code @Conv},
     * {@code @DepthwiseConv}), seeing
     * through sub-models: a sub-model before counts by its last weighted layer, one after by its
     * first (see {@link #entryWeighted} and {@link #exitWeighted}).
     */
    public boolean isBetweenConvs(int index) {
        int previous = previousWeighted(index);
        int next = nextWeighted(index);
        return previous >= 0 && next >= 0
                && isConvolution(exitWeighted(spec(previous)))
                && isConvolution(entryWeighted(spec(next)));
    }

    private static boolean isConvolution(LayerSpec spec) {
        return spec != null && spec.isConvolution();
    }

    /**
     * Whether two weighted specs, the first's output feeding the second with only linear layers
     * between them, are the two halves of a depthwise separable convolution: a
     * {@code @DepthwiseConv} and a 1x1 {@code @Conv}, in either order, seeing through sub-models
     * as {@link #isBetweenConvs} does. Their composition is linear, but it is the point: the pair
     * factors a full convolution into a spatial filter per channel and a channel mix, with far
     * fewer weights, and Xception (Chollet 2017, section 4.7) trains best with no activation
     * between the halves (Keras's SeparableConv2D has none).
     */
    public boolean isSeparablePair(int first, int second) {
        LayerSpec a = exitWeighted(spec(first));
        LayerSpec b = entryWeighted(spec(second));
        return a instanceof DepthwiseConvSpec && isPointwise(b) || b instanceof DepthwiseConvSpec && isPointwise(a);
    }

    private static boolean isPointwise(LayerSpec spec) {
        return spec instanceof ConvSpec conv && conv.kernel() == 1;
    }

    /**
     * The {@code @Conv}/{@code @DepthwiseConv}/{@code @Dense} a tensor fed into {@code spec} meets first: the spec itself,
     * or for a sub-model the first weighted layer of its layers, looking into nested sub-models.
     * For a {@code @Residual} block that is the first weighted layer of the main path (the skip
     * path carries the tensor unchanged, or through a 1x1 projection). Null when there is none.
     */
    public static LayerSpec entryWeighted(LayerSpec spec) {
        return boundaryWeighted(spec, false);
    }

    /**
     * The {@code @Conv}/{@code @DepthwiseConv}/{@code @Dense} whose output leaves {@code spec} last: the spec itself, or
     * for a sub-model the last weighted layer of its layers, looking into nested sub-models (for a
     * {@code @Residual} block, the last weighted layer of the main path). Null when there is none.
     */
    public static LayerSpec exitWeighted(LayerSpec spec) {
        return boundaryWeighted(spec, true);
    }

    private static LayerSpec boundaryWeighted(LayerSpec spec, boolean last) {
        if (spec.isWeighted()) {
            return spec;
        }
        if (!(spec instanceof SubModelSpec sub)) {
            return null;
        }
        List<LayerSpec> inner = sub.model().layers();
        for (int k = 0; k < inner.size(); k++) {
            LayerSpec found = boundaryWeighted(inner.get(last ? inner.size() - 1 - k : k), last);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    /**
     * {@link #describe} of the spec at {@code index}, and for a sub-model also the weighted layer
     * inside it that a check looked at, e.g.
     * {@code 'block' (@Residual), whose first weighted layer is 'c1' (@Conv)}.
     */
    public String describeWeighted(int index, boolean entering) {
        LayerSpec spec = spec(index);
        LayerSpec inner = entering ? entryWeighted(spec) : exitWeighted(spec);
        if (inner == null || inner == spec) {
            return describe(index);
        }
        return describe(index) + ", whose " + (entering ? "first" : "last") + " weighted layer is '"
                + inner.name() + "' (@" + inner.kind() + ")";
    }

    /**
     * A layer declared inside a sub-model, with the {@code @Model} that declares it.
     *
     * @param spec the layer
     * @param declaredIn the model whose field declares it
     * @param in the shape it receives, where known (else null)
     */
    public record Inner(LayerSpec spec, ModelSpec declaredIn, TensorShape in) {

        /** A layer whose input shape is not needed. */
        public Inner(LayerSpec spec, ModelSpec declaredIn) {
            this(spec, declaredIn, null);
        }

        /** {@code 'drop' (@Dropout) of Block}. */
        public String describe() {
            return "'" + spec.name() + "' (@" + annotationName(spec) + ") of " + declaredIn.simpleName();
        }
    }

    /**
     * The layers a tensor passes after the last weighted layer inside the sub-model at
     * {@code index} (looking into a sub-model that is the last weighted layer of a sub-model, at
     * any depth), in order: what the sub-model's output goes through on its way out to the layers
     * after the field. Empty for a spec that is not a sub-model, or whose last layer is weighted.
     * For a {@code @Residual} block these are the end of its main path, before the skip path is
     * added.
     */
    public List<Inner> tail(int index) {
        return tailOf(spec(index));
    }

    /**
     * The layers a tensor passes inside the {@code @Residual} block at {@code index} on its main
     * path before the first weighted layer there, in order, with their shapes: what the output of
     * the layers before the field meets first on the main path (the skip path bypasses them).
     * Empty for anything else.
     */
    public List<Inner> residualHead(int index) {
        if (!(spec(index) instanceof SubModelSpec sub) || !sub.residual()) {
            return List.of();
        }
        ShapedModel inside = layer(index).inside();
        if (inside == null) {
            return List.of();
        }
        List<Inner> head = new ArrayList<>();
        for (Entry entry : flatten(inside, List.of(sub))) {
            if (isWeighted(entry.layer().spec())) {
                break;
            }
            head.add(new Inner(entry.layer().spec(), entry.declaredIn(), entry.layer().in()));
        }
        return List.copyOf(head);
    }

    private static List<Inner> tailOf(LayerSpec spec) {
        if (!(spec instanceof SubModelSpec sub)) {
            return List.of();
        }
        List<LayerSpec> inner = sub.model().layers();
        int last = inner.size() - 1;
        while (last >= 0 && !isWeighted(inner.get(last))) {
            last--;
        }
        List<Inner> tail = new ArrayList<>(last >= 0 ? tailOf(inner.get(last)) : List.of());
        for (int k = last + 1; k < inner.size(); k++) {
            tail.add(new Inner(inner.get(k), sub.model()));
        }
        return List.copyOf(tail);
    }

    /** Index of the nearest weighted spec before {@code index}, or -1. */
    public int previousWeighted(int index) {
        for (int i = index - 1; i >= 0; i--) {
            if (isWeighted(spec(i))) {
                return i;
            }
        }
        return -1;
    }

    /** Index of the nearest weighted spec after {@code index}, or -1. */
    public int nextWeighted(int index) {
        for (int i = index + 1; i < layers.size(); i++) {
            if (isWeighted(spec(i))) {
                return i;
            }
        }
        return -1;
    }

    /** Index of the last weighted spec, or -1 when the model has none. */
    public int lastWeighted() {
        return previousWeighted(layers.size());
    }

    /** Whether the spec at {@code index} acts on the model's input (no weighted spec before it). */
    public boolean actsOnInput(int index) {
        return previousWeighted(index) < 0;
    }

    /**
     * Whether the spec at {@code index} acts on the output logits: there is a weighted spec before
     * it, none after it, and the model is a classifier ({@link #isClassifier}: a whole network
     * whose output is a vector).
     */
    public boolean actsOnLogits(int index) {
        return isClassifier() && previousWeighted(index) >= 0 && nextWeighted(index) < 0;
    }

    /**
     * Index of the first spec after {@code index} that is {@code @BatchNorm} or a sub-model
     * containing one (at any depth, on its main path or in a projection shortcut), or -1.
     */
    public int nextBatchNorm(int index) {
        for (int i = index + 1; i < layers.size(); i++) {
            if (containsBatchNorm(spec(i))) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Index of the last spec that is {@code @BatchNorm} or a sub-model containing one (at any
     * depth), or -1.
     */
    public int lastBatchNorm() {
        for (int i = layers.size() - 1; i >= 0; i--) {
            if (containsBatchNorm(spec(i))) {
                return i;
            }
        }
        return -1;
    }

    private static boolean containsBatchNorm(LayerSpec spec) {
        if (spec instanceof BatchNormSpec) {
            return true;
        }
        if (spec instanceof SubModelSpec sub) {
            // @Residual(projection = true): the shortcut is a 1x1 conv and a batch norm
            return sub.projection() || containsBatchNorm(sub.model());
        }
        return false;
    }

    private static boolean containsBatchNorm(ModelSpec model) {
        return model.layers().stream().anyMatch(LayerSequence::containsBatchNorm);
    }

    /**
     * How messages name a layer: {@code 'conv1' (@Conv)} for a field's first annotation,
     * {@code 'conv1_bn' (@BatchNorm on 'conv1')} for a later one,
     * {@code 'conv1_relu' (activation = RELU on 'conv1')} for an {@code activation =} attribute.
     */
    public String describe(int index) {
        LayerSpec spec = spec(index);
        String what = spec instanceof ActivationSpec act && act.fromAttribute()
                ? "activation = " + act.fn().name()
                : "@" + annotationName(spec);
        String field = spec.field();
        String on = field == null || field.equals(spec.name()) ? "" : " on '" + field + "'";
        Entry entry = layers.get(index);
        String of = entry.inner() ? " of " + entry.declaredIn().simpleName() + " in sub-model '"
                + entry.useSite().name() + "'" : "";
        return "'" + spec.name() + "' (" + what + on + ")" + of;
    }

    private static String annotationName(LayerSpec spec) {
        String annotation = spec.origin().annotation();
        return annotation == null ? spec.kind() : annotation;
    }

    /**
     * Words for a tensor: {@code "a (32, 26, 26) feature map"}, {@code "a (128) vector"} or
     * {@code "a (…) tensor"}.
     */
    public static String shapeWords(TensorShape shape) {
        String kind = shape.isFeatureMap() ? "feature map" : shape.isVector() ? "vector" : "tensor";
        return "a " + shape + " " + kind;
    }
}
