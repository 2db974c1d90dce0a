package dev.lamina.processor.diag;

import java.util.Locale;

/**
 * Every compile-time error (and the one shape warning) Lamina reports, with its stable id, its
 * severity and its message template, in one place. Each template follows
 * {@code layer '<name>' (@<Annotation>): <what, with shapes>. <why>. Fix: <what to do>.}
 * (the {@code [lamina:<Id>]} tag is added by {@link Finding#render()}).
 */
public enum Problem {
    /** An annotation attribute outside its valid range, e.g. {@code filters = 0}. */
    ATTRIBUTE_OUT_OF_RANGE("AttributeOutOfRange", Severity.ERROR,
            "layer '%s' (@%s): %s = %s is out of range, it must be %s. %s. Fix: %s."),
    /** A {@code double} attribute that DJL's {@code float} turns into another value (1.0, 0, infinity). */
    FLOAT_ROUNDING("FloatRounding", Severity.ERROR,
            "layer '%s' (@%s): %s = %s becomes %s as a float, the type DJL computes in, %s. The model would "
                    + "not compute what the annotation says. Fix: %s."),
    /** {@code @Model(input)} with a rank other than 1 or 3, or a size below 1. */
    INVALID_INPUT_SHAPE("InvalidInputShape", Severity.ERROR,
            "model '%s' (@Model): input = %s is not the shape of one example. %s. "
                    + "Fix: declare input = {C, H, W} for images or {features} for vectors, "
                    + "every size at least 1."),
    /** {@code @Dense} fed a (C, H, W) feature map. */
    DENSE_ON_FEATURE_MAP("DenseOnFeatureMap", Severity.ERROR,
            "layer '%s' (@Dense): receives a (C, H, W) feature map %s but a dense layer needs a "
                    + "vector. DJL's Linear would only mix the last axis (W) and keep the others, "
                    + "so the model would not compute what it says. Fix: add @Flatten (giving (%d)) "
                    + "or @GlobalAvgPool (giving (%d)) before it."),
    /** A layer that needs (C, H, W) fed a vector. */
    SPATIAL_LAYER_ON_VECTOR("SpatialLayerOnVector", Severity.ERROR,
            "layer '%s' (@%s): receives a vector %s but %s needs a (C, H, W) feature map. The "
                    + "spatial axes were already removed by an earlier layer (@Flatten, a global pool or "
                    + "@Dense), or the model's input is a vector. Fix: move it before the layer that removes "
                    + "H and W, or remove it."),
    /** A VALID kernel, dilated kernel or pool window larger than its input. */
    KERNEL_LARGER_THAN_INPUT("KernelLargerThanInput", Severity.ERROR,
            "layer '%s' (@%s): the %s spans %d but the input %s is only %dx%d, so the output would "
                    + "shrink to %s. With padding = VALID the window must fit inside the input. "
                    + "Fix: use a smaller %s, padding = Padding.SAME, or remove an earlier layer "
                    + "that shrinks H and W."),
    /** SAME padding that would need asymmetric padding (even window). */
    SAME_PADDING_NEEDS_ODD_WINDOW("SamePaddingNeedsOddWindow", Severity.ERROR,
            "layer '%s' (@%s): padding = SAME with a window spanning %d (%s) needs more padding on "
                    + "one side than the other, which DJL's %s cannot do. Lamina only emits "
                    + "symmetric padding. Fix: use %s, or padding = Padding.VALID%s."),
    /** {@code @Flatten} on a vector: does nothing. */
    FLATTEN_ON_VECTOR("FlattenOnVector", Severity.WARNING,
            "layer '%s' (@Flatten): the input %s is already a vector, so it does nothing. "
                    + "Flatten turns (C, H, W) into (C*H*W). Fix: remove @Flatten here."),
    /** A residual sub-model that changes the shape, without projection. */
    RESIDUAL_SHAPE_MISMATCH("ResidualShapeMismatch", Severity.ERROR,
            "layer '%s' (@Residual): sub-model %s maps %s to %s, so its input cannot be added to its "
                    + "output. A residual sum needs equal shapes. Fix: set "
                    + "@Residual(projection = true) to add a 1x1 conv + batch norm on the skip "
                    + "path, or make %s keep the shape."),
    /** A projection that cannot match the shapes (vectors, or no 1x1 stride fits). */
    RESIDUAL_PROJECTION_IMPOSSIBLE("ResidualProjectionImpossible", Severity.ERROR,
            "layer '%s' (@Residual): sub-model %s maps %s to %s and no 1x1 convolution on the skip "
                    + "path can produce that shape. %s. Fix: make %s keep the rank and shrink H and "
                    + "W by the same whole factor, or drop @Residual."),
    /** A sub-model whose declared {@code @Model(input)} differs from the shape its field receives. */
    SUB_MODEL_INPUT_MISMATCH("SubModelInputMismatch", Severity.ERROR,
            "layer '%s' (%s): sub-model %s declares @Model(input = %s) but receives %s here. A "
                    + "sub-model is built for its declared input, and its shapes, parameter counts "
                    + "and lints are those of that input. Fix: change %s's input to %s, or change "
                    + "the layers before '%s' so they produce %s."),
    /** A sub-model whose own layers fail for its (matching) input. */
    SUB_MODEL_INVALID("SubModelInvalid", Severity.ERROR,
            "layer '%s' (%s): sub-model %s is impossible for its input %s: %s. A model that contains "
                    + "an impossible sub-model cannot be built either. Fix: correct %s (its own error "
                    + "is reported on it too)."),
    /** A tensor of one example, or a window, larger than an int can count. */
    SHAPE_TOO_LARGE("ShapeTooLarge", Severity.ERROR,
            "%s: %s is %s, more than 2,147,483,647, the largest size Lamina supports (sizes are "
                    + "Java ints, and one example this large could not be trained anyway). It is "
                    + "almost always a typo. Fix: %s."),
    /** A parameter count beyond what a long can hold. */
    PARAMETER_COUNT_OVERFLOW("ParameterCountOverflow", Severity.ERROR,
            "layer '%s' (@%s): %s is more than 9,223,372,036,854,775,807, the largest count a Java "
                    + "long (and DJL) can hold. No real model comes near it: an attribute such as "
                    + "kernel, filters or units is almost certainly mistyped. Fix: %s."),
    /** {@code @Residual} on a field whose type is not a {@code @Model} class. */
    RESIDUAL_WITHOUT_SUB_MODEL("ResidualWithoutSubModel", Severity.ERROR,
            "layer '%s' (@Residual): the field's type %s is not a @Model class, so there is no "
                    + "sub-model to wrap and the annotation would be lost. @Residual adds a "
                    + "sub-model's input to its output. Fix: declare the field with the type of a "
                    + "@Model class, or remove @Residual."),
    /** A Lamina layer annotation on a static field. */
    STATIC_LAYER_FIELD("StaticLayerField", Severity.ERROR,
            "layer '%s' (@%s): %s, and a model's layers are its instance fields, so this layer would be "
                    + "silently left out. Fix: %s."),
    /** A sub-model whose generated Net does not exist, so the enclosing Net could not build it. */
    SUB_MODEL_WITHOUT_NET("SubModelWithoutNet", Severity.ERROR,
            "layer '%s' (%s): sub-model %s has no generated class %s, which this model's Net calls to build it: "
                    + "%s. Fix: %s."),
    /** A Lamina layer annotation on a field of a class without {@code @Model}. */
    LAYER_OUTSIDE_MODEL("LayerOutsideModel", Severity.ERROR,
            "layer '%s' (@%s): the class %s that declares this field has no @Model, so no Net is generated "
                    + "from it and this layer would be silently left out. Fix: annotate %s with "
                    + "@Model(input = ...), or move the field into a @Model class."),
    /**
     * An annotation of package {@code dev.lamina} on a layer field that this processor does not
     * know (e.g. one of a newer lamina-runtime): the layer it declares would be lost.
     */
    UNKNOWN_ANNOTATION("UnknownAnnotation", Severity.ERROR,
            "layer '%s' (@%s): %s is not an annotation this Lamina processor knows, so the layer it declares "
                    + "would be silently left out of the network. The processor knows @%s, and @Residual on a "
                    + "sub-model; an annotation from a newer lamina-runtime than the lamina-processor on the "
                    + "processor path is unknown to it. Fix: use the same Lamina version for lamina-runtime and "
                    + "lamina-processor, or remove @%s."),
    /** A model that contains itself, directly or through other sub-models. */
    SUB_MODEL_CYCLE("SubModelCycle", Severity.ERROR,
            "layer '%s' (%s): sub-model %s contains itself (%s). A model cannot be inlined into "
                    + "itself. Fix: remove the field that closes the cycle."),
    /** {@code @Model(name)} that is not a usable class name. */
    INVALID_NET_NAME("InvalidNetName", Severity.ERROR,
            "model '%s' (@Model): name = \"%s\" cannot name the generated class. %s. Fix: use a Java "
                    + "identifier other than the model's own name, e.g. \"%sNet\", or leave name out."),
    /** The generated source could not be written (e.g. two models with the same Net name). */
    NET_NOT_WRITTEN("NetNotWritten", Severity.ERROR,
            "model '%s' (@Model): the generated class %s could not be written (%s). Another class of "
                    + "this compilation, e.g. another model's Net, may already have this name. Fix: give the "
                    + "model a different @Model(name = ...), or rename the other class."),
    /** An unexpected failure of the processor on one model. */
    INTERNAL_ERROR("InternalError", Severity.ERROR,
            "model '%s' (@Model): the Lamina processor failed on this model (%s). This is a bug in "
                    + "Lamina, not in your model; no code was generated for it. Fix: report it with "
                    + "this message; other models are unaffected.");

    private final String id;
    private final Severity severity;
    private final String template;

    Problem(String id, Severity severity, String template) {
        this.id = id;
        this.severity = severity;
        this.template = template;
    }

    /** Stable id, as in {@code [lamina:<id>]}. */
    public String id() {
        return id;
    }

    /** Default severity. */
    public Severity severity() {
        return severity;
    }

    /** The finding at {@code origin} with the template filled with {@code args}. */
    public Finding at(Origin origin, Object... args) {
        return new Finding(id, severity, origin, String.format(Locale.ROOT, template, args));
    }
}
