package dev.lamina.processor.diag;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

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
                    + "this message; other models are unaffected."),
    /** An {@code -Alamina.*} key that is not a Lamina option. */
    UNKNOWN_OPTION("UnknownOption", Severity.WARNING,
            "-A%s is not a Lamina option and is ignored. Valid options: -Alamina.lint=warn|error|off, "
                    + "-Alamina.lint.<RuleId>=warn|error|note|off, -Alamina.summary=true|false, "
                    + "-Alamina.sarif=<path>. Fix: correct or remove it."),
    /** {@code -Alamina.lint.<Id>} with an id that names no rule (same id as {@link #UNKNOWN_OPTION}). */
    UNKNOWN_LINT_ID("UnknownOption", Severity.WARNING,
            "-A%s=%s: '%s' is not a Lamina lint id, so the option is ignored.%s Valid ids: %s."),
    /** A lint option value that is not one of the valid values (same id as {@link #UNKNOWN_OPTION}). */
    UNKNOWN_LINT_VALUE("UnknownOption", Severity.WARNING,
            "-A%s=%s: '%s' is not a valid value, so the option is ignored. Valid values: %s."),
    /** {@code -Alamina.summary} other than {@code true} or {@code false}. */
    BAD_OPTION("BadOption", Severity.WARNING,
            "-A%s=%s is not a valid value, so no summary is printed. Fix: use -A%s=true or =false."),
    /** A {@code @SuppressWarnings("lamina...")} value that names no rule. */
    UNKNOWN_SUPPRESSION("UnknownSuppression", Severity.WARNING,
            "@SuppressWarnings(\"%s\") on %s names no Lamina lint, so it suppresses nothing.%s Use \"%s\" for "
                    + "all lints or \"%s<Id>\" with one of: %s."),
    /** The {@code -Alamina.sarif} file could not be written. */
    SARIF_NOT_WRITTEN("SarifNotWritten", Severity.WARNING,
            "could not write the SARIF log to %s: %s. Lint findings were still printed. Fix: pass a writable "
                    + "path in -A%s."),
    /** A model's summary table, printed with {@code -Alamina.summary=true}. */
    SUMMARY("Summary", Severity.NOTE, "%s\n%s");

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

    /** {@link #UNKNOWN_OPTION}: {@code -A<key>} is not a Lamina option; on the compilation. */
    public static Finding unknownOption(String key) {
        return UNKNOWN_OPTION.at(null, key);
    }

    /**
     * {@link #UNKNOWN_LINT_ID}: {@code -A<key>=<value>} names the rule {@code id}, which does not
     * exist; {@code closest} is the rule id it most likely meant, {@code validIds} all of them.
     */
    public static Finding unknownLintId(String key, String value, String id, Optional<String> closest,
            List<String> validIds) {
        return UNKNOWN_LINT_ID.at(null, key, value, id, didYouMean(closest), String.join(", ", validIds));
    }

    /** {@link #UNKNOWN_LINT_VALUE}: {@code -A<key>=<value>} with a value outside {@code validValues}. */
    public static Finding unknownLintValue(String key, String value, List<String> validValues) {
        return UNKNOWN_LINT_VALUE.at(null, key, value, value, String.join(", ", validValues));
    }

    /** {@link #BAD_OPTION}: {@code -A<key>=<value>} where {@code key} takes {@code true|false}. */
    public static Finding badBooleanOption(String key, String value) {
        return BAD_OPTION.at(null, key, value, key);
    }

    /**
     * {@link #UNKNOWN_SUPPRESSION}: {@code value} on {@code where} (e.g. {@code field 'out'}) names
     * no rule; {@code all} is the value for all lints, {@code prefix} that of one rule.
     */
    public static Finding unknownSuppression(Origin origin, String value, String where, Optional<String> closest,
            String all, String prefix, List<String> validIds) {
        return UNKNOWN_SUPPRESSION.at(origin, value, where, didYouMean(closest), all, prefix,
                String.join(", ", validIds));
    }

    /** {@link #SARIF_NOT_WRITTEN}: writing {@code path} (given in {@code -A<option>}) failed with {@code cause}. */
    public static Finding sarifNotWritten(String path, Throwable cause, String option) {
        return SARIF_NOT_WRITTEN.at(null, path, cause, option);
    }

    /** {@link #SUMMARY}: the summary {@code table} of the generated class {@code netName}. */
    public static Finding summary(String netName, String table) {
        return SUMMARY.at(null, netName, table);
    }

    private static String didYouMean(Optional<String> closest) {
        return closest.map(id -> " Did you mean '" + id + "'?").orElse("");
    }
}
