package dev.lamina.processor.model;

import dev.lamina.processor.diag.Finding;
import dev.lamina.processor.diag.Problem;
import java.util.ArrayList;
import java.util.List;

/**
 * Range checks of annotation attributes and of {@code @Model(input)}, on plain specs. Each
 * problem is an ERROR whose origin names the attribute, so it is reported on the value itself.
 * Sub-models are checked as models of their own (they are {@code @Model} classes too).
 */
public final class SpecValidator {

    private SpecValidator() {}

    /** All range problems of the model's own input and layers (empty when valid). */
    public static List<Finding> validate(ModelSpec model) {
        List<Finding> findings = new ArrayList<>();
        checkInput(model, findings);
        checkNetName(model, findings);
        for (LayerSpec layer : model.layers()) {
            checkLayer(layer, new Checker(layer, findings));
        }
        return findings;
    }

    private static void checkInput(ModelSpec model, List<Finding> findings) {
        List<Integer> input = model.input();
        String why = null;
        if (input.size() != 1 && input.size() != 3) {
            why = "It has rank " + input.size() + " but Lamina models take vectors (rank 1) or "
                    + "channels-first images (rank 3)";
        } else if (input.stream().anyMatch(d -> d < 1)) {
            why = "Every size must be at least 1";
        }
        if (why != null) {
            findings.add(Problem.INVALID_INPUT_SHAPE.at(Origin.ofModel("input"), model.simpleName(),
                    ModelSpec.inputLiteral(input), why));
        }
    }

    private static void checkNetName(ModelSpec model, List<Finding> findings) {
        String name = model.netName();
        String why = null;
        if (!isIdentifier(name)) {
            why = "It is not a Java identifier";
        } else if (name.equals(model.simpleName())) {
            why = "It is the model class's own name, so the two classes would clash";
        }
        if (why != null) {
            findings.add(Problem.INVALID_NET_NAME.at(Origin.ofModel("name"), model.simpleName(), name, why,
                    model.simpleName()));
        }
    }

    private static boolean isIdentifier(String name) {
        if (name.isEmpty() || !Character.isJavaIdentifierStart(name.codePointAt(0))) {
            return false;
        }
        return name.codePoints().allMatch(Character::isJavaIdentifierPart);
    }

    private static void checkLayer(LayerSpec layer, Checker c) {
        if (layer instanceof ConvSpec conv) {
            c.atLeastOne("filters", conv.filters(), "there must be at least one output channel");
            c.atLeastOne("kernel", conv.kernel(), "the kernel must cover at least one pixel");
            c.atLeastOne("stride", conv.stride(), "the kernel must move forward");
            c.atLeastOne("dilation", conv.dilation(), "taps must be at least one pixel apart");
        } else if (layer instanceof DenseSpec dense) {
            c.atLeastOne("units", dense.units(), "there must be at least one output");
        } else if (layer instanceof PoolSpec pool) {
            c.atLeastOne("value", pool.size(), "the window must cover at least one pixel");
            if (pool.size() >= 1 || pool.stride() != pool.size()) { // else: stride -1 resolved to the bad size
                c.atLeastOne("stride", pool.stride(), "the window must move forward (-1 means the window size)");
            }
        } else if (layer instanceof DropoutSpec dropout) {
            c.check("rate", dropout.rate(), dropout.rate() >= 0 && dropout.rate() < 1, "in [0, 1)",
                    "it is the probability of dropping, and dropping everything (1) leaves nothing to scale",
                    "use a rate such as 0.1 to 0.5");
        } else if (layer instanceof BatchNormSpec bn) {
            c.check("momentum", bn.momentum(), bn.momentum() > 0 && bn.momentum() < 1, "in (0, 1)",
                    "it weighs the running statistics against each batch's", "use 0.9 or 0.99");
            c.check("epsilon", bn.epsilon(), bn.epsilon() > 0, "greater than 0",
                    "it keeps the division by the standard deviation finite", "use 1e-5 or 1e-3");
        } else if (layer instanceof ActivationSpec act
                && act.fn() == ActivationFn.LEAKY_RELU && !act.fromAttribute()) {
            c.check("alpha", act.alpha(), act.alpha() >= 0, "at least 0",
                    "a negative slope flips the sign of negative inputs", "use 0.01 to 0.3");
        }
    }

    /** Collects range findings for one layer. */
    private record Checker(LayerSpec layer, List<Finding> findings) {

        void atLeastOne(String attribute, int value, String why) {
            check(attribute, value, value >= 1, "at least 1", why, "set " + attribute + " to 1 or more");
        }

        void check(String attribute, Object value, boolean ok, String range, String why, String fix) {
            if (!ok) {
                String whyText = Character.toUpperCase(why.charAt(0)) + why.substring(1);
                findings.add(Problem.ATTRIBUTE_OUT_OF_RANGE.at(layer.origin().withAttribute(attribute),
                        layer.name(), layer.origin().annotation(), attribute, value, range, whyText, fix));
            }
        }
    }
}
