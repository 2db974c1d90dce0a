package dev.lamina.processor.diag;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Every message Lamina reports that is not a lint: the compile-time errors (and the one shape
 * warning), the warnings about processor options and {@code @SuppressWarnings} values, the SARIF
 * file warning and the summary NOTE, each with its stable id, its severity and its message
 * template, in one place. Error templates follow
 * {@code layer '<name>' (@<Annotation>): <what, with shapes>. <why>. Fix: <what to do>.}
 * (the {@code [lamina:<Id>]} tag is added by {@link Finding#render()}).
 *
 * <p>A finding is made only by its problem's static factory method (e.g.
 * {@link #subModelInputMismatch}), whose parameters are named and typed; the template is filled in
 * one place, next to it, so the order of a template's arguments cannot drift from its call sites.
 */
public enum Problem {
    /** An annotation attribute outside its valid range, e.g. {@code filters = 0}. */
    ATTRIBUTE_OUT_OF_RANGE("AttributeOutOfRange", Severity.ERROR,
            "layer '%s' (@%s): %s = %s is out of range, it must be %s. %s.",
            "%s."),
    /** A {@code double} attribute that DJL's {@code float} turns into another value (1.0, 0, infinity). */
    FLOAT_ROUNDING("FloatRounding", Severity.ERROR,
            "layer '%s' (@%s): %s = %s becomes %s as a float, the type DJL computes in, %s. The model "
                    + "would not compute what the annotation says.",
            "%s."),
    /** {@code @Model(input)} with a rank other than 1 or 3, or a size below 1. */
    INVALID_INPUT_SHAPE("InvalidInputShape", Severity.ERROR,
            "model '%s' (@Model): input = %s is not the shape of one example. %s.",
            "declare input = {C, H, W} for images or {features} for vectors, every size at least 1."),
    /** {@code @Dense} fed a (C, H, W) feature map. */
    DENSE_ON_FEATURE_MAP("DenseOnFeatureMap", Severity.ERROR,
            "layer '%s' (@Dense): receives a (C, H, W) feature map %s but a dense layer needs a vector. "
                    + "DJL's Linear would only mix the last axis (W) and keep the others, so the model would not "
                    + "compute what it says.",
            "add @Flatten (giving (%d)) or @GlobalAvgPool (giving (%d)) before it."),
    /** A layer that needs (C, H, W) fed a vector. */
    SPATIAL_LAYER_ON_VECTOR("SpatialLayerOnVector", Severity.ERROR,
            "layer '%s' (@%s): receives a vector %s but %s needs a (C, H, W) feature map. The spatial "
                    + "axes were already removed by an earlier layer (@Flatten, a global pool or @Dense), or the "
                    + "model's input is a vector.",
            "move it before the layer that removes H and W, or remove it."),
    /** A VALID kernel, dilated kernel or pool window larger than its input. */
    KERNEL_LARGER_THAN_INPUT("KernelLargerThanInput", Severity.ERROR,
            "layer '%s' (@%s): the %s spans %d but the input %s is only %dx%d, so the output would "
                    + "shrink to %s. With padding = VALID the window must fit inside the input.%s",
            "%s"),
    /** SAME padding that would need asymmetric padding (even window). */
    SAME_PADDING_NEEDS_ODD_WINDOW("SamePaddingNeedsOddWindow", Severity.ERROR,
            "layer '%s' (@%s): padding = SAME with a window spanning %d (%s) needs more padding on one "
                    + "side than the other, which DJL's %s cannot do. Lamina only emits symmetric padding.",
            "use %s, or padding = Padding.VALID%s."),
    /** {@code @Flatten} on a vector: does nothing. */
    FLATTEN_ON_VECTOR("FlattenOnVector", Severity.WARNING,
            "layer '%s' (@Flatten): the input %s is already a vector, so it does nothing. Flatten turns "
                    + "(C, H, W) into (C*H*W).",
            "remove @Flatten here."),
    /** A residual sub-model that changes the shape, without projection. */
    RESIDUAL_SHAPE_MISMATCH("ResidualShapeMismatch", Severity.ERROR,
            "layer '%s' (@Residual): sub-model %s maps %s to %s, so its input cannot be added to its "
                    + "output. A residual sum needs equal shapes.",
            "set @Residual(projection = true) to add a 1x1 conv + batch norm on the skip path, or make "
                    + "%s keep the shape."),
    /** A projection that cannot match the shapes (vectors, or no 1x1 stride fits). */
    RESIDUAL_PROJECTION_IMPOSSIBLE("ResidualProjectionImpossible", Severity.ERROR,
            "layer '%s' (@Residual): sub-model %s maps %s to %s and no 1x1 convolution on the skip path "
                    + "can produce that shape. %s.",
            "make %s keep the rank and shrink H and W by the same whole factor, or drop @Residual."),
    /** A sub-model whose declared {@code @Model(input)} differs from the shape its field receives. */
    SUB_MODEL_INPUT_MISMATCH("SubModelInputMismatch", Severity.ERROR,
            "layer '%s' (%s): sub-model %s declares @Model(input = %s) but receives %s here. A sub-model "
                    + "is built for its declared input, and its shapes, parameter counts and lints are those of "
                    + "that input.",
            "change %s's input to %s (or leave it out, so it takes its input from each place that uses "
                    + "it), or change the layers before '%s' so they produce %s."),
    /** A sub-model whose own layers fail for its (matching) input. */
    SUB_MODEL_INVALID("SubModelInvalid", Severity.ERROR,
            "layer '%s' (%s): sub-model %s is impossible %s: %s. A model that contains an impossible "
                    + "sub-model cannot be built either.",
            "correct %s (its own error is reported on it too)."),
    /**
     * A sub-model that takes its input from where it is used and cannot take the shape one of its
     * use sites gives it; reported on the use site and on the layer at fault, each naming the other.
     */
    SUB_MODEL_REJECTS_INPUT("SubModelRejectsInput", Severity.ERROR,
            "layer '%s' of %s (%s): sub-model %s takes its input from where it is used and cannot take "
                    + "the %s it receives here: %s. Such a sub-model is checked for the input of each place that "
                    + "uses it.",
            "change the layers before '%s' in %s so they give %s an input it can take, or change %s "
                    + "where the error is (this error is reported there too)."),
    /** A tensor of one example, or a window, larger than an int can count. */
    SHAPE_TOO_LARGE("ShapeTooLarge", Severity.ERROR,
            "%s: %s is %s, more than 2,147,483,647, the largest size Lamina supports (sizes are Java "
                    + "ints, and one example this large could not be trained anyway). It is almost always a typo.",
            "%s."),
    /** A parameter count whose float32 bytes a long cannot hold. */
    PARAMETER_COUNT_OVERFLOW("ParameterCountOverflow", Severity.ERROR,
            "layer '%s' (@%s): %s is more than 2,305,843,009,213,693,951, the most float32 parameters whose "
                    + "size in bytes a Java long (DJL's storage size) can hold. No real model comes near it: an attribute such as kernel, filters or "
                    + "units is almost certainly mistyped.",
            "%s."),
    /**
     * A parameter array (a weight, a batch norm's gamma...) of more float32 values than DJL can save
     * as one array: its {@code NDSerializer} writes an array's size in bytes as a Java int.
     */
    PARAMETER_TOO_LARGE("ParameterTooLarge", Severity.ERROR,
            "layer '%s' (@%s): its largest parameter array (%s) holds %s values, more than 536,870,911, the most "
                    + "float32 values DJL can save as one array (it writes an array's size in bytes as a Java int, "
                    + "at most 2,147,483,647), so no checkpoint or saved model of this layer could be written. It is "
                    + "almost always a typo in an attribute such as units, filters or kernel.",
            "%s."),
    /** {@code @Residual} on a field whose type is not a {@code @Model} class. */
    RESIDUAL_WITHOUT_SUB_MODEL("ResidualWithoutSubModel", Severity.ERROR,
            "layer '%s' (@Residual): the field's type %s is not a @Model class, so there is no sub-model "
                    + "to wrap and the annotation would be lost. @Residual adds a sub-model's input to its output.",
            "declare the field with the type of a @Model class, or remove @Residual."),
    /** A Lamina layer annotation on a static field. */
    STATIC_LAYER_FIELD("StaticLayerField", Severity.ERROR,
            "layer '%s' (@%s): %s, and a model's layers are its instance fields, so this layer would be "
                    + "silently left out.",
            "%s."),
    /** A sub-model whose generated Net does not exist, so the enclosing Net could not build it. */
    SUB_MODEL_WITHOUT_NET("SubModelWithoutNet", Severity.ERROR,
            "layer '%s' (%s): sub-model %s has no generated class %s, which this model's Net calls to "
                    + "build it: %s.",
            "%s."),
    /** A Lamina layer annotation on a field of a class without {@code @Model}. */
    LAYER_OUTSIDE_MODEL("LayerOutsideModel", Severity.ERROR,
            "layer '%s' (@%s): the class %s that declares this field has no @Model, so no Net is "
                    + "generated from it and this layer would be silently left out.",
            "annotate %s with @Model(input = ...), or move the field into a @Model class."),
    /**
     * A model that extends a class declaring layers (Lamina-annotated or sub-model fields): a
     * model's layers are its own class's fields, so they would be silently left out.
     */
    LAYERS_IN_SUPERCLASS("LayersInSuperclass", Severity.ERROR,
            "model '%s' (@Model) extends %s, which declares the layers %s: a model's layers are the fields "
                    + "of its own class, so the Net would silently leave these out.",
            "move the layer fields of %s into %s (a model does not extend a class with layers), or make %s "
                    + "a @Model of its own and give %s a field of that type instead of extending it."),
    /**
     * An annotation of package {@code dev.lamina} on a layer field that this processor does not
     * know (e.g. one of a newer lamina-runtime): the layer it declares would be lost.
     */
    UNKNOWN_ANNOTATION("UnknownAnnotation", Severity.ERROR,
            "layer '%s' (@%s): %s is not an annotation this Lamina processor knows, so the layer it "
                    + "declares would be silently left out of the network. The processor knows @%s, and @Residual "
                    + "on a sub-model; an annotation from a newer lamina-runtime than the lamina-processor on the "
                    + "processor path is unknown to it.",
            "use the same Lamina version for lamina-runtime and lamina-processor, or remove @%s."),
    /** A model that contains itself, directly or through other sub-models. */
    SUB_MODEL_CYCLE("SubModelCycle", Severity.ERROR,
            "layer '%s' (%s): sub-model %s contains itself (%s). A model cannot be inlined into itself.",
            "remove the field that closes the cycle."),
    /** {@code @Model(name)} that is not a usable class name. */
    INVALID_NET_NAME("InvalidNetName", Severity.ERROR,
            "model '%s' (@Model): name = \"%s\" cannot name the generated class. %s.",
            "use a Java identifier other than the model's own name, e.g. name = \"%s\"%s."),
    /**
     * The default Net name ({@code <SimpleName>Net}, {@code @Model(name)} left out) cannot name the
     * generated class, e.g. for a class name of 198 characters (same id as {@link #INVALID_NET_NAME}).
     */
    INVALID_DEFAULT_NET_NAME("InvalidNetName", Severity.ERROR,
            "model '%s' (@Model): the generated class would be named %s (the class's name and Net, as @Model "
                    + "has no name), which cannot name a class. %s.",
            "give @Model a name that can, e.g. name = \"%s\"."),
    /**
     * {@code @Model(task)} other than the default on a building block (role {@code BLOCK} or
     * {@code RESIDUAL_BLOCK}, or a body without input): a block has no task of its own.
     */
    TASK_ON_BLOCK("TaskOnBlock", Severity.ERROR,
            "model '%s' (@Model): task = %s on %s, which has no task of its own. The task fixes the loss, "
                    + "the metrics and the predictions of a whole network; a block's output is what the layers after "
                    + "it receive in the network that uses it, so the task would be silently ignored.",
            "remove task = %s from %s, and declare it on the @Model of the network that uses %s."),
    /** The generated source could not be written (e.g. two models with the same Net name). */
    NET_NOT_WRITTEN("NetNotWritten", Severity.ERROR,
            "model '%s' (@Model): the generated class %s could not be written (%s). Another class of "
                    + "this compilation, e.g. another model's Net, may already have this name.",
            "give the model a different @Model(name = ...), or rename the other class."),
    /** An unexpected failure of the processor on one model. */
    INTERNAL_ERROR("InternalError", Severity.ERROR,
            "model '%s' (@Model): the Lamina processor failed on this model (%s). This is a bug in "
                    + "Lamina, not in your model; no code was generated for it.",
            "report it with this message; other models are unaffected."),
    /** An {@code -Alamina.*} key that is not a Lamina option. */
    UNKNOWN_OPTION("UnknownOption", Severity.WARNING,
            "-A%s is not a Lamina option and is ignored. Valid options: -Alamina.lint=warn|error|off, "
                    + "-Alamina.lint.<RuleId>=warn|error|note|off, -Alamina.summary=true|false, "
                    + "-Alamina.summary.batch=<n>, -Alamina.sarif=<path>.",
            "correct or remove it."),
    /** {@code -Alamina.lint.<Id>} with an id that names no rule (same id as {@link #UNKNOWN_OPTION}). */
    UNKNOWN_LINT_ID("UnknownOption", Severity.WARNING,
            "-A%s=%s: '%s' is not a Lamina lint id, so the option is ignored.%s Valid ids: %s."),
    /** A lint option value that is not one of the valid values (same id as {@link #UNKNOWN_OPTION}). */
    UNKNOWN_LINT_VALUE("UnknownOption", Severity.WARNING,
            "-A%s=%s: '%s' is not a valid value, so the option is ignored. Valid values: %s."),
    /** {@code -Alamina.summary} other than {@code true} or {@code false}, or another option's bad value. */
    BAD_OPTION("BadOption", Severity.WARNING,
            "-A%s=%s is not a valid value, so %s.",
            "use %s."),
    /** A {@code @SuppressWarnings("lamina...")} value that names no rule. */
    UNKNOWN_SUPPRESSION("UnknownSuppression", Severity.WARNING,
            "@SuppressWarnings(\"%s\") on %s names no Lamina lint, so it suppresses nothing.%s Use \"%s\" for "
                    + "all lints or \"%s<Id>\" with one of: %s."),
    /** The {@code -Alamina.sarif} file could not be written. */
    SARIF_NOT_WRITTEN("SarifNotWritten", Severity.WARNING,
            "could not write the SARIF log to %s: %s. Lint findings were still printed.",
            "pass a writable path in -A%s."),
    /** A model without {@code @Model(input)} that no model of the compilation uses. */
    INPUT_FROM_USE_SITE_UNUSED("InputFromUseSiteUnused", Severity.NOTE,
            "model '%s' (@Model): declares no input, so it takes its input shape from each model that "
                    + "uses it as a field, is checked and built there, and has no %s of its own; no model of this "
                    + "compilation uses it.",
            "declare @Model(input = {C, H, W}) (or {features}) to train it on its own, or use it as a "
                    + "field of a model that does."),
    /**
     * A model with {@code @Model(input)} and no role, used as a field, on which the rules about a
     * whole network's input or a classifier's output fire (on its own class): it is a building
     * block that does not say so.
     */
    SUB_MODEL_ROLE_UNDECLARED("SubModelRoleUndeclared", Severity.WARNING,
            "layer '%s' (%s): sub-model %s declares @Model(input = %s) and no role, so it is a whole "
                    + "network, linted as one where it is declared: %s reported there only because of that (%s). "
                    + "Used here as %s, its output is not a classifier's logits and its input is not the network's.",
            "declare @Model(input = %s, role = %s) on %s."),
    /** A model's summary table, printed with {@code -Alamina.summary=true}. */
    SUMMARY("Summary", Severity.NOTE, "%s\n%s");

    private final String id;
    private final Severity severity;
    /** What is wrong and why; then, when there is one, what to do ({@link #fixTemplate}). */
    private final String template;
    private final String fixTemplate;
    /** How many of a factory's arguments fill {@link #template}; the rest fill {@link #fixTemplate}. */
    private final int templateArguments;

    /** A problem whose message asks for nothing (the summary). */
    Problem(String id, Severity severity, String template) {
        this(id, severity, template, null);
    }

    Problem(String id, Severity severity, String template, String fixTemplate) {
        this.id = id;
        this.severity = severity;
        this.template = template;
        this.fixTemplate = fixTemplate;
        this.templateArguments = (int) Specifiers.PATTERN.matcher(template).results().count();
    }

    /** The format specifiers of a template ({@code %s}, {@code %d}, {@code %,d}); {@code %%} and {@code %n} take no argument. */
    private static final class Specifiers {
        static final Pattern PATTERN = Pattern.compile("%[^%n]");
    }

    /** Stable id, as in {@code [lamina:<id>]}. */
    public String id() {
        return id;
    }

    /** Default severity. */
    public Severity severity() {
        return severity;
    }

    /**
     * The finding at {@code origin} with the template filled with {@code args}: private, so every
     * message is made by the typed factory method of its problem below.
     */
    private Finding at(Origin origin, Object... args) {
        String text = String.format(Locale.ROOT, template, Arrays.copyOfRange(args, 0, templateArguments));
        if (fixTemplate == null) {
            return new Finding(id, severity, origin, text);
        }
        Fix fix = Fix.of(String.format(Locale.ROOT, fixTemplate,
                Arrays.copyOfRange(args, templateArguments, args.length)));
        // a problem about one attribute is fixed there
        return new Finding(id, severity, origin, text,
                origin != null && origin.attribute() != null ? fix.at(null, origin) : fix);
    }

    /**
     * {@link #ATTRIBUTE_OUT_OF_RANGE}: {@code value} of the attribute {@code attribute} names (on the
     * annotation it names) of layer {@code layer}; {@code range} e.g. {@code at least 1}, {@code why}
     * a sentence without its final period, {@code fix} what to write.
     */
    public static Finding attributeOutOfRange(Origin attribute, String layer, Object value, String range, String why,
            String fix) {
        return ATTRIBUTE_OUT_OF_RANGE.at(attribute, layer, attribute.annotation(), attribute.attribute(), value, range,
                capitalized(why), fix);
    }

    /**
     * {@link #FLOAT_ROUNDING}: {@code value} of the attribute {@code attribute} names becomes
     * {@code rounded} as a float; {@code change} says what that is ({@code which is 0: ...}).
     */
    public static Finding floatRounding(Origin attribute, String layer, double value, float rounded, String change,
            String fix) {
        return FLOAT_ROUNDING.at(attribute, layer, attribute.annotation(), attribute.attribute(), value, rounded, change,
                fix);
    }

    /** {@link #DENSE_ON_FEATURE_MAP}: the dense layer {@code layer} receives the feature map {@code in} (C, H, W). */
    public static Finding denseOnFeatureMap(Origin origin, String layer, List<Integer> in) {
        long flat = in.stream().mapToLong(Integer::longValue).reduce(1, Math::multiplyExact);
        return DENSE_ON_FEATURE_MAP.at(origin, layer, shape(in), flat, in.get(0));
    }

    /** {@link #SPATIAL_LAYER_ON_VECTOR}: {@code layer} receives the vector {@code in}; {@code needs} e.g. {@code pooling}. */
    public static Finding spatialLayerOnVector(Origin origin, String layer, List<Integer> in, String needs) {
        return SPATIAL_LAYER_ON_VECTOR.at(origin, layer, origin.annotation(), shape(in), needs);
    }

    /**
     * {@link #KERNEL_LARGER_THAN_INPUT}: the {@code window} (e.g. {@code kernel}) of {@code layer}
     * spans {@code span} but its input {@code in} (C, H, W) is smaller; {@code knob} names what to
     * make smaller (e.g. {@code kernel}).
     */
    public static Finding kernelLargerThanInput(Origin origin, String layer, String window, long span,
            List<Integer> in, String knob, boolean pool, List<Integer> tooSmallInput) {
        int height = in.get(1);
        // SAME padding keeps a conv's output size; on a pool it only makes the output 1x1, a
        // degenerate network, so it is never offered for a pool
        String same = pool ? "" : ", padding = Padding.SAME";
        String cause = tooSmallInput == null ? "" : " The window would fit the model's input "
                + shape(tooSmallInput) + ", but the layers before it shrink " + tooSmallInput.get(1) + "x"
                + tooSmallInput.get(2) + " to " + height + "x" + in.get(2) + ": the input is too small for these layers.";
        String fix = tooSmallInput == null ? "use a smaller " + knob + same + ", or remove an earlier layer that shrinks H and W."
                : "feed a larger input (@Model(input) with a larger H and W, or larger images where the model is"
                        + " used), or remove an earlier layer that shrinks H and W.";
        return KERNEL_LARGER_THAN_INPUT.at(origin, layer, origin.annotation(), window, span, shape(in), height,
                in.get(2), span > height ? "zero rows" : "zero columns", cause, fix);
    }

    /**
     * {@link #SAME_PADDING_NEEDS_ODD_WINDOW}: the window of {@code layer} ({@code pool} or
     * convolution kernel) spans an even {@code span}, {@code detail} e.g. {@code kernel 4, dilation 1};
     * {@code djlBlock} is the DJL block that cannot pad asymmetrically.
     */
    public static Finding samePaddingNeedsOddWindow(Origin padding, String layer, long span, String detail,
            String djlBlock, boolean pool) {
        return SAME_PADDING_NEEDS_ODD_WINDOW.at(padding, layer, padding.annotation(), span, detail, djlBlock,
                pool ? "an odd pool size" : "an odd kernel (or an even dilation with an even kernel)",
                pool ? ", or stride equal to the size" : "");
    }

    /** {@link #FLATTEN_ON_VECTOR}: {@code @Flatten} {@code layer} receives the vector {@code in}. */
    public static Finding flattenOnVector(Origin origin, String layer, List<Integer> in) {
        return FLATTEN_ON_VECTOR.at(origin, layer, shape(in));
    }

    /**
     * {@link #SUB_MODEL_INPUT_MISMATCH}: the field {@code layer}, used as {@code usage} (e.g.
     * {@code @Residual}), holds {@code subModel}, declared for {@code declared} but fed {@code received}.
     */
    public static Finding subModelInputMismatch(Origin origin, String layer, String usage, String subModel,
            List<Integer> declared, List<Integer> received) {
        return SUB_MODEL_INPUT_MISMATCH.at(origin, layer, usage, subModel, literal(declared), shape(received),
                subModel, literal(received), layer, shape(declared));
    }

    /**
     * {@link #SUB_MODEL_INVALID}: {@code subModel} fails for its input {@code in} with
     * {@code innerError} (its rendered first error).
     */
    public static Finding subModelInvalid(Origin origin, String layer, String usage, String subModel,
            List<Integer> in, Finding innerError) {
        return SUB_MODEL_INVALID.at(origin, layer, usage, subModel,
                in.isEmpty() ? "whatever its input" : "for its input " + shape(in), embedded(innerError), subModel);
    }

    /**
     * {@link #SUB_MODEL_REJECTS_INPUT}: the field {@code layer} of {@code model}, used as {@code usage},
     * feeds {@code in} to {@code subModel} (one that takes its input from where it is used, of qualified
     * name {@code subModelName}), whose {@code innerError} says why it cannot take it. The finding is
     * declared where that error is: on the sub-model's layer, or, when the error is itself of this
     * kind, where that one is declared (the innermost layer at fault).
     */
    public static Finding subModelRejectsInput(Origin origin, String layer, String model, String usage,
            String subModel, String subModelName, List<Integer> in, Finding innerError) {
        Finding made = SUB_MODEL_REJECTS_INPUT.at(origin, layer, model, usage, subModel, shape(in),
                embedded(innerError), layer, model, subModel, subModel);
        Finding.Declaration at = innerError.id().equals(SUB_MODEL_REJECTS_INPUT.id) && innerError.declaredIn() != null
                ? innerError.declaredIn() : new Finding.Declaration(subModelName, innerError.origin());
        return made.declaredAt(at);
    }

    /**
     * {@code inner}, a finding about a layer of the body {@code body} (a sub-model without input),
     * placed on the field {@code field} at {@code useSite} through which the model at hand uses the
     * body, since the body's own declaration is not where it can be reported (e.g. the class of a
     * sub-model the body holds has no Net, so this model's Net, which builds the body, cannot be
     * generated): same id and severity, its text prefixed with where the layer is.
     */
    public static Finding inBody(Finding inner, Origin useSite, String field, String body) {
        return new Finding(inner.id(), inner.severity(), useSite,
                "in sub-model " + body + " (field '" + field + "', built by this model's Net): " + inner.text(),
                inner.fix());
    }

    /**
     * {@code inner}, the finding of a body's own lint or shape warning, for the body {@code body}
     * compiled elsewhere (a jar, an earlier compilation), where nothing shaped it: placed on the
     * field {@code field} at {@code useSite} that feeds it {@code in}, its text prefixed with that.
     */
    public static Finding inBodyCompiledElsewhere(Finding inner, Origin useSite, String field, String body,
            List<Integer> in) {
        return new Finding(inner.id(), inner.severity(), useSite, "in sub-model " + body + " (field '" + field
                + "', fed " + shape(in) + "; " + body + " is compiled elsewhere, so its own findings for this input "
                + "are reported here): " + inner.text(), inner.fix());
    }

    /**
     * Another finding's text as part of a sentence: tag and text, without its Fix (the finding that
     * embeds it has one Fix of its own) and its final period.
     */
    private static String embedded(Finding finding) {
        String rendered = finding.tag() + " " + finding.text();
        return rendered.endsWith(".") ? rendered.substring(0, rendered.length() - 1) : rendered;
    }

    /** {@link #RESIDUAL_SHAPE_MISMATCH}: the residual {@code subModel} maps {@code in} to another shape {@code out}. */
    public static Finding residualShapeMismatch(Origin origin, String layer, String subModel, List<Integer> in,
            List<Integer> out) {
        return RESIDUAL_SHAPE_MISMATCH.at(origin, layer, subModel, shape(in), shape(out), subModel);
    }

    /**
     * {@link #RESIDUAL_PROJECTION_IMPOSSIBLE}: no 1x1 projection maps {@code in} to {@code out};
     * {@code why} a sentence without its final period.
     */
    public static Finding residualProjectionImpossible(Origin projection, String layer, String subModel,
            List<Integer> in, List<Integer> out, String why) {
        return RESIDUAL_PROJECTION_IMPOSSIBLE.at(projection, layer, subModel, shape(in), shape(out), why, subModel);
    }

    /** {@link #INVALID_INPUT_SHAPE}: {@code @Model(input)} of {@code model}; {@code why} without final period. */
    public static Finding invalidInputShape(String model, List<Integer> input, String why) {
        return INVALID_INPUT_SHAPE.at(Origin.ofModel("input"), model, literal(input), why);
    }

    /** {@link #INVALID_NET_NAME}: {@code @Model(name)} of {@code model}; {@code why} without final period. */
    public static Finding invalidNetName(String model, String name, String why, String suggestion,
            boolean defaultWorks) {
        return netNamed(INVALID_NET_NAME.at(Origin.ofModel("name"), model, name, why, suggestion,
                defaultWorks ? ", or leave name out" : ""), suggestion);
    }

    /**
     * {@link #INVALID_DEFAULT_NET_NAME}: {@code netName}, the default name of {@code model}'s Net, cannot
     * name it; {@code why} without final period; {@code suggestion} a name that can.
     */
    public static Finding invalidDefaultNetName(String model, String netName, String why, String suggestion) {
        return netNamed(INVALID_DEFAULT_NET_NAME.at(Origin.ofModel("name"), model, netName, why, suggestion),
                suggestion);
    }

    /** {@code finding}, whose Fix writes {@code name = "<suggestion>"}. */
    private static Finding netNamed(Finding finding, String suggestion) {
        return finding.withText(finding.text(),
                finding.fix().replacing(Origin.ofModel("name"), "\"" + suggestion + "\""));
    }

    /**
     * {@link #TASK_ON_BLOCK}: {@code model} declares {@code task} (e.g. {@code Model.Task.BINARY})
     * and is {@code block} (e.g. {@code a building block (role = Model.Role.BLOCK)}).
     */
    public static Finding taskOnBlock(String model, String task, String block) {
        return TASK_ON_BLOCK.at(Origin.ofModel("task"), model, task, block, task, model, model);
    }

    /**
     * {@link #SHAPE_TOO_LARGE}: {@code subject} (e.g. {@code layer 'fc' (@Dense)}) has {@code what}
     * (e.g. {@code its output (..)}) of {@code size} (words, e.g. {@code 3,000,000,000 elements per example}).
     */
    public static Finding shapeTooLarge(Origin origin, String subject, String what, String size, String fix) {
        return SHAPE_TOO_LARGE.at(origin, subject, what, size, fix);
    }

    /** {@link #PARAMETER_COUNT_OVERFLOW}: {@code what} (e.g. {@code its parameter count}) of {@code layer} overflows. */
    public static Finding parameterCountOverflow(Origin origin, String layer, String what, String fix) {
        return PARAMETER_COUNT_OVERFLOW.at(origin, layer, origin.annotation(), what, fix);
    }

    /**
     * {@link #PARAMETER_TOO_LARGE}: the largest parameter array of {@code layer}, {@code array} (e.g.
     * {@code its weight}), holds {@code values} values.
     */
    public static Finding parameterTooLarge(Origin origin, String layer, String array, long values, String fix) {
        return PARAMETER_TOO_LARGE.at(origin, layer, origin.annotation(), array,
                String.format(Locale.ROOT, "%,d", values), fix);
    }

    /** {@link #RESIDUAL_WITHOUT_SUB_MODEL}: {@code @Residual} on {@code field}, whose type {@code fieldType} is no model. */
    public static Finding residualWithoutSubModel(Origin origin, String field, String fieldType) {
        return RESIDUAL_WITHOUT_SUB_MODEL.at(origin, field, fieldType);
    }

    /** {@link #STATIC_LAYER_FIELD}: the layer annotation {@code origin} names is on a static field or enum constant. */
    public static Finding staticLayerField(Origin origin, boolean enumConstant) {
        return STATIC_LAYER_FIELD.at(origin, origin.field(), origin.annotation(),
                enumConstant ? "it is an enum constant, which is a static field" : "the field is static",
                enumConstant ? "declare the layers as instance fields of a @Model class, not as enum constants"
                        : "remove the static modifier");
    }

    /**
     * {@link #SUB_MODEL_WITHOUT_NET}: {@code subModel} has no generated {@code netClass};
     * {@code ownErrors}: its own errors stopped it this compilation, else it was compiled without
     * the processor.
     */
    public static Finding subModelWithoutNet(Origin origin, String layer, String usage, String subModel,
            String netClass, boolean ownErrors) {
        return SUB_MODEL_WITHOUT_NET.at(origin, layer, usage, subModel, netClass,
                ownErrors ? "its own errors (reported on it) stopped its generation"
                        : "it was compiled without the Lamina processor",
                ownErrors ? "correct the errors of " + subModel
                        : "compile " + subModel + " with lamina-processor on the annotation processor path");
    }

    /** {@link #LAYER_OUTSIDE_MODEL}: {@code @annotation} on {@code field} of {@code declaringClass}, which has no @Model. */
    public static Finding layerOutsideModel(String field, String annotation, String declaringClass, String simpleName) {
        return LAYER_OUTSIDE_MODEL.at(Origin.ofModel(null), field, annotation, declaringClass, simpleName);
    }

    /**
     * {@link #LAYERS_IN_SUPERCLASS}: {@code model} extends {@code superclass} (qualified name,
     * simple name), which declares the layer fields {@code fields}.
     */
    public static Finding layersInSuperclass(String model, String superclass, String superclassSimpleName,
                                             List<String> fields) {
        return LAYERS_IN_SUPERCLASS.at(Origin.ofModel(null), model, superclass, String.join(", ", fields),
                superclassSimpleName, model, superclassSimpleName, model);
    }

    /**
     * {@link #UNKNOWN_ANNOTATION}: the annotation {@code origin} names, of type {@code qualifiedName},
     * is no layer this processor knows; {@code known} are the simple names it knows.
     */
    public static Finding unknownAnnotation(Origin origin, String qualifiedName, List<String> known) {
        return UNKNOWN_ANNOTATION.at(origin, origin.field(), origin.annotation(), qualifiedName,
                String.join(", @", known), origin.annotation());
    }

    /** {@link #SUB_MODEL_CYCLE}: {@code subModel}, used as {@code usage}, contains itself along {@code path}. */
    public static Finding subModelCycle(Origin origin, String layer, String usage, String subModel, List<String> path) {
        return SUB_MODEL_CYCLE.at(origin, layer, usage, subModel, String.join(" -> ", path));
    }

    /** {@link #NET_NOT_WRITTEN}: the Filer could not create {@code netName} for {@code model}. */
    public static Finding netNotWritten(String model, String netName, Exception cause) {
        return NET_NOT_WRITTEN.at(Origin.ofModel("name"), model, netName, cause.getMessage());
    }

    /** {@link #INTERNAL_ERROR}: the processor failed on {@code model} with {@code failure}. */
    public static Finding internalError(String model, Throwable failure) {
        return INTERNAL_ERROR.at(Origin.ofModel(null), model, failure);
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
        return BAD_OPTION.at(null, key, value, "no summary is printed", "-A" + key + "=true or =false");
    }

    /**
     * {@link #BAD_OPTION}: {@code -A<key>=<value>} where {@code key} takes a whole number of at
     * least 1, so {@code fallback} is used instead.
     */
    public static Finding badCountOption(String key, String value, String what, int fallback) {
        return BAD_OPTION.at(null, key, value, what + " is for the default " + fallback,
                "-A" + key + "=<n> with a whole number n of at least 1");
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

    /**
     * {@link #INPUT_FROM_USE_SITE_UNUSED}: {@code model} declares no input and no model of the
     * compilation uses it, so its Net {@code netName} is not generated.
     */
    public static Finding inputFromUseSiteUnused(String model, String netName) {
        return INPUT_FROM_USE_SITE_UNUSED.at(Origin.ofModel(null), model, netName);
    }

    /**
     * {@link #SUB_MODEL_ROLE_UNDECLARED}: the field {@code layer}, used as {@code usage}, holds
     * {@code subModel} (input {@code input}, no role), whose own lint reports the rules
     * {@code ids} only because it is linted as a whole network; {@code role} is the
     * {@code Model.Role} constant to declare, e.g. {@code Model.Role.BLOCK}.
     */
    public static Finding subModelRoleUndeclared(Origin origin, String layer, String usage, String subModel,
            List<Integer> input, List<String> ids, String role) {
        String tags = ids.stream().map(Finding::tag).collect(Collectors.joining(", "));
        return SUB_MODEL_ROLE_UNDECLARED.at(origin, layer, usage, subModel, literal(input),
                ids.size() == 1 ? "one finding is" : ids.size() + " findings are", tags,
                role.endsWith("RESIDUAL_BLOCK") ? "the main path of a @Residual block" : "a building block",
                literal(input), role, subModel);
    }

    /** {@link #SUMMARY}: the summary {@code table} of the generated class {@code netName}. */
    public static Finding summary(String netName, String table) {
        return SUMMARY.at(null, netName, table);
    }

    /** A shape as Lamina prints it, e.g. {@code (1, 28, 28)}. */
    public static String shape(List<Integer> dims) {
        return dims.stream().map(String::valueOf).collect(Collectors.joining(", ", "(", ")"));
    }

    /** A shape as written in {@code @Model(input = ...)}, e.g. {@code {1, 28, 28}}. */
    public static String literal(List<Integer> dims) {
        return dims.stream().map(String::valueOf).collect(Collectors.joining(", ", "{", "}"));
    }

    private static String capitalized(String sentence) {
        return sentence.isEmpty() ? sentence : Character.toUpperCase(sentence.charAt(0)) + sentence.substring(1);
    }

    private static String didYouMean(Optional<String> closest) {
        return closest.map(id -> " Did you mean '" + id + "'?").orElse("");
    }
}
