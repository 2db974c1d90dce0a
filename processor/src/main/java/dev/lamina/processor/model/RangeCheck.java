package dev.lamina.processor.model;

import dev.lamina.processor.diag.Finding;
import dev.lamina.processor.diag.Problem;
import java.util.List;
import java.util.function.DoublePredicate;

/**
 * Collects the range findings of one layer's attributes: each kind says in
 * {@link LayerSpec#checkAttributes} which of its attributes must be in which range, and why. Every
 * finding is an ERROR whose origin names the attribute, so it is reported on the value itself.
 */
public final class RangeCheck {

    private final LayerSpec layer;
    private final List<Finding> findings;

    RangeCheck(LayerSpec layer, List<Finding> findings) {
        this.layer = layer;
        this.findings = findings;
    }

    /** An {@code int} attribute that must be at least 1. */
    public void atLeastOne(String attribute, int value, String why) {
        check(attribute, value, value >= 1, "at least 1", why, "set " + attribute + " to 1 or more");
    }

    /** The {@code kernel}, {@code stride} and {@code dilation} of a convolution's square kernel. */
    public void kernel(int kernel, int stride, int dilation) {
        atLeastOne("kernel", kernel, "the kernel must cover at least one pixel");
        atLeastOne("stride", stride, "the kernel must move forward");
        atLeastOne("dilation", dilation, "taps must be at least one pixel apart");
    }

    /**
     * A {@code double} attribute the generated code passes to DJL as a {@code float}: it must
     * be in range as written, and stay finite, in range and non-zero (when written non-zero)
     * once rounded to a float, or the model computes something else than it says.
     */
    public void checkFloat(String attribute, double value, DoublePredicate inRange, String range, String why,
                           String fix) {
        if (!Double.isFinite(value) || !inRange.test(value)) {
            check(attribute, value, false, range, why, fix);
            return;
        }
        float rounded = (float) value;
        String change = null;
        if (!Float.isFinite(rounded)) {
            change = "which is infinite: the largest float is " + Float.MAX_VALUE;
        } else if (rounded == 0 && value != 0) {
            change = "which is 0: the smallest positive float is " + Float.MIN_VALUE;
        } else if (!inRange.test(rounded)) {
            change = "which is out of range, it must be " + range + ". " + Character.toUpperCase(why.charAt(0))
                    + why.substring(1);
        }
        if (change != null) {
            findings.add(Problem.floatRounding(layer.origin().withAttribute(attribute), layer.name(), value, rounded,
                    change, fix));
        }
    }

    /** Any attribute: a finding when {@code ok} is false. */
    public void check(String attribute, Object value, boolean ok, String range, String why, String fix) {
        if (!ok) {
            findings.add(Problem.attributeOutOfRange(layer.origin().withAttribute(attribute), layer.name(), value,
                    range, why, fix));
        }
    }
}
